namespace HubSpotGen.FlowService;

/// <summary>What <see cref="HubSpotDataflows.StartRunAsync"/> started.</summary>
/// <param name="Id">The new run.</param>
/// <param name="Etag">Its etag, quotes included as the service sends it.</param>
public sealed record StartedRun(Guid Id, string Etag)
{
    /// <summary>The service's request id (<c>x-request-id</c>) of the run's creation, to quote to Adobe support; null when the answer named none.</summary>
    public string? RequestId { get; init; }
}
