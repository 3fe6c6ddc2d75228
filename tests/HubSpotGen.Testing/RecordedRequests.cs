using WireMock;

namespace HubSpotGen.Testing;

/// <summary>Reads what arrived at the stub server, without regard to how the transport spelled header names.</summary>
public static class RecordedRequests
{
    /// <summary>The values of header <paramref name="name"/> as they arrived; empty when it was not sent.</summary>
    public static IReadOnlyList<string> Header(this IRequestMessage request, string name)
    {
        var values = new List<string>();
        foreach (var header in request.Headers ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                values.AddRange(header.Value);
            }
        }

        return values;
    }

    /// <summary>Asserts that header <paramref name="name"/> arrived once, with exactly <paramref name="expected"/>.</summary>
    public static void AssertHeader(this IRequestMessage request, string name, string expected) =>
        Assert.That(request.Header(name), Is.EqualTo(new[] { expected }), $"header {name}");

    /// <summary>
    /// Asserts that no header arrived beyond <paramref name="expected"/> and the ones the transport itself adds,
    /// so a duplicate under another spelling or a stray header fails the test.
    /// </summary>
    public static void AssertOnlyHeaders(this IRequestMessage request, params string[] expected)
    {
        var allowed = expected.Concat(TransportHeaders).Select(name => name.ToLowerInvariant()).ToHashSet();
        var unexpected = (request.Headers?.Keys ?? Enumerable.Empty<string>())
            .Where(name => !allowed.Contains(name.ToLowerInvariant()))
            .ToList();
        Assert.That(unexpected, Is.Empty, "headers that should not have been sent");
    }

    /// <summary>Headers HttpClient adds on its own; not part of what the library decides.</summary>
    private static readonly string[] TransportHeaders = ["Host", "Content-Length"];

    /// <summary>
    /// Asserts the Platform header policy: the four identity headers once each, with the expected values.
    /// </summary>
    public static void AssertPlatformHeaders(this IRequestMessage request, string sandboxName = FakePlatform.SandboxName)
    {
        Assert.Multiple(() =>
        {
            request.AssertHeader("Authorization", "Bearer " + FakePlatform.BearerToken);
            request.AssertHeader("x-api-key", FakePlatform.ApiKey);
            request.AssertHeader("x-gw-ims-org-id", FakePlatform.ImsOrgId);
            request.AssertHeader("x-sandbox-name", sandboxName);
        });
    }
}
