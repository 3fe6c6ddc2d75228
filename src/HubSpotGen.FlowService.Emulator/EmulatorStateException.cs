namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// The state file given in <see cref="FlowServiceEmulatorOptions.StateFile"/> cannot be read or written. The
/// message is one line that names the file and what is wrong, and never quotes its content.
/// </summary>
public sealed class EmulatorStateException : Exception
{
    /// <summary>A problem with the state file; <paramref name="message"/> says what.</summary>
    public EmulatorStateException(string message)
        : base(message)
    {
    }

    /// <summary>A problem with the state file, caused by <paramref name="innerException"/>.</summary>
    public EmulatorStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
