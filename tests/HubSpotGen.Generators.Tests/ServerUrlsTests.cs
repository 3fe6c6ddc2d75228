using HubSpotGen.Generators.Parsing;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// The quick check of a server URL may only accept what System.Uri accepts as an absolute http(s) URL: what it
/// refuses, Uri still decides.
/// </summary>
public sealed class ServerUrlsTests
{
    [TestCase("https://platform.adobe.io/data/foundation/flowservice")]
    [TestCase("http://localhost:8080")]
    [TestCase("HTTPS://Example.COM/v2/")]
    [TestCase("https://a-b.c-d.example:65535/x_y~z.json")]
    [TestCase("https://10.0.0.1/api")]
    public void Everyday_urls_are_plain_and_uri_agrees(string url)
    {
        Assert.That(ServerUrls.IsPlainHttp(url), Is.True);
        AssertUriTakes(url);
    }

    [TestCase("ftp://example.test/")]
    [TestCase("https://")]
    [TestCase("https:///path")]
    [TestCase("https://-host.example/")]
    [TestCase("https://host-.example/")]
    [TestCase("https://host..example/")]
    [TestCase("https://host.example:/")]
    [TestCase("https://host.example:65536/")]
    [TestCase("https://host.example:123456/")]
    [TestCase("https://exa mple.test/")]
    [TestCase("https://user@example.test/")]
    [TestCase("https://[::1]:8080/")]
    [TestCase("https://example.test/a b")]
    [TestCase("https://example.test/search?q=1")]
    [TestCase("https://example.test/%41")]
    [TestCase("https://bücher.example/")]
    [TestCase("/relative/path")]
    [TestCase("https:example.test")]
    public void Anything_else_is_left_to_uri(string url) =>
        Assert.That(ServerUrls.IsPlainHttp(url), Is.False);

    private static void AssertUriTakes(string url)
    {
        Assert.That(Uri.TryCreate(url, UriKind.Absolute, out var absolute), Is.True, url);
        Assert.That(absolute!.Scheme, Is.AnyOf("http", "https"), url);
    }
}
