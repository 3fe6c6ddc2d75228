namespace HubSpotGen.FlowService;

public sealed partial class HubSpotConnections
{
    /// <summary>The Flow Service codes of a 404 that means the sandbox, not the connection, does not exist.</summary>
    private static readonly string[] SandboxNotFoundCodes = ["FLOW-2100-404", "FLOW-2101-404"];

    /// <summary>
    /// Reads one connection. Flow Service wraps even a single connection in an <c>{"items": [...]}</c> envelope;
    /// this unwraps it.
    /// </summary>
    /// <remarks>
    /// "Not there" is an ordinary answer to a lookup, so it is <see langword="null"/> rather than an exception:
    /// a 404, or a 200 whose <c>items</c> is missing or empty. A 404 that names a missing sandbox
    /// (FLOW-2100-404, FLOW-2101-404) is a configuration error and is still thrown. Should the envelope hold
    /// several items, the one with the requested id is returned.
    /// </remarks>
    /// <param name="id">The connection's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The connection, with its etag quotes included; or null when there is no such connection.</returns>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused the request for a reason other than an unknown connection.</exception>
    public async Task<Connection?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        RequireId(id);
        ConnectionList answer;
        try
        {
            answer = await _client.GetConnectionAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception) when (exception.StatusCode == 404 && !IsSandboxNotFound(exception))
        {
            return null;
        }

        var items = answer.Items;
        if (items is null || items.Count == 0)
        {
            return null;
        }

        foreach (var connection in items)
        {
            if (connection.Id == id)
            {
                return connection;
            }
        }

        return items[0];
    }

    private static bool IsSandboxNotFound(ApiException exception) =>
        exception is ApiException<ErrorResponse> { Error.Code: { } code } && SandboxNotFoundCodes.Contains(code, StringComparer.Ordinal);
}
