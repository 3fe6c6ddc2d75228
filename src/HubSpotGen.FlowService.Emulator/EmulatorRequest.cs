using System.Text;
using WireMock;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// One request, read out of WireMock's message once so the endpoints work on plain strings: headers looked up
/// without regard to case, and the query kept as the ordered pairs that arrived.
/// </summary>
internal sealed class EmulatorRequest
{
    private readonly Dictionary<string, string> _headers;

    private EmulatorRequest(string method, string path, IReadOnlyList<KeyValuePair<string, string>> query, Dictionary<string, string> headers, byte[] body, string requestId)
    {
        Method = method;
        Path = path;
        Query = query;
        _headers = headers;
        Body = body;
        RequestId = requestId;
    }

    /// <summary>The method in upper case.</summary>
    public string Method { get; }

    /// <summary>The path from the server root, such as <c>/data/foundation/flowservice/connections</c>.</summary>
    public string Path { get; }

    /// <summary>
    /// The query parameters in the order sent, each decoded on its own. WireMock's own query dictionary is not
    /// used because it splits values at commas, and a comma inside <c>property</c> means "or".
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>The raw body; empty when there is none.</summary>
    public byte[] Body { get; }

    /// <summary>The id this request is answered under, in <c>x-request-id</c> and in error reports.</summary>
    public string RequestId { get; }

    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name)
    {
        foreach (var pair in Query)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public List<string> QueryValues(string name)
    {
        var values = new List<string>();
        foreach (var pair in Query)
        {
            if (pair.Key == name)
            {
                values.Add(pair.Value);
            }
        }

        return values;
    }

    public static EmulatorRequest From(IRequestMessage message)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (message.Headers is { } sent)
        {
            foreach (var header in sent)
            {
                headers[header.Key] = string.Join(",", header.Value ?? []);
            }
        }

        var body = message.BodyData?.BodyAsBytes
            ?? (message.BodyData?.BodyAsString is { } text ? Encoding.UTF8.GetBytes(text) : []);
        var requestId = headers.TryGetValue("x-request-id", out var incoming) && IsUsableRequestId(incoming)
            ? incoming
            : Guid.NewGuid().ToString("N");
        return new EmulatorRequest(message.Method.ToUpperInvariant(), message.Path, ParseQuery(message.RawQuery), headers, body, requestId);
    }

    /// <summary>
    /// Decodes <c>a=1&amp;b=2</c> form-style: <c>+</c> is a space, as any HTTP server reads a query, so a literal
    /// plus has to arrive as <c>%2B</c>.
    /// </summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string? raw)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(raw))
        {
            return pairs;
        }

        foreach (var part in raw.TrimStart('?').Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? "" : part[(equals + 1)..];
            pairs.Add(new(Decode(key), Decode(value)));
        }

        return pairs;
    }

    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));

    // An echoed id ends up in a header; anything long or with control characters is replaced rather than trusted.
    private static bool IsUsableRequestId(string value) =>
        value.Length is > 0 and <= 128 && value.All(character => character is > ' ' and < (char)127);
}
