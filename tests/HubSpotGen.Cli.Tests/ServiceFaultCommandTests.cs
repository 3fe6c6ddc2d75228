using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static HubSpotGen.Cli.Tests.CliAnswers;

namespace HubSpotGen.Cli.Tests;

/// <summary>
/// What the command says when the service or the network misbehaves the way real gateways do: a redirect, a
/// throttle past the budget, an answer lost after the server acted, IMS refusing the credentials.
/// </summary>
public sealed class ServiceFaultCommandTests : StubServerFixture
{
    private const string ImsPath = "/ims/token/v3";

    [Test]
    public async Task A_redirect_exits_1_naming_the_status_and_the_host_and_nothing_reaches_the_target()
    {
        using var target = ScriptedHttpServer.InTurn(ScriptedAnswer.Json(201, """{ "id": "69f188b6-af07-4587-8061-e94d34637b41", "etag": "\"1\"" }"""));
        using var service = ScriptedHttpServer.InTurn(new ScriptedAnswer(307, Headers: new Dictionary<string, string> { ["Location"] = $"http://localhost:{target.Port}/data/foundation/flowservice/connections" }));

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(new Uri(service.Url, FakePlatform.BasePath)), "connections", "create-hubspot", "--name", "X");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Is.EqualTo(new[]
            {
                $"error: POST {ConnectionsPath} answered 307 (Temporary Redirect), a redirect to host localhost; redirects are not followed, so nothing was sent there.",
            }));
            Assert.That(run.Output, Is.Empty);
            Assert.That(service.Received, Has.Count.EqualTo(1), "a redirect is not a reason to repeat the create");
            Assert.That(target.Received, Is.Empty, "the create body (HubSpot secret and tokens) and x-api-key must not reach the redirect target");
        });
    }

    [Test]
    public async Task A_throttle_whose_retry_after_is_past_the_total_budget_exits_1_at_once_with_the_429()
    {
        Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30").WithHeader("Content-Type", "application/json")
                .WithBody("""{"error_code":"429050","message":"Too many requests"}"""));
        var environment = CliRun.FullEnvironment(BaseAddress);
        environment["AEP_TOTAL_TIMEOUT"] = "5";

        // Had it waited, the 5 s budget would have ended in a timeout line instead of the 429.
        var run = await CliRun.RunAsync(environment, "connections", "create-hubspot", "--name", "X");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Is.EqualTo(new[] { "error: Flow Service answered 429: 429050: Too many requests; it asked to retry after 30 s" }));
            Assert.That(Server.LogEntries.Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_error_answer_over_the_size_limit_exits_1_saying_so()
    {
        using var server = ScriptedHttpServer.InTurn(new ScriptedAnswer(500, "<html>", WithoutLength: true, StreamedBodyBytes: 17 * 1024 * 1024));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(new Uri(server.Url, FakePlatform.BasePath)), "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"error: GET {ConnectionsPath} answered 500 with a body larger than MaxResponseBytes (16777216 bytes); it was not read, and the request is not repeated.",
        }));
        Assert.That(server.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_delete_whose_answer_is_lost_after_the_server_acted_exits_0_when_the_repeat_finds_it_gone()
    {
        using var server = ScriptedHttpServer.InTurn(ScriptedAnswer.CutOff, ScriptedAnswer.Json(404, NotFoundAnswer));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(new Uri(server.Url, FakePlatform.BasePath)), "connections", "delete", ConnectionId);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(run.OutputLines, Is.EqualTo(new[] { "Deleted connection " + ConnectionId }));
            Assert.That(run.Error, Is.Empty);
            Assert.That(server.Received.Select(request => request.Method), Is.EqualTo(new[] { "DELETE", "DELETE" }));
        });
    }

    [Test]
    public async Task A_delete_whose_connection_is_reset_after_the_server_acted_exits_0_when_the_repeat_finds_it_gone()
    {
        using var server = ScriptedHttpServer.InTurn(ScriptedAnswer.DropConnection, ScriptedAnswer.Json(404, NotFoundAnswer));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(new Uri(server.Url, FakePlatform.BasePath)), "connections", "delete", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(server.Received.Select(request => request.Method), Is.EqualTo(new[] { "DELETE", "DELETE" }));
    }

    [Test]
    public async Task A_credentials_change_whose_answer_is_lost_exits_1_saying_it_may_have_been_applied()
    {
        var current = ConnectionWithSecrets(ConnectionId, "HubSpot").Replace("6802064a-0000-0200-0000-6387c6b90000", "3600e378-0000-0200-0000-5f40212f0000", StringComparison.Ordinal);
        using var server = ScriptedHttpServer.InTurn(ScriptedAnswer.CutOff, ScriptedAnswer.Json(412, StaleEtagAnswer), ScriptedAnswer.Json(200, Page(null, current)));

        var run = await CliRun.RunAsync(
            CliRun.FullEnvironment(new Uri(server.Url, FakePlatform.BasePath)), "connections", "update-hubspot", ConnectionId, "--etag", Etag);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.Error);
            Assert.That(run.ErrorLines[0], Does.StartWith($"error: Connection {ConnectionId} may have been changed").And.Contain("Its current etag is " + NewEtag));
            Assert.That(run.ErrorLines[0], Does.Not.Contain("is stale"), "not the plain stale-etag line: the change may have happened");
        });
    }

    [Test]
    public async Task Ims_refusing_the_client_credentials_exits_1_with_its_error_and_nothing_reaches_flow_service()
    {
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
                .WithBody("""{"error":"invalid_client","error_description":"invalid client_id parameter"}"""));
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_ACCESS_TOKEN");
        environment.Remove("AEP_API_KEY");
        environment["AEP_CLIENT_ID"] = "test-ims-client-id";
        environment["AEP_CLIENT_SECRET"] = "test-ims-client-secret-value";
        environment["AEP_IMS_URL"] = Server.Url + ImsPath + "?region=query-value";

        var run = await CliRun.RunAsync(environment, "connections", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Is.EqualTo(new[]
            {
                $"error: IMS refused the client credentials: invalid_client (invalid client_id parameter); it answered 400 at {Server.Url}{ImsPath}.",
            }));
            Assert.That(run.Error, Does.Not.Contain("test-ims-client-secret-value").And.Not.Contain("query-value"));
            Assert.That(Server.LogEntries.Where(entry => entry.RequestMessage.Path != ImsPath), Is.Empty);
        });
    }

    [Test]
    public async Task Ims_that_never_answers_exits_1_naming_ims_not_flow_service()
    {
        using var ims = ScriptedHttpServer.InTurn(ScriptedAnswer.Never);
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_ACCESS_TOKEN");
        environment["AEP_CLIENT_ID"] = "test-ims-client-id";
        environment["AEP_CLIENT_SECRET"] = "test-ims-client-secret-value";
        environment["AEP_IMS_URL"] = ims.Url + "ims/token/v3";
        environment["AEP_ATTEMPT_TIMEOUT"] = "1";
        environment["AEP_TOTAL_TIMEOUT"] = "2";

        var run = await CliRun.RunAsync(environment, "connections", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: IMS at {ims.Url}ims/token/v3 did not answer in time." }));
            Assert.That(run.ShowsStackTrace, Is.False, run.Error);
            Assert.That(Server.LogEntries, Is.Empty, "nothing reaches Flow Service without a token");
        });
    }
}
