using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary><c>POST /runs</c>: a run asked for by hand, for a flow scheduled once.</summary>
public sealed class AdHocRunTests : DataflowFixture
{
    [Test]
    public async Task A_flow_scheduled_once_gets_an_ad_hoc_run_that_reads_the_table()
    {
        var (_, flowId, _) = await CreateFlowAsync(Once(StartSeconds + 86400));

        var answer = await PostAsync("/runs", $$"""
            {
              "flowId": "{{flowId}}",
              "params": { "windowStartTime": {{StartSeconds - 86400}}, "windowEndTime": {{StartSeconds}}, "deltaColumn": { "name": "Added_At" } }
            }
            """);

        // The answer is the run itself, as the ad hoc run guide shows it.
        Assert.That(answer.Status, Is.EqualTo(201), answer.Text);
        Assert.That((string?)answer.Json!["flowId"], Is.EqualTo(flowId));
        Assert.That((string?)answer.Json["etag"], Does.StartWith("\""));
        Assert.That((string?)answer.Json["params"]!["deltaColumn"]!["name"], Is.EqualTo("Added_At"));
        Assert.That((string?)answer.Json["metrics"]!["statusSummary"]!["status"], Is.EqualTo("inProgress"));
        Assert.That(answer.Json["activities"], Is.Not.Null);
        Clock.Advance(RunDuration);
        var runs = await RunsOfAsync(flowId);
        Assert.That(runs.Select(run => (string?)run["id"]), Is.EqualTo(new[] { (string?)answer.Json["id"] }), "the scheduled run is a day away");
        Assert.That((string?)runs[0]["metrics"]!["statusSummary"]!["status"], Is.EqualTo("success"));
        Assert.That((int?)runs[0]["metrics"]!["recordSummary"]!["inputRecordCount"], Is.EqualTo(25));
        Assert.That((long?)runs[0]["params"]!["windowEndTime"], Is.EqualTo(StartSeconds));
    }

    [Test]
    public async Task The_delta_column_may_be_left_out_and_the_window_may_be_digits_in_a_string()
    {
        var (_, flowId, _) = await CreateFlowAsync();

        var answer = await PostAsync("/runs", $$"""{ "flowId": "{{flowId}}", "params": { "windowStartTime": "{{StartSeconds - 60}}", "windowEndTime": "{{StartSeconds}}" } }""");

        Assert.That(answer.Status, Is.EqualTo(201), answer.Text);
    }

    [Test]
    public async Task Ad_hoc_runs_are_refused_for_recurring_disabled_or_unknown_flows_and_bad_windows()
    {
        var (_, recurring, _) = await CreateFlowAsync(Every("hour", 1));
        var (_, once, _) = await CreateFlowAsync();
        var window = $$"""{ "windowStartTime": {{StartSeconds - 60}}, "windowEndTime": {{StartSeconds}} }""";
        var unknown = Guid.NewGuid().ToString();

        var notOnce = await PostAsync("/runs", $$"""{ "flowId": "{{recurring}}", "params": {{window}} }""");
        AssertFlowError(notOnce, 400, "1400");
        Assert.That((string?)notOnce.Json!["errorMessage"], Does.Contain("not scheduled once"));
        var noFlow = await PostAsync("/runs", $$"""{ "flowId": "{{unknown}}", "params": {{window}} }""");
        AssertFlowError(noFlow, 400, "1400");
        Assert.That((string?)noFlow.Json!["errorMessage"], Is.EqualTo($"flowId: flows not found with id = [{unknown}]"));
        AssertFlowError(await PostAsync("/runs", $$"""{ "flowId": "{{once}}", "params": { "windowStartTime": {{StartSeconds}}, "windowEndTime": {{StartSeconds - 60}} } }"""), 400, "1400");
        AssertFlowError(await PostAsync("/runs", $$"""{ "flowId": "{{once}}", "params": { "windowStartTime": {{StartSeconds - 60}} } }"""), 400, "1400");
        AssertFlowError(await PostAsync("/runs", $$"""{ "flowId": "{{once}}", "params": { "windowStartTime": {{StartSeconds - 60}}, "windowEndTime": {{StartSeconds}}, "deltaColumn": { "name": "Vid" } } }"""), 400, "1400");
        Assert.That((await FlowActionAsync(once, "disable")).Status, Is.EqualTo(200));
        AssertFlowError(await PostAsync("/runs", $$"""{ "flowId": "{{once}}", "params": {{window}} }"""), 400, "1400");

        Assert.That(await RunsOfAsync(once), Has.Count.EqualTo(1), "only the scheduled run");
    }
}
