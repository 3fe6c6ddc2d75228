using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static HubSpotGen.Cli.Tests.CliAnswers;

namespace HubSpotGen.Cli.Tests;

/// <summary>
/// <c>--verbose</c>: each attempt and retry on stderr (method, path, status, attempt, the wait before a retry),
/// never a header value, body or secret, and stdout exactly as without it.
/// </summary>
public sealed class VerboseOptionTests : StubServerFixture
{
    private static readonly Dictionary<string, string> RetryAtOnce = new() { ["Retry-After"] = "0" };

    [Test]
    public async Task A_retried_read_shows_each_attempt_the_status_that_caused_the_retry_and_the_wait()
    {
        using var server = ScriptedHttpServer.InTurn(new ScriptedAnswer(503, Headers: RetryAtOnce), ScriptedAnswer.Json(200, Page(null, ConnectionWithSecrets(ConnectionId, "HubSpot"))));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(new Uri(server.Url, FakePlatform.BasePath)), "--verbose", "connections", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.ErrorLines, Is.EqualTo(new[]
            {
                $"verbose: GET {ConnectionsPath}: attempt 1",
                $"verbose: GET {ConnectionsPath}: attempt 1 got 503 Service Unavailable; retry 1 of 3, attempt 2 in 0 s",
                $"verbose: GET {ConnectionsPath}: answered 200 on attempt 2",
            }));
            Assert.That(run.OutputLines, Has.Count.EqualTo(1));
            Assert.That(run.OutputLines[0], Does.StartWith(ConnectionId));
            Assert.That(server.Received.Select(request => request.Method), Is.EqualTo(new[] { "GET", "GET" }));
        });
    }

    [Test]
    public async Task A_throttled_create_shows_its_retry_and_stdout_is_what_it_is_without_verbose()
    {
        var created = """{ "id": "69f188b6-af07-4587-8061-e94d34637b41", "etag": "\"1\"" }""";
        using var server = ScriptedHttpServer.InTurn(new ScriptedAnswer(429, Headers: RetryAtOnce), ScriptedAnswer.Json(201, created));
        using var quiet = ScriptedHttpServer.InTurn(new ScriptedAnswer(429, Headers: RetryAtOnce), ScriptedAnswer.Json(201, created));

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(new Uri(server.Url, FakePlatform.BasePath)), "connections", "create-hubspot", "--name", "X", "--json", "--verbose");
        var withoutVerbose = await CliRun.RunAsync(CliRun.FullEnvironment(new Uri(quiet.Url, FakePlatform.BasePath)), "connections", "create-hubspot", "--name", "X", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.ErrorLines, Is.EqualTo(new[]
            {
                $"verbose: POST {ConnectionsPath}: attempt 1",
                $"verbose: POST {ConnectionsPath}: attempt 1 got 429 Too Many Requests; retry 1 of 3, attempt 2 in 0 s",
                $"verbose: POST {ConnectionsPath}: answered 201 on attempt 2",
            }));
            Assert.That(run.Output, Is.EqualTo(withoutVerbose.Output));
            Assert.That(withoutVerbose.Error, Is.Empty, "without --verbose stderr stays quiet");
        });
    }

    [Test]
    public async Task A_failing_call_shows_every_attempt_then_the_one_error_line()
    {
        using var server = ScriptedHttpServer.InTurn(
            new ScriptedAnswer(503, Headers: RetryAtOnce), new ScriptedAnswer(503, Headers: RetryAtOnce), new ScriptedAnswer(503, Headers: RetryAtOnce), new ScriptedAnswer(503, Headers: RetryAtOnce));
        var path = ConnectionsPath + "/" + ConnectionId;

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(new Uri(server.Url, FakePlatform.BasePath)), "connections", "get", ConnectionId, "--verbose");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Has.Count.EqualTo(6), run.Error);
            Assert.That(run.ErrorLines.Take(5), Is.EqualTo(new[]
            {
                $"verbose: GET {path}: attempt 1",
                $"verbose: GET {path}: attempt 1 got 503 Service Unavailable; retry 1 of 3, attempt 2 in 0 s",
                $"verbose: GET {path}: attempt 2 got 503 Service Unavailable; retry 2 of 3, attempt 3 in 0 s",
                $"verbose: GET {path}: attempt 3 got 503 Service Unavailable; retry 3 of 3, attempt 4 in 0 s",
                $"verbose: GET {path}: answered 503 on attempt 4",
            }));
            Assert.That(run.ErrorLines[5], Does.StartWith("error: Flow Service answered 503"));
            Assert.That(run.Output, Is.Empty);
        });
    }

    [Test]
    public async Task Ims_token_requests_are_shown_without_the_client_secret_or_the_token()
    {
        const string ImsPath = "/ims/token/v3";
        const string IssuedToken = "verbose-issued-token";
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{ "access_token": "{{IssuedToken}}", "token_type": "bearer", "expires_in": 86399 }"""));
        Server.Given(Request.Create().WithPath(ConnectionsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Page(null)));
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_ACCESS_TOKEN");
        environment["AEP_CLIENT_ID"] = "verbose-client-id";
        environment["AEP_CLIENT_SECRET"] = "verbose-client-secret";
        environment["AEP_IMS_URL"] = Server.Url + ImsPath;

        var run = await CliRun.RunAsync(environment, "connections", "list", "--verbose");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.ErrorLines, Has.Some.EqualTo($"verbose: POST {Server.Url}{ImsPath}: attempt 1 (IMS access token)"), run.Error);
            Assert.That(run.ErrorLines, Has.Some.StartsWith("verbose: Fetched an IMS access token valid for "), run.Error);
            Assert.That(run.ErrorLines, Has.Some.EqualTo($"verbose: GET {ConnectionsPath}: answered 200 on attempt 1"), run.Error);
            Assert.That(run.Error, Does.Not.Contain("verbose-client-secret").And.Not.Contain(IssuedToken));
        });
    }

    [Test]
    public async Task No_header_value_reaches_stderr()
    {
        using var server = ScriptedHttpServer.InTurn(new ScriptedAnswer(503, Headers: RetryAtOnce), ScriptedAnswer.Json(200, Page(null)));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(new Uri(server.Url, FakePlatform.BasePath)), "connections", "list", "--verbose");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        foreach (var value in new[] { FakePlatform.ApiKey, FakePlatform.ImsOrgId, FakePlatform.SandboxName, FakePlatform.BearerToken, "application/json" })
        {
            Assert.That(run.Error, Does.Not.Contain(value));
        }
    }

    [Test]
    public async Task The_demo_takes_verbose_and_shows_its_traffic_on_stderr_only()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "--verbose");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.ErrorLines, Has.Some.EqualTo($"verbose: POST {ConnectionsPath}: attempt 1"));
        Assert.That(run.ErrorLines, Has.All.StartWith("verbose: "));
        Assert.That(run.Output, Does.Not.Contain("verbose"));
        Assert.That(run.OutputLines, Has.Some.StartsWith("8. delete"));
    }
}
