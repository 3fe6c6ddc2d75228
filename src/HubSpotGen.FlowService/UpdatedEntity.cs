namespace HubSpotGen.FlowService;

/// <summary>What a change of a connection or a dataflow left: the entity and its new etag, for the next change.</summary>
/// <param name="Id">The connection or dataflow that was changed.</param>
/// <param name="Etag">Its etag after the change, quotes included as the service sends it.</param>
public sealed record UpdatedEntity(Guid Id, string Etag)
{
    /// <summary>
    /// The service's request id (<c>x-request-id</c>) of the answer that settled the change, to quote to Adobe
    /// support; null when that answer named none. Usually the PATCH's answer. When an attempt's answer was lost and
    /// the repeat was refused as stale, the change is confirmed by reading the entity back, and it is then the read's
    /// request id (null if the read named none), since no answer of the PATCH reported the success.
    /// </summary>
    public string? RequestId { get; init; }
}
