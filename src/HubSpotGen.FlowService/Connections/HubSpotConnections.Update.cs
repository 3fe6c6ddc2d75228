using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService;

public partial class HubSpotConnections
{
    private const string UpdateOperation = "PATCH /connections/{connectionId}";

    /// <summary>
    /// Changes a connection in one PATCH: any of its credentials, name and description, as JSON Patch
    /// <c>replace</c> of <c>/auth/params</c> and <c>/name</c> (which every connection has) and <c>add</c> of
    /// <c>/description</c> (which sets it whether or not the connection has one). The etag goes in
    /// <c>If-Match</c> exactly as given, so pass it as the service returned it, quotes included.
    /// </summary>
    /// <param name="id">The connection's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="etag">The connection's current etag, as read from <see cref="GetAsync"/> or the last change, quotes included.</param>
    /// <param name="credentials">New HubSpot credentials, replacing all four stored values; null leaves them.</param>
    /// <param name="name">A new name; null leaves it. Must not be blank.</param>
    /// <param name="description">A new description; null leaves it, an empty string clears it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The connection's id, its new etag to use for the next change, and the request id of the answer that settled it (see <see cref="UpdatedEntity.RequestId"/>).</returns>
    /// <exception cref="ArgumentException">The id is empty, the etag blank or not a single header line, the name blank, or there is nothing to change; nothing was sent.</exception>
    /// <exception cref="PreconditionFailedException">The etag is stale: the connection changed since it was read.</exception>
    /// <exception cref="ChangeOutcomeUnknownException">An attempt's answer was lost and its repeat was refused as stale, so new credentials may or may not be stored; it carries the current etag.</exception>
    /// <exception cref="ApiException">Flow Service refused the change for another reason.</exception>
    public virtual Task<UpdatedEntity> UpdateAsync(Guid id, string etag, HubSpotCredentials? credentials = null, string? name = null, string? description = null, CancellationToken cancellationToken = default)
    {
        RequireId(id);
        RequireEtag(etag);
        if (name is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
        }

        if (credentials is null && name is null && description is null)
        {
            throw new ArgumentException("Nothing to change: give new credentials, a name or a description.", nameof(credentials));
        }

        return PatchAsync(id, etag, credentials, name, description, cancellationToken);
    }

    /// <summary>Replaces the stored HubSpot credentials (all four values), for example after HubSpot rotated the refresh token.</summary>
    /// <param name="id">The connection's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="etag">The connection's current etag, quotes included.</param>
    /// <param name="credentials">The new credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The connection's id, its new etag and the request id of the answer that settled the change.</returns>
    /// <exception cref="ArgumentException">The id is empty, the etag blank or the credentials missing; nothing was sent.</exception>
    /// <exception cref="PreconditionFailedException">The etag is stale.</exception>
    /// <exception cref="ApiException">Flow Service refused the change for another reason.</exception>
    public virtual Task<UpdatedEntity> UpdateCredentialsAsync(Guid id, string etag, HubSpotCredentials credentials, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return UpdateAsync(id, etag, credentials: credentials, cancellationToken: cancellationToken);
    }

    /// <summary>Renames the connection.</summary>
    /// <param name="id">The connection's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="etag">The connection's current etag, quotes included.</param>
    /// <param name="name">The new name; must not be blank.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The connection's id, its new etag and the request id of the answer that settled the change.</returns>
    /// <exception cref="ArgumentException">The id is empty, or the etag or name blank; nothing was sent.</exception>
    /// <exception cref="PreconditionFailedException">The etag is stale.</exception>
    /// <exception cref="ApiException">Flow Service refused the change for another reason.</exception>
    public virtual Task<UpdatedEntity> RenameAsync(Guid id, string etag, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return UpdateAsync(id, etag, name: name, cancellationToken: cancellationToken);
    }

    /// <summary>Sets the connection's description.</summary>
    /// <param name="id">The connection's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="etag">The connection's current etag, quotes included.</param>
    /// <param name="description">The new description; an empty string clears it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The connection's id, its new etag and the request id of the answer that settled the change.</returns>
    /// <exception cref="ArgumentException">The id is empty, the etag blank or the description null; nothing was sent.</exception>
    /// <exception cref="PreconditionFailedException">The etag is stale.</exception>
    /// <exception cref="ApiException">Flow Service refused the change for another reason.</exception>
    public virtual Task<UpdatedEntity> UpdateDescriptionAsync(Guid id, string etag, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(description);
        return UpdateAsync(id, etag, description: description, cancellationToken: cancellationToken);
    }

    private async Task<UpdatedEntity> PatchAsync(Guid id, string etag, HubSpotCredentials? credentials, string? name, string? description, CancellationToken cancellationToken)
    {
        var history = AttemptHistory.Begin();
        try
        {
            var updated = await _client.UpdateConnectionAsync(id, etag, ConnectionPatch.For(credentials, name, description), cancellationToken: cancellationToken).ConfigureAwait(false);
            return new UpdatedEntity(updated.Id, updated.Etag) { RequestId = history.RequestId };
        }
        catch (ApiException exception) when (exception.StatusCode == PreconditionFailedException.Status)
        {
            if (!history.RepeatedAfterLostAnswer)
            {
                throw new PreconditionFailedException(id, etag, exception);
            }

            // An attempt whose answer was lost may have applied the change and moved the etag, so the repeat's 412
            // may be this change's own doing. What can be read back decides.
            var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                throw new PreconditionFailedException(id, etag, exception);
            }

            if (credentials is not null)
            {
                throw new ChangeOutcomeUnknownException(id, etag, current.Etag, exception);
            }

            var nameHolds = name is null || current.Name == name;
            var descriptionHolds = description is null || (current.Description ?? string.Empty) == description;
            if (nameHolds && descriptionHolds)
            {
                // The read is the answer that showed the change holds, so its request id is the one to quote.
                return new UpdatedEntity(id, current.Etag) { RequestId = history.RequestId };
            }

            throw new PreconditionFailedException(id, etag, exception);
        }
    }

    /// <summary>
    /// The etag is sent untouched (its quotes are part of it), so it is only checked for what cannot be a header
    /// value at all: nothing, or a line break that would end the header early.
    /// </summary>
    internal static void RequireEtag(string etag, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(etag))] string? paramName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(etag, paramName);
        foreach (var character in etag)
        {
            if (char.IsControl(character))
            {
                throw new ArgumentException("The etag must be a single header line, as the service returned it.", paramName);
            }
        }
    }
}
