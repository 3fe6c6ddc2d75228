using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService;

public partial class HubSpotConnections
{
    private const string GetOperation = "GET /connections/{connectionId}";

    /// <summary>
    /// Reads one connection. Flow Service wraps even a single connection in an <c>{"items": [...]}</c> envelope;
    /// this unwraps it.
    /// </summary>
    /// <remarks>
    /// "Not there" is an ordinary answer to a lookup, so it is <see langword="null"/> rather than an exception:
    /// Flow Service's own not-found answer (a 404 with a FLOW-xxxx-404 error), or a 200 whose <c>items</c> is
    /// missing or empty. Any other 404 (a wrong base path, a gateway's page, a missing sandbox) is thrown, and so
    /// is an envelope that holds only connections of other ids.
    /// </remarks>
    /// <param name="id">The connection's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The connection whose id is <paramref name="id"/>, with its etag quotes included; or null when there is no such connection.</returns>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused the request for a reason other than an unknown connection, or answered with other connections.</exception>
    public virtual async Task<Connection?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        RequireId(id);
        ConnectionList answer;
        try
        {
            answer = await _client.GetConnectionAsync(id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception) when (EntityNotFound.Is(exception))
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

        throw UnexpectedAnswer.Create(GetOperation, items.Count + " connection(s), none of them with the id asked for");
    }
}
