using static HubSpotGen.Cli.Tests.CliAnswers;

namespace HubSpotGen.Cli.Tests;

/// <summary>`hubspotgen connections get ID [--json]`, run in process against the stub.</summary>
public sealed class GetConnectionCommandTests : LifecycleFixture
{
    [Test]
    public async Task Json_output_is_the_redacted_connection_and_one_get_goes_out()
    {
        AnswerInTurn((200, Page(null, ConnectionWithSecrets(ConnectionId, "HubSpot base connection"))));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "get", ConnectionId, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ConnectionsPath + "/" + ConnectionId));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);
            Assert.That(request.Body, Is.Null.Or.Empty);
            Assert.That(run.Error, Is.Empty);
        });
        JsonAssert.AreEquivalent(RedactedConnection(ConnectionId, "HubSpot base connection"), run.Output);
    }

    [Test]
    public async Task A_connection_without_auth_is_shown_without_an_auth_line()
    {
        AnswerInTurn((200, Page(null, WithoutAuth)));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "get", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.OutputLines, Has.Some.Match(@"^name:\s+Data Lake$"));
        Assert.That(run.OutputLines, Has.None.StartWith("auth:"));
    }

    [Test]
    public async Task A_connection_whose_spec_has_no_version_shows_a_question_mark()
    {
        AnswerInTurn((200, Page(null, WithoutSpecVersion)));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "get", SecondId);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.OutputLines, Has.Some.EqualTo("connectionSpec: cc6a4487-9e91-433e-a3a3-9cf6626c1806 (version ?)"));
    }

    [Test]
    public async Task Text_output_shows_id_name_state_and_etag_with_its_quotes_and_masks_the_secrets()
    {
        AnswerInTurn((200, Page(null, ConnectionWithSecrets(ConnectionId, "HubSpot base connection"))));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "get", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.OutputLines, Has.Some.Match(@"^id:\s+" + ConnectionId + "$"));
        Assert.That(run.OutputLines, Has.Some.Match(@"^name:\s+HubSpot base connection$"));
        Assert.That(run.OutputLines, Has.Some.Match(@"^state:\s+enabled$"));
        Assert.That(run.OutputLines, Has.Some.EndsWith(" " + Etag).And.Some.StartsWith("etag:"));
        Assert.That(run.OutputLines, Has.Some.EqualTo("  clientId: " + FakePlatform.HubSpotClientId));
        Assert.That(run.OutputLines, Has.Some.EqualTo("  clientSecret: ***"));
        Assert.That(run.OutputLines, Has.Some.EqualTo("  refreshToken: ***"));
    }

    [Test]
    public async Task A_missing_connection_exits_1_with_one_line_naming_it()
    {
        AnswerInTurn((404, NotFoundAnswer));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "get", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain(ConnectionId).And.Contain("not found"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task A_gateway_error_exits_1_with_status_code_and_title()
    {
        AnswerInTurn((401, """{"error_code":"401013","message":"Oauth token is not valid"}"""));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "get", ConnectionId, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain("401").And.Contain("401013").And.Contain("Oauth token is not valid"));
        Assert.That(run.Output, Is.Empty);
    }

    [TestCase("not-a-guid")]
    [TestCase("69f188b6-af07-4587-8061")]
    [TestCase("00000000-0000-0000-0000-000000000000")]
    public async Task An_id_that_is_not_a_connection_guid_exits_2_and_sends_nothing(string id)
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "get", id);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("connection id"));
        Assert.That(run.Output, Is.Empty);
        AssertNothingWasSent();
    }

    [Test]
    public async Task A_missing_id_exits_2_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "get");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        AssertNothingWasSent();
    }

    [Test]
    public async Task Missing_platform_variables_exit_2_naming_each_and_send_nothing()
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_ACCESS_TOKEN");
        environment["AEP_SANDBOX_NAME"] = "";

        var run = await CliRun.RunAsync(environment, "connections", "get", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("AEP_ACCESS_TOKEN").And.Contain("AEP_SANDBOX_NAME"));
        Assert.That(run.Error, Does.Not.Contain("HUBSPOT_"), "get does not need the HubSpot credentials");
        AssertNothingWasSent();
    }

    [Test]
    public async Task An_unreachable_service_exits_1()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var environment = CliRun.PlatformEnvironment(new Uri("http://127.0.0.1:1" + FakePlatform.BasePath));

        var run = await CliRun.RunAsync(environment, "connections", "get", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain("could not be reached"));
    }
}
