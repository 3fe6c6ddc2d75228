using WireMock;
using static HubSpotGen.Cli.Tests.CliAnswers;

namespace HubSpotGen.Cli.Tests;

/// <summary>`hubspotgen connections update-hubspot ID --etag ETAG [--name NAME] [--description TEXT] [--json]`.</summary>
public sealed class UpdateHubSpotCommandTests : LifecycleFixture
{
    private static readonly string[] PatchHeaders = [.. ReadHeaders, "Content-Type", "If-Match"];

    private const string NewCredentialsOp = """
        { "op": "replace", "path": "/auth/params",
          "value": { "clientId": "test-hubspot-client-id", "clientSecret": "test-client-secret",
                     "accessToken": "test-hubspot-access-token", "refreshToken": "test-hubspot-refresh-token" } }
        """;

    [Test]
    public async Task Json_output_is_the_id_and_new_etag_and_one_patch_replaces_credentials_name_and_description()
    {
        AnswerInTurn((200, UpdatedAnswer));

        var run = await CliRun.RunAsync(
            CliRun.FullEnvironment(BaseAddress),
            "connections", "update-hubspot", ConnectionId, "--etag", Etag, "--name", "HubSpot (renamed)", "--description", "rotated", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertPatch(
            SingleRequest(),
            "[" + NewCredentialsOp + """
                , { "op": "replace", "path": "/name", "value": "HubSpot (renamed)" }
                , { "op": "add", "path": "/description", "value": "rotated" } ]
                """);
        JsonAssert.AreEquivalent(UpdatedAnswer, run.Output);
    }

    [Test]
    public async Task Without_name_or_description_only_the_credentials_are_replaced_and_the_text_shows_the_new_etag()
    {
        AnswerInTurn((200, UpdatedAnswer));

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "update-hubspot", ConnectionId, "--etag", Etag);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertPatch(SingleRequest(), "[" + NewCredentialsOp + "]");
        Assert.That(run.Output, Does.Contain(ConnectionId));
        Assert.That(run.OutputLines, Has.Some.EqualTo("etag: " + NewEtag));
    }

