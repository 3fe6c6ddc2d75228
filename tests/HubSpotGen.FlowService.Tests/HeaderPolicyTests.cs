using HubSpotGen.FlowService.Models;
using System.Net.Http.Headers;
using System.Text;

namespace HubSpotGen.FlowService.Tests;

/// <summary>
/// The Platform header policy of <see cref="PlatformHeadersHandler"/>: identity headers on every request,
/// a JSON content type on bodies that lack one, and a header the caller set on the request wins.
/// </summary>
public sealed class HeaderPolicyTests : StubServerFixture
{
    [SetUp]
    public void AnswerAnything() => AnswerEveryRequest(200, """{"items":[]}""");

    [Test]
    public async Task A_sandbox_given_per_call_wins_and_is_sent_once()
    {
        AnswerEveryRequest(201, """{"id":"2fce94c1-9a93-4971-8e94-c19a93097129","etag":"\"e\""}""");
        var client = CreateClient();
        var request = new CreateConnectionRequest
        {
            Name = "HubSpot base connection",
            Auth = new AuthInfo { SpecName = HubSpotConnectionSpec.AuthSpecName, Params = FakePlatform.Credentials().ToAuthParams() },
            ConnectionSpec = HubSpotConnectionSpec.Reference(),
        };

        await client.CreateConnectionAsync(request, sandboxName: "dev");

        var sent = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(sent.Header("x-sandbox-name"), Is.EqualTo(new[] { "dev" }));
            // The rest of the policy still applies around the overridden header.
            sent.AssertPlatformHeaders(sandboxName: "dev");
        });
    }

    [Test]
    public async Task A_read_carries_the_identity_headers_but_no_content_type()
    {
        await CreateClient().ListConnectionsAsync();

        var sent = SingleRequest();
        Assert.Multiple(() =>
        {
            sent.AssertPlatformHeaders();
            Assert.That(sent.Header("Content-Type"), Is.Empty, "a request without a body has no content type");
            sent.AssertOnlyHeaders("Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name", "Accept");
        });
    }

    [Test]
    public async Task An_authorization_set_on_the_request_wins()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BaseAddress + "/connections");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "test-other-bearer-token");

        using var response = await CreateHttpClient().SendAsync(request);

        SingleRequest().AssertHeader("Authorization", "Bearer test-other-bearer-token");
    }

    [TestCase("x-api-key")]
    [TestCase("x-gw-ims-org-id")]
    [TestCase("x-sandbox-name")]
    public async Task An_identity_header_set_on_the_request_wins(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, BaseAddress + "/connections");
        request.Headers.TryAddWithoutValidation(name, "test-per-call-value");

        using var response = await CreateHttpClient().SendAsync(request);

        SingleRequest().AssertHeader(name, "test-per-call-value");
    }

    [Test]
    public async Task A_body_without_a_content_type_is_sent_as_json()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BaseAddress + "/connections")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{}")),
        };

        using var response = await CreateHttpClient().SendAsync(request);

        SingleRequest().AssertHeader("Content-Type", "application/json");
    }

    [Test]
    public async Task A_content_type_set_on_the_body_wins()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, BaseAddress + "/connections/2fce94c1-9a93-4971-8e94-c19a93097129")
        {
            Content = new StringContent("[]", Encoding.UTF8, "application/json-patch+json"),
        };

        using var response = await CreateHttpClient().SendAsync(request);

        SingleRequest().AssertHeader("Content-Type", "application/json-patch+json; charset=utf-8");
    }
}
