using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Tests;

/// <summary>What <see cref="HubSpotConnections.CreateAsync"/> puts on the wire, down to the byte that matters.</summary>
public sealed class CreateConnectionWireTests : StubServerFixture
{
    private const string CreatedAnswer = """{"id":"2fce94c1-9a93-4971-8e94-c19a93097129","etag":"\"d403848a-0000-0200-0000-5e978f7b0000\""}""";

    // The documented create body, with the fake credentials in place of the placeholders.
    private const string DocumentedBody = $$"""
        {
          "name": "HubSpot base connection",
          "description": "optional text",
          "auth": {
            "specName": "Basic Authentication",
            "params": {
              "clientId": "{{FakePlatform.HubSpotClientId}}",
              "clientSecret": "{{FakePlatform.HubSpotClientSecret}}",
              "accessToken": "{{FakePlatform.HubSpotAccessToken}}",
              "refreshToken": "{{FakePlatform.HubSpotRefreshToken}}"
            }
          },
          "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" }
        }
        """;

    // The base address is given both with and without a trailing slash: users write both, and in either
    // form the /data/foundation/flowservice path must survive in front of the operation path.
    [TestCase("")]
    [TestCase("/")]
    public async Task Create_sends_the_documented_request(string trailingSlash)
    {
        AnswerEveryRequest(201, CreatedAnswer);
        var options = FakePlatform.Options(new Uri(Server.Url + FakePlatform.BasePath + trailingSlash));
        var connections = new HubSpotConnections(CreateClient(options));

        await connections.CreateAsync("HubSpot base connection", FakePlatform.Credentials(), "optional text");

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("POST"));
            Assert.That(request.AbsolutePath, Is.EqualTo("/data/foundation/flowservice/connections"));
            Assert.That(request.RawQuery, Is.Null.Or.Empty, "no query string");
            Assert.That(request.AbsoluteUrl, Does.Not.Contain("?"));
            request.AssertPlatformHeaders();
            // Exactly the media type, no charset: the spec names application/json and the service matches it.
            request.AssertHeader("Content-Type", "application/json");
            request.AssertHeader("Accept", "application/json");
            request.AssertOnlyHeaders("Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name", "Content-Type", "Accept");
            JsonAssert.AreEquivalent(DocumentedBody, request.Body);
        });
    }

    [Test]
    public async Task Create_without_description_leaves_the_key_out_entirely()
    {
        AnswerEveryRequest(201, CreatedAnswer);
        var connections = new HubSpotConnections(CreateClient());

        await connections.CreateAsync("HubSpot base connection", FakePlatform.Credentials());

        var body = JsonAssert.Parse(SingleRequest().Body ?? "null");
        // Absent, not null: "description": null is a different request, which the service may treat as clearing it.
        Assert.That(body, Is.InstanceOf<JObject>());
        Assert.That(((JObject)body).ContainsKey("description"), Is.False, "body must not carry a description key: " + body);

        var expected = (JObject)JsonAssert.Parse(DocumentedBody);
        expected.Remove("description");
        JsonAssert.AreEquivalent(expected.ToString(), body.ToString());
    }

    [Test]
    public void A_cancelled_create_sends_nothing()
    {
        AnswerEveryRequest(201, CreatedAnswer);
        var connections = new HubSpotConnections(CreateClient());
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.CatchAsync<OperationCanceledException>(
            () => connections.CreateAsync("HubSpot base connection", FakePlatform.Credentials(), cancellationToken: cancelled.Token));
        AssertNothingWasSent();
    }
}
