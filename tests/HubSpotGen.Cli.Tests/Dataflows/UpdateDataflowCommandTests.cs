using WireMock;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.Cli.Tests.Dataflows;

/// <summary><c>hubspotgen dataflows update ID --etag ETAG [--frequency F] [--interval N] [--name NAME] [--json]</c>.</summary>
public sealed class UpdateDataflowCommandTests : DataflowCommandFixture
{
    private const string ThirdEtag = "\"7a0f2b3c-0000-0200-0000-5f4021300000\"";
    private static readonly string UpdatedAgain = "{ \"id\": \"" + FlowId + "\", \"etag\": \"" + ThirdEtag.Replace("\"", "\\\"") + "\" }";

    [Test]
    public async Task A_new_frequency_and_interval_are_one_patch_with_if_match_and_json_prints_the_new_etag()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        Answer("PATCH", FlowPath, 200, Updated);

        var run = await RunAsync("dataflows", "update", FlowId.ToString(), "--etag", Etag, "--frequency", "hour", "--interval", "2", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(RequestLines(), Is.EqualTo(new[] { "GET " + FlowPath, "PATCH " + FlowPath }));
        AssertPatch(Patches()[0], Etag, """
            [ { "op": "replace", "path": "/scheduleParams/frequency", "value": "hour" },
              { "op": "replace", "path": "/scheduleParams/interval", "value": 2 } ]
            """);
        JsonAssert.AreEquivalent($$"""{ "id": "{{FlowId}}", "etag": "{{NewEtag.Replace("\"", "\\\"")}}" }""", run.Output);
    }

