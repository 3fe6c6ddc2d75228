using System.Text;
using WireMock;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>Asserts that two requests, as the stub server received them, are the same on the wire.</summary>
internal static class WireAssert
{
    /// <summary>
    /// The headers the spec defines: its parameters (x-sandbox-name, If-Match), its security schemes
    /// (Authorization, x-api-key, x-gw-ims-org-id) and its media types (Content-Type, Accept).
    /// </summary>
    public static readonly string[] SpecHeaders =
        ["x-sandbox-name", "If-Match", "Content-Type", "Authorization", "x-api-key", "x-gw-ims-org-id", "Accept"];

    /// <summary>Added by the transport (or by tracing, with a per-request value), not by either client.</summary>
    private static readonly HashSet<string> TransportHeaders =
        new(["Host", "traceparent", "tracestate", "Request-Id", "baggage"], StringComparer.OrdinalIgnoreCase);

    public static void SameRequest(IRequestMessage ours, IRequestMessage theirs)
    {
        Assert.Multiple(() =>
        {
            Assert.That(ours.Method, Is.EqualTo(theirs.Method), "method");
            Assert.That(ours.AbsolutePath, Is.EqualTo(theirs.AbsolutePath), "path");
            Assert.That(Query(ours.RawQuery), Is.EqualTo(Query(theirs.RawQuery)), "query (raw values, per name in order)");
            foreach (var name in SpecHeaders)
            {
                Assert.That(ours.Header(name), Is.EqualTo(theirs.Header(name)), "header " + name);
            }

            Assert.That(HeaderNames(ours), Is.EqualTo(HeaderNames(theirs)), "the set of header names");
            if (string.IsNullOrEmpty(theirs.Body))
            {
                Assert.That(ours.Body, Is.Null.Or.Empty, "NSwag sent no body, ours did");
            }
            else
            {
                JsonAssert.AreEquivalent(theirs.Body, ours.Body);
            }
        });
    }

    /// <summary>
    /// The query as "name=[v1|v2]" lines sorted by name. The values stay as sent (still escaped) and in the order
    /// sent, because repeated <c>property</c> filters are a list; the order of different names does not matter
    /// to a form-style query. WireMock's own parsed Query is not used: it splits values on commas.
    /// </summary>
    public static string Query(string? rawQuery)
    {
        var text = (rawQuery ?? string.Empty).TrimStart('?');
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var byName = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&'))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "(no '=')" : pair[(equals + 1)..];
            if (!byName.TryGetValue(name, out var values))
            {
                byName[name] = values = [];
            }

            values.Add(value);
        }

        var builder = new StringBuilder();
        foreach (var (name, values) in byName)
        {
            builder.Append(name).Append("=[").Append(string.Join("|", values)).Append("]\n");
        }

        return builder.ToString();
    }

    private static string HeaderNames(IRequestMessage request) => string.Join(", ",
        (request.Headers?.Keys ?? Enumerable.Empty<string>())
            .Where(name => !TransportHeaders.Contains(name))
            .Select(name => name.ToLowerInvariant())
            .Order(StringComparer.Ordinal));
}
