namespace HubSpotGen.FlowService;

/// <summary>Reads the continuation token out of a page's <c>_links.next.href</c>.</summary>
internal static class ContinuationLink
{
    private const string TokenParameter = "continuationToken";

    /// <summary>
    /// The unescaped token, or null when there is no next page. The href may be relative
    /// (<c>/connections?continuationToken=…</c>, as documented) or absolute; only its query matters.
    /// A literal <c>+</c> stays a plus: tokens are opaque and often base64, so form-style decoding would break them.
    /// </summary>
    public static string? TokenOf(string? href)
    {
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }

        var queryStart = href.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return null;
        }

        var query = href.AsSpan(queryStart + 1);
        var fragmentStart = query.IndexOf('#');
        if (fragmentStart >= 0)
        {
            query = query[..fragmentStart];
        }

        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair[..equals].SequenceEqual(TokenParameter))
            {
                var token = Uri.UnescapeDataString(pair[(equals + 1)..].ToString());
                return token.Length == 0 ? null : token;
            }
        }

        return null;
    }
}
