using System.Net.Http.Headers;
using System.Text;
using HubSpotGen.FlowService.Emulator;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Testing;

/// <summary>
/// One emulator for the fixture, reset before each test, and a plain HttpClient that sends exactly what a
/// test asks for: the raw tests check the wire, not what a client library makes of it.
/// </summary>
public abstract class EmulatorFixture
{
    public const string Sandbox = "prod";
    public const string HubSpotSpecId = "cc6a4487-9e91-433e-a3a3-9cf6626c1806";

    protected FlowServiceEmulator Emulator { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    /// <summary>The options the fixture's emulator starts with; the defaults unless a fixture needs its own clock or run timing.</summary>
    protected virtual FlowServiceEmulatorOptions? EmulatorOptions => null;

    [OneTimeSetUp]
    public void StartEmulator()
    {
        Emulator = FlowServiceEmulator.Start(EmulatorOptions);
        Http = new HttpClient();
    }

    [OneTimeTearDown]
    public void StopEmulator()
    {
        Http.Dispose();
        Emulator.Dispose();
    }

    [SetUp]
    public void ResetEmulator() => Emulator.Reset();

    /// <summary>The service address of a route, such as <c>/connections</c>; the base path is kept by appending text.</summary>
    protected Uri Service(string route) => new(Emulator.BaseAddress + route);

    /// <summary>A request with every gateway header set correctly and the sandbox header when one is given.</summary>
    protected HttpRequestMessage Request(HttpMethod method, string route, string? sandbox = Sandbox) => RequestTo(method, Service(route), sandbox);

    /// <summary><see cref="Request"/> to any address on the emulator's host, such as a Catalog or Data Prep route.</summary>
    protected HttpRequestMessage RequestTo(HttpMethod method, Uri address, string? sandbox = Sandbox)
    {
        var request = new HttpRequestMessage(method, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Emulator.Options.AccessToken);
        request.Headers.TryAddWithoutValidation("x-api-key", Emulator.Options.ApiKey);
        request.Headers.TryAddWithoutValidation("x-gw-ims-org-id", Emulator.Options.ImsOrgId);
        if (sandbox is not null)
        {
            request.Headers.TryAddWithoutValidation("x-sandbox-name", sandbox);
        }

        return request;
    }

    protected static HttpRequestMessage WithJson(HttpRequestMessage request, string json, string contentType = "application/json")
    {
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return request;
    }

    protected async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Http.SendAsync(request);
            return await Answer.ReadAsync(response);
        }
    }

    protected Task<Answer> GetAsync(string route, string? sandbox = Sandbox) => SendAsync(Request(HttpMethod.Get, route, sandbox));

    protected Task<Answer> PostConnectionAsync(string json, string? sandbox = Sandbox) =>
        SendAsync(WithJson(Request(HttpMethod.Post, "/connections", sandbox), json));

    protected Task<Answer> PatchAsync(string id, string? ifMatch, string json, string? sandbox = Sandbox)
    {
        var request = WithJson(Request(HttpMethod.Patch, "/connections/" + id, sandbox), json);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return SendAsync(request);
    }

    protected Task<Answer> DeleteAsync(string id, string? sandbox = Sandbox) => SendAsync(Request(HttpMethod.Delete, "/connections/" + id, sandbox));

    /// <summary>A create body for a HubSpot connection whose secrets end in <paramref name="secretSuffix"/>, so tests can look for them.</summary>
    protected static string CreateBody(string name, string? description = null, string secretSuffix = "0") =>
        new JObject
        {
            ["name"] = name,
            ["description"] = description,
            ["auth"] = new JObject
            {
                ["specName"] = "Basic Authentication",
                ["params"] = AuthParams(secretSuffix),
            },
            ["connectionSpec"] = new JObject { ["id"] = HubSpotSpecId, ["version"] = "1.0" },
        }.ToString(Formatting.None);

    protected static JObject AuthParams(string secretSuffix) => new()
    {
        ["clientId"] = "hubspot-client-" + secretSuffix,
        ["clientSecret"] = "hubspot-secret-" + secretSuffix,
        ["accessToken"] = "hubspot-access-" + secretSuffix,
        ["refreshToken"] = "hubspot-refresh-" + secretSuffix,
    };

    /// <summary>Creates a connection and returns its id and etag; fails the test unless the answer is 201.</summary>
    protected async Task<(string Id, string Etag)> CreateAsync(string name, string? description = null, string sandbox = Sandbox, string secretSuffix = "0")
    {
        var answer = await PostConnectionAsync(CreateBody(name, description, secretSuffix), sandbox);
        Assert.That(answer.Status, Is.EqualTo(201), answer.Text);
        return ((string)answer.Json!["id"]!, (string)answer.Json["etag"]!);
    }

    protected async Task<JObject> ReadConnectionAsync(string id, string sandbox = Sandbox)
    {
        var answer = await GetAsync("/connections/" + id, sandbox);
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        return (JObject)answer.Json!["items"]![0]!;
    }

    /// <summary>Asserts a Flow Service error body: its type ends in FLOW-code-status and its report carries the request id.</summary>
    protected static void AssertFlowError(Answer answer, int status, string code)
    {
        Assert.That(answer.Status, Is.EqualTo(status), answer.Text);
        var body = answer.Object;
        Assert.That((string?)body["type"], Is.EqualTo($"https://ns.adobe.com/aep/errors/FLOW-{code}-{status}"), answer.Text);
        Assert.That((int?)body["status"], Is.EqualTo(status));
        Assert.That((string?)body["title"], Is.Not.Empty);
        Assert.That((string?)body["errorMessage"], Is.Not.Empty);
        Assert.That((string?)body["errorDetails"], Is.EqualTo((string?)body["errorMessage"]));
        Assert.That((string?)body["report"]?["detailed-message"], Is.EqualTo((string?)body["errorMessage"]));
        Assert.That((string?)body["report"]?["request-id"], Is.EqualTo(answer.RequestId), "the report names the request id of the x-request-id header");
        Assert.That(answer.ContentType, Is.EqualTo("application/json"));
    }

    protected static void AssertGatewayError(Answer answer, int status, string code, string message)
    {
        Assert.That(answer.Status, Is.EqualTo(status), answer.Text);
        Assert.That(JToken.DeepEquals(answer.Json, new JObject { ["error_code"] = code, ["message"] = message }), Is.True, answer.Text);
        Assert.That(answer.RequestId, Is.Not.Empty);
    }
}

/// <summary>A response read completely: status, headers (response and content, case-insensitive), text and JSON.</summary>
public sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, string Text, JToken? Json)
{
    public JObject Object => Json as JObject ?? throw new AssertionException("expected a JSON object, got: " + Text);

    public string? RequestId => Headers.GetValueOrDefault("x-request-id");

    public string? ContentType => Headers.GetValueOrDefault("Content-Type")?.Split(';')[0].Trim();

    public static async Task<Answer> ReadAsync(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        var text = await response.Content.ReadAsStringAsync();
        JToken? json = null;
        if (text.Length > 0)
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            json = JToken.ReadFrom(reader);
        }

        return new Answer((int)response.StatusCode, headers, text, json);
    }
}
