using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// The query of a list route (<c>GET /connections</c>, <c>/flows</c>, <c>/runs</c>…): filters, order, page size, count and where a continued listing
/// resumes. The continuation token is base64url of the offset and a fingerprint of the sandbox, filters and
/// order, so a token cannot be replayed against a different listing.
/// </summary>
internal sealed class ListQuery
{
    public const int MaxLimit = 100;

    private ListQuery(ListShape shape, List<PropertyFilter> filters, SortOrder order, int? limit, bool count, int offset, string fingerprint)
    {
        Shape = shape;
        Filters = filters;
        Order = order;
        Limit = limit;
        Count = count;
        Offset = offset;
        Fingerprint = fingerprint;
    }

    public ListShape Shape { get; }

    public IReadOnlyList<PropertyFilter> Filters { get; }

    public SortOrder Order { get; }

    /// <summary>The page size; null returns every remaining entity.</summary>
    public int? Limit { get; }

    public bool Count { get; }

    /// <summary>How many entities earlier pages already returned.</summary>
    public int Offset { get; }

    private string Fingerprint { get; }

    /// <summary>The parameters a list takes; any other is refused, as the service does (1451).</summary>
    private static readonly HashSet<string> Parameters = new(StringComparer.Ordinal) { "property", "limit", "orderby", "continuationToken", "count" };

    public static (ListQuery? Query, FlowError? Error) Parse(EmulatorRequest request, string sandboxName, ListShape shape)
    {
        foreach (var pair in request.Query)
        {
            if (!Parameters.Contains(pair.Key))
            {
                return Fail(FlowCodes.UnknownQueryParameter, $"The query parameter '{pair.Key}' is not known; a list takes property, limit, orderby, continuationToken and count.");
            }
        }

        var count = false;
        if (request.QueryValue("count") is { } countText)
        {
            if (!bool.TryParse(countText, out count))
            {
                return Fail(FlowCodes.BadRequest, "count must be true or false.");
            }
        }

        int? limit = null;
        if (request.QueryValue("limit") is { } limitText)
        {
            if (count)
            {
                return Fail(FlowCodes.LimitWithCount, "The limit and count parameters cannot be used together.");
            }

            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1 || parsed > MaxLimit)
            {
                return Fail(FlowCodes.BadRequest, $"limit must be a whole number from 1 to {MaxLimit}.");
            }

            limit = parsed;
        }

        var expressions = new List<string>();
        var filters = new List<PropertyFilter>();
        foreach (var expression in request.QueryValues("property"))
        {
            var (filter, error) = PropertyFilter.Parse(expression, shape);
            if (error is not null)
            {
                return (null, error);
            }

            expressions.Add(expression);
            filters.Add(filter!);
        }

        var orderby = request.QueryValue("orderby");
        var (order, orderError) = SortOrder.Parse(orderby, shape);
        if (orderError is not null)
        {
            return (null, orderError);
        }

        var fingerprint = FingerprintOf(shape.Route + "\n" + sandboxName, expressions, orderby?.Trim());
        var offset = 0;
        if (!count && request.QueryValue("continuationToken") is { } token)
        {
            if (ReadToken(token, fingerprint) is not { } resumed)
            {
                return Fail(FlowCodes.BadRequest, "The continuationToken is not valid for this listing; repeat the query of the page that gave it.");
            }

            offset = resumed;
        }

        return (new ListQuery(shape, filters, order!, limit, count, offset, fingerprint), null);
    }

    /// <summary>
    /// The route (<c>/connections?</c>, <c>/runs?</c>…) plus the query as received (minus any old token) and the next token, relative to the
    /// service base path as the documented example is.
    /// </summary>
    public string NextHref(EmulatorRequest request, int nextOffset)
    {
        var href = new StringBuilder(Shape.Route).Append('?');
        foreach (var pair in request.Query)
        {
            if (pair.Key == "continuationToken")
            {
                continue;
            }

            href.Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value)).Append('&');
        }

        var token = Base64Url(Encoding.UTF8.GetBytes(nextOffset.ToString(CultureInfo.InvariantCulture) + "." + Fingerprint));
        return href.Append("continuationToken=").Append(Uri.EscapeDataString(token)).ToString();
    }

    private static (ListQuery?, FlowError?) Fail(int code, string message) => (null, FlowError.BadRequest(code, message));

    private static int? ReadToken(string token, string fingerprint)
    {
        string text;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !string.Equals(text[(dot + 1)..], fingerprint, StringComparison.Ordinal))
        {
            return null;
        }

        return int.TryParse(text[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;
    }

    // Filters are ANDed, so their order does not change the listing and is left out of the fingerprint.
    private static string FingerprintOf(string listing, List<string> expressions, string? orderby)
    {
        var sorted = expressions.OrderBy(expression => expression, StringComparer.Ordinal);
        var canonical = listing + "\n" + string.Join("\n", sorted) + "\n" + (orderby ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
