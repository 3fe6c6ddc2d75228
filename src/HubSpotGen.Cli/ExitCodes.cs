namespace HubSpotGen.Cli;

/// <summary>What the command's exit status means, for scripts that call it.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The service answered with an error, or could not be reached.</summary>
    public const int ServiceError = 1;

    /// <summary>Configuration or arguments are missing or invalid; nothing was sent.</summary>
    public const int UsageError = 2;
}
