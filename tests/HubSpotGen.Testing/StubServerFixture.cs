using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace HubSpotGen.Testing;

/// <summary>
/// One loopback WireMock server per fixture, emptied before each test so every test sees only its own requests.
/// Clients are built the way a user builds them: options, PlatformHttpClient, generated client.
/// </summary>
public abstract class StubServerFixture
{
    private readonly List<HttpClient> _httpClients = [];
    private WireMockServer? _server;

    protected WireMockServer Server => _server ?? throw new InvalidOperationException("The stub server is not running.");

    /// <summary>The Flow Service address on the stub, with the real service's base path.</summary>
    protected Uri BaseAddress => new(Server.Url + FakePlatform.BasePath);

    [OneTimeSetUp]
    public void StartServer() => _server = WireMockServer.Start();

    [OneTimeTearDown]
    public void StopServer()
    {
        _server?.Stop();
        _server?.Dispose();
    }

    [SetUp]
    public void ResetServer() => Server.Reset();

    [TearDown]
    public void DisposeClients()
    {
        foreach (var http in _httpClients)
        {
            http.Dispose();
        }

        _httpClients.Clear();
    }

    protected HttpClient CreateHttpClient(PlatformOptions? options = null)
    {
        var http = PlatformHttpClient.Create(options ?? FakePlatform.Options(BaseAddress));
        _httpClients.Add(http);
        return http;
    }

    protected FlowServiceClient CreateClient(PlatformOptions? options = null) => new(CreateHttpClient(options));

    /// <summary>
    /// Answers every request, whatever its method or path, so a wrong request still gets this answer and the
    /// test's own assertions (not a stub 404) say what was wrong with it.
    /// </summary>
    protected void AnswerEveryRequest(int statusCode, string? body = null, string contentType = "application/json")
    {
        var response = Response.Create().WithStatusCode(statusCode);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", contentType).WithBody(body);
        }

        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
    }

    /// <summary>The one request the test made; fails when there were none or several.</summary>
    protected IRequestMessage SingleRequest()
    {
        var entries = Server.LogEntries.ToList();
        Assert.That(entries, Has.Count.EqualTo(1), "Expected exactly one request to reach the server.");
        return entries[0].RequestMessage;
    }

    protected void AssertNothingWasSent() =>
        Assert.That(Server.LogEntries, Is.Empty, "No request should have reached the server.");
}
