namespace HubSpotGen.FlowService;

/// <summary>What <see cref="HubSpotConnections.CreateAsync"/> made.</summary>
/// <param name="Id">The new base connection.</param>
/// <param name="Etag">Its etag, quotes included as the service sends it, for its first change.</param>
public sealed record CreatedConnection(Guid Id, string Etag)
{
    /// <summary>The service's request id (<c>x-request-id</c>) of the creation, to quote to Adobe support; null when the answer named none.</summary>
    public string? RequestId { get; init; }
}
