namespace HubSpotGen.Cli;

/// <summary>What the command's exit status means, for scripts that call it.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The service (Flow Service or IMS) answered with an error, could not be reached, or did not answer in time.</summary>
    public const int ServiceError = 1;

    /// <summary>Configuration or arguments are missing or invalid; nothing was sent.</summary>
    public const int UsageError = 2;

    /// <summary>Ctrl+C stopped the command: 128 plus SIGINT, as shells report an interrupted program.</summary>
    public const int Cancelled = 130;
}
