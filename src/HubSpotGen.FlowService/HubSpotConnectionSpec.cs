using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService;

/// <summary>The Flow Service connection spec of the HubSpot source, as Adobe publishes it.</summary>
public static class HubSpotConnectionSpec
{
    /// <summary>The connection spec id of HubSpot.</summary>
    public const string Id = "cc6a4487-9e91-433e-a3a3-9cf6626c1806";

    /// <summary>The connection spec version this library targets.</summary>
    public const string Version = "1.0";

    /// <summary>The authentication spec HubSpot connections use.</summary>
    public const string AuthSpecName = "Basic Authentication";

    /// <summary>The connection spec id as a <see cref="Guid"/>.</summary>
    public static Guid IdAsGuid { get; } = Guid.Parse(Id);

    /// <summary>A reference to this spec, as a create request carries it.</summary>
    public static SpecReference Reference() => new() { Id = IdAsGuid, Version = Version };
}
