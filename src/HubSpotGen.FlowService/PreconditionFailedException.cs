using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService;

/// <summary>
/// A change was refused with 412 Precondition Failed because the etag sent in <c>If-Match</c> is no longer the
/// connection's current one: someone changed it since it was read. Read the connection again
/// (<see cref="HubSpotConnections.GetAsync"/>) for the current etag, then retry.
/// </summary>
/// <remarks>
/// It derives from <see cref="ApiException{TError}"/> so that code catching the generated client's exceptions
/// still catches it, and carries the same status, body and headers.
/// </remarks>
public sealed class PreconditionFailedException : ApiException<ErrorResponse>
{
    /// <summary>The HTTP status of a precondition failure.</summary>
    public const int Status = 412;

    /// <summary>Creates the exception from the generated client's 412 error.</summary>
    /// <param name="connectionId">The connection whose change was refused.</param>
    /// <param name="suppliedEtag">The etag that was sent in <c>If-Match</c>.</param>
    /// <param name="refusal">The 412 error as the generated client raised it; kept as the inner exception.</param>
    public PreconditionFailedException(Guid connectionId, string suppliedEtag, ApiException refusal)
        : this("Connection", connectionId, suppliedEtag, refusal)
    {
    }

    /// <summary>Creates the exception for an entity other than a connection, such as a dataflow.</summary>
    /// <param name="entity">What the entity is, capitalized, for the message: <c>Dataflow</c>.</param>
    /// <param name="entityId">The entity whose change was refused; also in <see cref="ConnectionId"/>.</param>
    /// <param name="suppliedEtag">The etag that was sent in <c>If-Match</c>.</param>
    /// <param name="refusal">The 412 error as the generated client raised it; kept as the inner exception.</param>
    internal PreconditionFailedException(string entity, Guid entityId, string suppliedEtag, ApiException refusal)
        : base(
            MessageFor(entity, entityId, suppliedEtag),
            (refusal ?? throw new ArgumentNullException(nameof(refusal))).StatusCode,
            refusal.ResponseBody,
            refusal.Headers,
            (refusal as ApiException<ErrorResponse>)?.Error,
            refusal)
    {
        ConnectionId = entityId;
        SuppliedEtag = suppliedEtag;
    }

    /// <summary>The connection (or, from <see cref="HubSpotDataflows"/>, the dataflow) whose change was refused.</summary>
    public Guid ConnectionId { get; }

    /// <summary>The entity whose change was refused: a connection, or a dataflow; the same value as <see cref="ConnectionId"/>.</summary>
    public Guid EntityId => ConnectionId;

    /// <summary>The stale etag that was sent in <c>If-Match</c>, quotes included.</summary>
    public string SuppliedEtag { get; }

    // Ids and etags are not secrets; the request body, which holds the credentials, is never quoted.
    private static string MessageFor(string entity, Guid entityId, string suppliedEtag) =>
        $"{entity} {entityId} was not changed: etag {suppliedEtag} is stale (412 Precondition Failed). Read the {entity.ToLowerInvariant()} again for its current etag and retry.";
}
