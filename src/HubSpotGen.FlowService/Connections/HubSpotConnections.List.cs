using HubSpotGen.FlowService.Models;
using System.Runtime.CompilerServices;

namespace HubSpotGen.FlowService;

public partial class HubSpotConnections
{
    private const string ListOperation = "GET /connections";

    /// <summary>
    /// Lists connections, HubSpot ones by default, fetching page after page as the enumeration goes on until
    /// a page has no <c>_links.next</c> continuation token.
    /// </summary>
    /// <remarks>
    /// Every page request repeats the query (filters, <c>orderby</c>, <c>limit</c>) and adds the token from the
    /// previous page: Flow Service does not document whether its token carries the query, and repeating it
    /// gives the same answer either way. Nothing is sent until the enumeration starts; the query is checked
    /// when this method is called.
    /// </remarks>
    /// <param name="query">Filters, sort and page size; null lists every HubSpot connection.</param>
    /// <param name="cancellationToken">Cancels the enumeration, including a page request in flight.</param>
    /// <exception cref="ArgumentException">The query has a blank filter or sort field, or a page size below 1; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused a page request, or sent the same continuation token twice in a row.</exception>
    public virtual IAsyncEnumerable<Connection> ListAsync(ConnectionQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ConnectionQuery();
        query.ValidateListing();
        return ListConnectionsCoreAsync(query.PropertyFilters(), query, cancellationToken);
    }

    /// <summary>
    /// Lists connections page by page, as <see cref="ListAsync"/> does, for callers that want to see page
    /// boundaries (to show progress, or to stop after a page).
    /// </summary>
    /// <param name="query">Filters, sort and page size; null lists every HubSpot connection.</param>
    /// <param name="cancellationToken">Cancels the enumeration, including a page request in flight.</param>
    /// <exception cref="ArgumentException">The query has a blank filter or sort field, or a page size below 1; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused a page request, or sent the same continuation token twice in a row.</exception>
    public virtual IAsyncEnumerable<ConnectionList> ListPagesAsync(ConnectionQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ConnectionQuery();
        query.ValidateListing();
        return ListPagesCoreAsync(query.PropertyFilters(), query, cancellationToken);
    }

    /// <summary>Counts connections, HubSpot ones by default, with <c>count=true</c>: one request, no connections transferred.</summary>
    /// <param name="query">The filters to count under; its <see cref="ConnectionQuery.OrderBy"/> and <see cref="ConnectionQuery.PageSize"/> are not sent (the service refuses a limit with a count).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The number of matching connections.</returns>
    /// <exception cref="ArgumentException">The query has a blank filter; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused the request, or answered without a count.</exception>
    public virtual async Task<long> CountAsync(ConnectionQuery? query = null, CancellationToken cancellationToken = default)
    {
        var filters = (query ?? new ConnectionQuery()).PropertyFilters();
        var answer = await _client.ListConnectionsAsync(property: filters, count: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        return answer.Count ?? throw UnexpectedAnswer.Create(ListOperation, "no count, although count=true was sent");
    }

    private async IAsyncEnumerable<Connection> ListConnectionsCoreAsync(List<string> filters, ConnectionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ListPagesCoreAsync(filters, query, cancellationToken).ConfigureAwait(false))
        {
            foreach (var connection in page.Items ?? [])
            {
                yield return connection;
            }
        }
    }

    private async IAsyncEnumerable<ConnectionList> ListPagesCoreAsync(List<string> filters, ConnectionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuationToken = null;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await _client.ListConnectionsAsync(
                property: filters,
                limit: query.PageSize,
                orderby: query.OrderBy,
                continuationToken: continuationToken,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            yield return page;

            var next = ContinuationLink.TokenOf(page.Links?.Next?.Href);
            if (next is not null && next == continuationToken)
            {
                // A service that hands back the token it was given would keep this loop going forever.
                throw UnexpectedAnswer.Create(ListOperation, "the same continuation token it was sent, so the listing cannot move on");
            }

            continuationToken = next;
        }
        while (continuationToken is not null);
    }
}
