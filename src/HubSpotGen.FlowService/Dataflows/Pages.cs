using System.Runtime.CompilerServices;

namespace HubSpotGen.FlowService;

/// <summary>Walks a Flow Service listing page by page, following each page's <c>_links.next</c> continuation token.</summary>
internal static class Pages
{
    /// <summary>
    /// Every page, the first fetched with no token; stops at a page without a next link. A page that hands back the
    /// token it was fetched with would loop forever, so it is an error.
    /// </summary>
    public static async IAsyncEnumerable<TPage> ReadAsync<TPage>(
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, string?> nextHref,
        string operation,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuationToken = null;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(continuationToken, cancellationToken).ConfigureAwait(false);
            yield return page;

            var next = ContinuationLink.TokenOf(nextHref(page));
            if (next is not null && next == continuationToken)
            {
                throw UnexpectedAnswer.Create(operation, "the same continuation token it was sent, so the listing cannot move on");
            }

            continuationToken = next;
        }
        while (continuationToken is not null);
    }
}