    [Test]
    public async Task An_empty_description_is_sent_to_clear_it()
    {
        AnswerInTurn((200, UpdatedAnswer));

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "update-hubspot", ConnectionId, "--etag", Etag, "--description", "");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertPatch(SingleRequest(), "[" + NewCredentialsOp + """, { "op": "add", "path": "/description", "value": "" } ]""");
    }

    [Test]
    public async Task A_stale_etag_exits_1_with_one_line_that_names_the_etag_problem()
    {
        AnswerInTurn((412, StaleEtagAnswer));

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "update-hubspot", ConnectionId, "--etag", Etag, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain("412").And.Contain("FLOW-1404-412").And.Contain("Precondition failed"));
        Assert.That(run.ErrorLines[0], Does.Contain("stale").And.Contain(Etag).And.Contain("connections get " + ConnectionId));
    }

    [Test]
    public async Task Missing_hubspot_variables_exit_2_naming_each_and_send_nothing()
    {
        var environment = CliRun.FullEnvironment(BaseAddress);
        environment.Remove("HUBSPOT_CLIENT_SECRET");
        environment["HUBSPOT_ACCESS_TOKEN"] = " ";

        var run = await CliRun.RunAsync(environment, "connections", "update-hubspot", ConnectionId, "--etag", Etag);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("HUBSPOT_CLIENT_SECRET").And.Contain("HUBSPOT_ACCESS_TOKEN"));
        Assert.That(run.Error, Does.Not.Contain("HUBSPOT_CLIENT_ID"), "only what is missing is named");
        AssertNothingWasSent();
    }

    [Test]
    public async Task A_rename_needs_no_hubspot_values_and_its_patch_sends_no_credentials()
    {
        AnswerInTurn((200, UpdatedAnswer));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "update-hubspot", ConnectionId, "--etag", Etag, "--name", "HubSpot (renamed)");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertPatch(SingleRequest(), """[ { "op": "replace", "path": "/name", "value": "HubSpot (renamed)" } ]""");
        Assert.That(run.OutputLines, Is.EqualTo(new[] { "Updated HubSpot connection " + ConnectionId, "etag: " + NewEtag }));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public async Task A_description_alone_without_hubspot_values_sends_only_the_description()
    {
        AnswerInTurn((200, UpdatedAnswer));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "update-hubspot", ConnectionId, "--etag", Etag, "--description", "HubSpot CRM", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertPatch(SingleRequest(), """[ { "op": "add", "path": "/description", "value": "HubSpot CRM" } ]""");
        JsonAssert.AreEquivalent(UpdatedAnswer, run.Output);
    }

    [Test]
    public async Task With_credentials_and_a_name_one_patch_replaces_both()
    {
        AnswerInTurn((200, UpdatedAnswer));

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "update-hubspot", ConnectionId, "--etag", Etag, "--credentials", "--name", "HubSpot (renamed)");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertPatch(SingleRequest(), "[" + NewCredentialsOp + """, { "op": "replace", "path": "/name", "value": "HubSpot (renamed)" } ]""");
    }

    [Test]
    public async Task Credentials_asked_for_without_any_hubspot_variable_exit_2_with_one_line_naming_all_four_and_send_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "update-hubspot", ConnectionId, "--etag", Etag, "--credentials", "--name", "X");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            "error: missing or invalid configuration: HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET, HUBSPOT_ACCESS_TOKEN, HUBSPOT_REFRESH_TOKEN",
        }));
        Assert.That(run.Output, Is.Empty);
        AssertNothingWasSent();
    }

    [Test]
    public async Task Credentials_asked_for_with_some_hubspot_variables_missing_exit_2_naming_only_those()
    {
        var environment = CliRun.FullEnvironment(BaseAddress);
        environment.Remove("HUBSPOT_REFRESH_TOKEN");

        var run = await CliRun.RunAsync(environment, "connections", "update-hubspot", ConnectionId, "--etag", Etag, "--credentials");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "error: missing or invalid configuration: HUBSPOT_REFRESH_TOKEN" }));
        AssertNothingWasSent();
    }

    [Test]
    public async Task Nothing_to_change_exits_2_saying_what_to_give_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "update-hubspot", ConnectionId, "--etag", Etag);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "error: nothing to change: give --name, --description or --credentials (with the HUBSPOT_* variables set)" }));
        AssertNothingWasSent();
    }

    [Test]
    public async Task On_the_embedded_emulator_a_rename_without_hubspot_values_reaches_the_service()
    {
        // The emulator knows no such connection, so it answers 404: what matters is that the command got that far
        // with no HUBSPOT_* variable set, and said so in one line.
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "connections", "update-hubspot", ConnectionId, "--etag", Etag, "--name", "X", "--emulator");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.StartWith("error: Flow Service answered 404"));
    }

    [Test]
    public async Task A_missing_etag_exits_2_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "update-hubspot", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--etag"));
        AssertNothingWasSent();
    }

    [TestCase("--etag", " ")]
    [TestCase("--name", "  ")]
    public async Task A_blank_etag_or_name_exits_2_and_sends_nothing(string option, string value)
    {
        string[] args = option == "--etag"
            ? ["connections", "update-hubspot", ConnectionId, "--etag", value]
            : ["connections", "update-hubspot", ConnectionId, "--etag", Etag, option, value];

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), args);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain(option));
        AssertNothingWasSent();
    }

    [Test]
    public async Task An_id_that_is_not_a_guid_exits_2_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "update-hubspot", "HubSpot", "--etag", Etag);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("'HubSpot'"));
        AssertNothingWasSent();
    }

    private static void AssertPatch(IRequestMessage request, string expectedBody)
    {
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("PATCH"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ConnectionsPath + "/" + ConnectionId));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            request.AssertHeader("If-Match", Etag);
            request.AssertHeader("Content-Type", "application/json");
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(PatchHeaders);
        });
        JsonAssert.AreEquivalent(expectedBody, request.Body);
    }
}
