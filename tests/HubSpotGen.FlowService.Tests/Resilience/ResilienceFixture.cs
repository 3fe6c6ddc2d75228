using HubSpotGen.FlowService.Models;
using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>
/// Stub-server tests of the client's behaviour under faults: short backoff and timeouts so each test is quick,
/// captured logs, and the secrets that must never show up anywhere.
/// </summary>
public abstract class ResilienceFixture : StubServerFixture
{
    public const string ImsPath = "/ims/token/v3";
    public const string ImsClientId = "test-ims-client-id";
    public const string ImsClientSecret = "test-ims-client-secret";
    public const string ImsToken1 = "test-ims-token-one";
    public const string ImsToken2 = "test-ims-token-two";

    /// <summary>Every value that must never show up in a log line or an exception.</summary>
    public static readonly IReadOnlyList<string> AllSecrets = [.. FakePlatform.Secrets, ImsClientSecret, ImsToken1, ImsToken2];

    private protected CapturedLogs Logs { get; private set; } = new();

    protected string ConnectionsPath => FakePlatform.BasePath + "/connections";

    [SetUp]
    public void NewLogs() => Logs = new CapturedLogs();

    protected static FlowServiceResilienceOptions QuickRetries(int maxRetries = 3) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryAfter = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        TotalTimeout = TimeSpan.FromSeconds(20),
    };

    protected PlatformOptions ResilientOptions(FlowServiceResilienceOptions? resilience = null)
    {
        var options = FakePlatform.Options(BaseAddress);
        options.Resilience = resilience ?? QuickRetries();
        return options;
    }

    protected PlatformOptions ImsOptions(FlowServiceResilienceOptions? resilience = null)
    {
        var options = ResilientOptions(resilience);
        options.AccessToken = null;
        options.Ims = new ImsCredentials { ClientId = ImsClientId, ClientSecret = ImsClientSecret, TokenAddress = new Uri(Server.Url + ImsPath) };
        return options;
    }

    protected FlowServiceClient Client(PlatformOptions options, HttpMessageHandler? transport = null)
    {
        var http = PlatformHttpClient.Create(options, transport, Logs);
        Tracked.Add(http);
        return new FlowServiceClient(http);
    }

    private List<HttpClient> Tracked { get; } = [];

    [TearDown]
    public void DisposeTracked()
    {
        foreach (var http in Tracked)
        {
            http.Dispose();
        }

        Tracked.Clear();
    }

    protected void AnswerIms(string token, int expiresIn = 86399) =>
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody(new JObject { ["access_token"] = token, ["token_type"] = "bearer", ["expires_in"] = expiresIn }.ToString()));

    protected int RequestsTo(string path, string method) =>
        Server.LogEntries.Count(entry => entry.RequestMessage.Path == path && entry.RequestMessage.Method == method);

    protected static string Created(Guid id) => new JObject { ["id"] = id.ToString(), ["etag"] = "\"e1\"" }.ToString();

    /// <summary>Asserts no captured log line and no given text carries a secret; returns the number of hits.</summary>
    protected int SecretHits(IEnumerable<string> texts)
    {
        var hits = 0;
        foreach (var text in Logs.Lines.Concat(texts))
        {
            foreach (var secret in AllSecrets)
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                {
                    hits++;
                    TestContext.Out.WriteLine("SECRET HIT: " + secret);
                }
            }
        }

        return hits;
    }

    protected static CreateConnectionRequest NewConnection(string name) => new()
    {
        Name = name,
        Auth = new AuthInfo { SpecName = HubSpotConnectionSpec.AuthSpecName, Params = FakePlatform.Credentials().ToAuthParams() },
        ConnectionSpec = HubSpotConnectionSpec.Reference(),
    };
}
