namespace HubSpotGen.Cli;

/// <summary>Whether a command reads the HUBSPOT_* variables.</summary>
internal enum HubSpotNeed
{
    /// <summary>Not read: the command sends no HubSpot credentials.</summary>
    None,

    /// <summary>All four must be set: the command always sends them.</summary>
    Required,

    /// <summary>Sent when any is set, and then all four must be; when none is, the command sends no credentials.</summary>
    WhenSet,
}
