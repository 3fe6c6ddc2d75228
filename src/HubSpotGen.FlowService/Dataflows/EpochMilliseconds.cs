namespace HubSpotGen.FlowService;

/// <summary>Flow Service's timestamps: milliseconds since the Unix epoch.</summary>
internal static class EpochMilliseconds
{
    // The range DateTimeOffset can hold, so that a wild value reads as unknown rather than throwing.
    private const long Minimum = -62135596800000;
    private const long Maximum = 253402300799999;

    public static DateTimeOffset? ToTime(long? milliseconds) =>
        milliseconds is { } value and >= Minimum and <= Maximum ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;
}
