using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService;

/// <summary>
/// A change may or may not have been applied. The answer to the first attempt was lost (the connection dropped,
/// or the attempt timed out), so the change was sent again, and the repeat was refused with 412 because the etag
/// had moved on: either this change moved it, or someone else's did. Credentials cannot be read back (the service
/// never returns secrets), so which one cannot be checked. Read the connection, and send the change again with
/// <see cref="CurrentEtag"/> if it still needs to be made.
/// </summary>
public sealed class ChangeOutcomeUnknownException : ApiException<ErrorResponse>
{
    /// <summary>Creates the exception from the repeat's 412.</summary>
    /// <param name="connectionId">The connection that was being changed.</param>
    /// <param name="suppliedEtag">The etag the change was sent with.</param>
    /// <param name="currentEtag">The connection's etag when it was read after the 412; null when it could not be read.</param>
    /// <param name="refusal">The repeat's 412, kept as the inner exception.</param>
    public ChangeOutcomeUnknownException(Guid connectionId, string suppliedEtag, string? currentEtag, ApiException refusal)
        : base(
            MessageFor(connectionId, currentEtag),
            (refusal ?? throw new ArgumentNullException(nameof(refusal))).StatusCode,
            refusal.ResponseBody,
            refusal.Headers,
            (refusal as ApiException<ErrorResponse>)?.Error,
            refusal)
    {
        ConnectionId = connectionId;
        SuppliedEtag = suppliedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The connection that was being changed.</summary>
    public Guid ConnectionId { get; }

    /// <summary>The etag the change was sent with, quotes included.</summary>
    public string SuppliedEtag { get; }

    /// <summary>The connection's etag as read after the 412, quotes included; null when it could not be read.</summary>
    public string? CurrentEtag { get; }

    // Ids and etags are not secrets; the request body, which holds the credentials, is never quoted.
    private static string MessageFor(Guid connectionId, string? currentEtag) =>
        $"Connection {connectionId} may have been changed: the answer to the first attempt was lost, and the repeat found the etag already moved on (412). " +
        "Stored credentials cannot be read back to check. " +
        (currentEtag is null ? "Read the connection for its current etag." : $"Its current etag is {currentEtag}.");
}
