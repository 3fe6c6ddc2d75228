namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary>The schedule rules on create and on PATCH, and when the runs they promise start.</summary>
public sealed class ScheduleRuleTests : DataflowFixture
{
    private static readonly long Start = StartSeconds;

    [TestCase("""{ "startTime": START, "frequency": "once", "interval": 15 }""", "interval must not be given with frequency once")]
    [TestCase("""{ "startTime": START, "frequency": "once", "backfill": true }""", "backfill must not be given with frequency once")]
    [TestCase("""{ "startTime": START, "frequency": "minute", "interval": 14 }""", "interval must be at least 15 with frequency minute")]
    [TestCase("""{ "startTime": START, "frequency": "minute" }""", "interval is required with frequency minute")]
    [TestCase("""{ "startTime": START, "frequency": "hour", "interval": 0 }""", "interval must be at least 1 with frequency hour")]
    [TestCase("""{ "startTime": START, "frequency": "day", "interval": -1 }""", "interval must be at least 1 with frequency day")]
    [TestCase("""{ "startTime": START, "frequency": "week", "interval": 1.5 }""", "interval must be a whole number, not a fraction")]
    [TestCase("""{ "startTime": START, "frequency": "hour", "interval": "1" }""", "interval must be a whole number, not a string")]
    [TestCase("""{ "startTime": "START", "frequency": "once" }""", "startTime must be a whole number of epoch seconds, not a string")]
    [TestCase("""{ "frequency": "once" }""", "startTime is required")]
    [TestCase("""{ "startTime": START }""", "frequency is required")]
    [TestCase("""{ "startTime": START, "frequency": "month", "interval": 1 }""", "frequency is required and must be one of once, minute, hour, day or week")]
    [TestCase("""{ "startTime": START, "frequency": "Once" }""", "frequency is required and must be one of")]
    [TestCase("""{ "startTime": START, "frequency": "hour", "interval": 1, "backfill": "true" }""", "backfill must be true or false")]
    [TestCase("""null""", "scheduleParams is required")]
    public async Task A_schedule_against_the_rules_is_refused_and_no_flow_is_made(string schedule, string message)
    {
        var chain = await CreateConnectionsAsync();

        var answer = await PostAsync("/flows", FlowBody(chain, schedule.Replace("START", Start.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        AssertFlowError(answer, 400, "1400");
        Assert.That((string?)answer.Json!["errorMessage"], Does.Contain(message));
        Assert.That((int?)(await GetAsync("/flows?count=true")).Json!["count"], Is.Zero);
    }

    [TestCase("minute", 15)]
    [TestCase("hour", 1)]
    [TestCase("day", 1)]
    [TestCase("week", 2)]
    public async Task Each_recurring_frequency_runs_at_once_then_at_every_interval(string frequency, int interval)
    {
        var period = frequency switch
        {
            "minute" => TimeSpan.FromMinutes(interval),
            "hour" => TimeSpan.FromHours(interval),
            "day" => TimeSpan.FromDays(interval),
            _ => TimeSpan.FromDays(7 * interval),
        };
        var (_, flowId, _) = await CreateFlowAsync(Every(frequency, interval));
        Assert.That(await RunsOfAsync(flowId), Has.Count.EqualTo(1), "the start time has come, so the first run starts at once");

        Clock.Advance(period - TimeSpan.FromSeconds(1));
        Assert.That(await RunsOfAsync(flowId), Has.Count.EqualTo(1), "not yet the next slot");
        Clock.Advance(TimeSpan.FromSeconds(1) + period + period);
        var runs = await RunsOfAsync(flowId);

        Assert.That(runs.Select(run => (long)run["metrics"]!["durationSummary"]!["startedAtUTC"]!), Is.EqualTo(new[]
        {
            TestStart.ToUnixTimeMilliseconds(),
            (TestStart + period).ToUnixTimeMilliseconds(),
            (TestStart + period + period).ToUnixTimeMilliseconds(),
            (TestStart + period + period + period).ToUnixTimeMilliseconds(),
        }));
        // The sample table never changes, so only the first run finds records.
        Assert.That(runs.Select(run => (int)run["metrics"]!["recordSummary"]!["inputRecordCount"]!), Is.EqualTo(new[] { 25, 0, 0, 0 }));
    }

    [Test]
    public async Task A_flow_scheduled_once_in_the_future_runs_once_when_its_time_comes()
    {
        var (_, flowId, _) = await CreateFlowAsync(Once(Start + 3600));
        Assert.That(await RunsOfAsync(flowId), Is.Empty);

        Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.That(await RunsOfAsync(flowId), Is.Empty);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var runs = await RunsOfAsync(flowId);
        Assert.That(runs, Has.Count.EqualTo(1));
        Assert.That((string?)runs[0]["metrics"]!["statusSummary"]!["status"], Is.EqualTo("inProgress"));

        Clock.Advance(TimeSpan.FromDays(30));
        runs = await RunsOfAsync(flowId);
        Assert.That(runs, Has.Count.EqualTo(1), "once means one run");
        Assert.That((string?)runs[0]["metrics"]!["statusSummary"]!["status"], Is.EqualTo("success"));
        Assert.That((int?)runs[0]["metrics"]!["recordSummary"]!["outputRecordCount"], Is.EqualTo(25));
    }

    [Test]
    public async Task A_flow_created_disabled_before_its_start_time_never_runs_until_enabled()
    {
        var (_, flowId, _) = await CreateFlowAsync(Once(Start + 60));
        Assert.That((await FlowActionAsync(flowId, "DISABLE")).Status, Is.EqualTo(200), "the published spec spells the op in upper case");

        Clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await RunsOfAsync(flowId), Is.Empty);

        Assert.That((await FlowActionAsync(flowId, "enable")).Status, Is.EqualTo(200));
        var runs = await RunsOfAsync(flowId);
        Assert.That(runs, Has.Count.EqualTo(1), "the missed one-time run starts when the flow is enabled");
        Assert.That((long?)runs[0]["metrics"]!["durationSummary"]!["startedAtUTC"], Is.EqualTo(TestStart.AddHours(1).ToUnixTimeMilliseconds()));
    }

    [Test]
    public async Task A_patch_that_breaks_a_schedule_rule_is_refused_and_changes_nothing()
    {
        var (_, flowId, etag) = await CreateFlowAsync(Every("minute", 15));

        var toOnce = await PatchFlowAsync(flowId, etag, """[{ "op": "replace", "path": "/scheduleParams/frequency", "value": "once" }]""");
        AssertFlowError(toOnce, 400, "1400");
        Assert.That((string?)toOnce.Json!["errorMessage"], Does.Contain("interval must not be given with frequency once"));
        var tooOften = await PatchFlowAsync(flowId, etag, """[{ "op": "replace", "path": "/scheduleParams/interval", "value": 5 }]""");
        AssertFlowError(tooOften, 400, "1400");
        var asText = await PatchFlowAsync(flowId, etag, """[{ "op": "replace", "path": "/scheduleParams/interval", "value": "30" }]""");
        AssertFlowError(asText, 400, "1400");

        var flow = await ReadFlowAsync(flowId);
        Assert.That((string?)flow["etag"], Is.EqualTo(etag));
        Assert.That((int?)flow["scheduleParams"]!["interval"], Is.EqualTo(15));
    }

    [Test]
    public async Task A_patch_to_once_that_also_removes_interval_and_backfill_is_accepted_and_stops_the_recurring_runs()
    {
        var (_, flowId, etag) = await CreateFlowAsync(Every("hour", 1));

        var answer = await PatchFlowAsync(flowId, etag, """
            [
              { "op": "replace", "path": "/scheduleParams/frequency", "value": "once" },
              { "op": "remove", "path": "/scheduleParams/interval" },
              { "op": "remove", "path": "/scheduleParams/backfill" }
            ]
            """);

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Clock.Advance(TimeSpan.FromHours(5));
        Assert.That(await RunsOfAsync(flowId), Has.Count.EqualTo(1), "the run before the change, and none after");
    }

    [Test]
    public async Task A_flow_path_that_cannot_be_patched_is_FLOW_1455_and_a_foreign_op_is_FLOW_1434()
    {
        var (_, flowId, etag) = await CreateFlowAsync();

        AssertFlowError(await PatchFlowAsync(flowId, etag, $$"""[{ "op": "replace", "path": "/sourceConnectionIds", "value": ["{{Guid.NewGuid()}}"] }]"""), 400, "1455");
        AssertFlowError(await PatchFlowAsync(flowId, etag, """[{ "op": "move", "from": "/name", "path": "/description" }]"""), 400, "1434");
        Assert.That((string?)(await ReadFlowAsync(flowId))["etag"], Is.EqualTo(etag));
    }

    [Test]
    public async Task A_start_time_still_ahead_can_move_and_the_first_run_follows_it_but_a_past_one_cannot_change()
    {
        var (_, ahead, aheadEtag) = await CreateFlowAsync(Once(Start + 3600));
        var (_, past, pastEtag) = await CreateFlowAsync(Once(Start));

        var moved = await PatchFlowAsync(ahead, aheadEtag, $$"""[{ "op": "replace", "path": "/scheduleParams/startTime", "value": {{Start + 7200}} }]""");
        var refused = await PatchFlowAsync(past, pastEtag, $$"""[{ "op": "replace", "path": "/scheduleParams/startTime", "value": {{Start + 7200}} }]""");

        Assert.That(moved.Status, Is.EqualTo(200), moved.Text);
        AssertFlowError(refused, 400, "1400");
        Assert.That((string?)refused.Json!["errorMessage"], Does.Contain("already occurred"));
        var asText = await PatchFlowAsync(ahead, (string)moved.Json!["etag"]!, $$"""[{ "op": "replace", "path": "/scheduleParams/startTime", "value": "{{Start + 3600}}" }]""");
        AssertFlowError(asText, 400, "1400");
        Assert.That((string?)asText.Json!["errorMessage"], Does.Contain("not a string"));

        Clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await RunsOfAsync(ahead), Is.Empty, "the old start time no longer holds");
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await RunsOfAsync(ahead), Has.Count.EqualTo(1));
    }
}