    [Test]
    public async Task A_recurring_frequency_without_interval_gets_the_default_one()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId, scheduleParams: """{ "startTime": 1625040887, "frequency": "once" }""")));
        Answer("PATCH", FlowPath, 200, Updated);

        var run = await RunAsync("dataflows", "update", FlowId.ToString(), "--etag", Etag, "--frequency", "day");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertPatch(Patches()[0], Etag, """
            [ { "op": "replace", "path": "/scheduleParams/frequency", "value": "day" },
              { "op": "add", "path": "/scheduleParams/interval", "value": 1 } ]
            """);
    }

    [Test]
    public async Task A_new_name_alone_is_one_patch_and_the_text_shows_the_new_etag()
    {
        Answer("PATCH", FlowPath, 200, Updated);

        var run = await RunAsync("dataflows", "update", FlowId.ToString(), "--etag", Etag, "--name", "HubSpot contacts (hourly)");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(RequestLines(), Is.EqualTo(new[] { "PATCH " + FlowPath }));
        AssertPatch(Patches()[0], Etag, """[ { "op": "replace", "path": "/name", "value": "HubSpot contacts (hourly)" } ]""");
        Assert.That(run.OutputLines, Is.EqualTo(new[] { "Updated dataflow " + FlowId, "etag: " + NewEtag }));
    }

    [Test]
    public async Task A_schedule_and_a_name_are_two_patches_the_second_with_the_etag_the_first_returned()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        AnswerInTurn("PATCH", FlowPath, (200, Updated), (200, UpdatedAgain));

        var run = await RunAsync("dataflows", "update", FlowId.ToString(), "--etag", Etag, "--frequency", "week", "--name", "weekly", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var patches = Patches();
        Assert.That(patches, Has.Count.EqualTo(2));
        AssertPatch(patches[0], Etag, """
            [ { "op": "replace", "path": "/scheduleParams/frequency", "value": "week" },
              { "op": "replace", "path": "/scheduleParams/interval", "value": 1 } ]
            """);
        AssertPatch(patches[1], NewEtag, """[ { "op": "replace", "path": "/name", "value": "weekly" } ]""");
        JsonAssert.AreEquivalent($$"""{ "id": "{{FlowId}}", "etag": "{{ThirdEtag.Replace("\"", "\\\"")}}" }""", run.Output);
    }

    [Test]
    public async Task An_interval_alone_keeps_the_frequency_the_flow_has()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        Answer("PATCH", FlowPath, 200, Updated);

        var run = await RunAsync("dataflows", "update", FlowId.ToString(), "--etag", Etag, "--interval", "30");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        AssertPatch(Patches().Single(), Etag, """
            [ { "op": "replace", "path": "/scheduleParams/frequency", "value": "minute" },
              { "op": "replace", "path": "/scheduleParams/interval", "value": 30 } ]
            """);
    }

    [Test]
    public async Task An_interval_alone_that_breaks_the_flow_frequency_rule_exits_2_and_changes_nothing()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));

        var run = await RunAsync("dataflows", "update", FlowId.ToString(), "--etag", Etag, "--interval", "5");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
            Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: --interval must be at least 15 for --frequency minute, not 5 (dataflow {FlowId} runs minute)" }));
            Assert.That(RequestLines(), Is.EqualTo(new[] { "GET " + FlowPath }), "only the read that tells the frequency");
        });
    }

    [Test]
    public async Task An_interval_alone_for_a_flow_that_runs_once_exits_2()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId, scheduleParams: """{ "startTime": 1625040887, "frequency": "once" }""")));

        var run = await RunAsync("dataflows", "update", FlowId.ToString(), "--etag", Etag, "--interval", "2");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Error);
        Assert.That(run.Error, Does.Contain("--interval is only for a recurring --frequency"));
        Assert.That(Patches(), Is.Empty);
    }

    [TestCase(new string[0], "give at least one of --frequency, --interval and --name")]
    [TestCase(new[] { "--frequency", "once", "--interval", "3" }, "--interval is only for a recurring --frequency")]
    [TestCase(new[] { "--frequency", "minute", "--interval", "10" }, "--interval must be at least 15 for --frequency minute, not 10")]
    [TestCase(new[] { "--frequency", "monthly" }, "--frequency must be once, minute, hour, day or week")]
    [TestCase(new[] { "--interval", "x1" }, "--interval must be a whole number of at least 1, not 'x1'")]
    [TestCase(new[] { "--name", " " }, "--name must not be blank")]
    public async Task A_change_that_breaks_a_rule_exits_2_and_sends_nothing(string[] change, string mentions)
    {
        var run = await RunAsync(["dataflows", "update", FlowId.ToString(), "--etag", Etag, .. change]);

        AssertUsageError(run, mentions);
    }

    [TestCase(null)]
    [TestCase(" ")]
    public async Task A_missing_or_blank_etag_exits_2_and_sends_nothing(string? etag)
    {
        string[] args = etag is null
            ? ["dataflows", "update", FlowId.ToString(), "--name", "x"]
            : ["dataflows", "update", FlowId.ToString(), "--etag", etag, "--name", "x"];

        var run = await RunAsync(args);

        AssertUsageError(run, "--etag");
    }

    [Test]
    public async Task A_stale_etag_exits_1_with_one_line_that_says_how_to_read_the_current_one()
    {
        Answer("PATCH", FlowPath, 412, StaleEtag);

        var run = await RunAsync("dataflows", "update", FlowId.ToString(), "--etag", Etag, "--name", "x");

        AssertServiceError(run, "error: Flow Service answered 412: FLOW-1404-412: Version not matching: Supplied version does not match the current version. (request id test-request-id)");
        Assert.That(run.ErrorLines[0], Does.EndWith($": etag {Etag} is stale, dataflow {FlowId} changed since it was read; run 'hubspotgen dataflows get {FlowId}' for its current etag and retry"));
    }

    private List<IRequestMessage> Patches() => Requests().Where(request => request.Method == "PATCH").ToList();

    private static void AssertPatch(IRequestMessage request, string ifMatch, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(request.AbsolutePath, Is.EqualTo(FlowPath));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            request.AssertHeader("If-Match", ifMatch);
            request.AssertHeader("Content-Type", "application/json");
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(PatchHeaders);
            JsonAssert.AreEquivalent(expected, request.Body);
        });
    }
}
