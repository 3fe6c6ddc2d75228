using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.FlowService.Tests.Dataflows;

/// <summary>
/// <see cref="HubSpotDataflows.WaitForFirstRunAsync"/>: polls until the first run is final, telling progress after
/// each poll; a timeout after the polls it made. No clock in the assertions: counts of polls and reports.
/// </summary>
public sealed class WaitForFirstRunTests : DataflowsFixture
{
    private static readonly TimeSpan Tiny = TimeSpan.FromMilliseconds(1);

    [Test]
    public async Task It_polls_until_the_first_run_is_final_and_reports_each_poll()
    {
        AnswerInTurn("GET", FlowServicePath + "/runs",
            (200, Page(null)),
            (200, Page(null, Run(FirstRunId, null))),
            (200, Page(null, Run(FirstRunId, "inProgress"))),
            (200, Page(null, Run(FirstRunId, "success"))));
        var progress = new RecordingProgress();

        var run = await Dataflows().WaitForFirstRunAsync(FlowId, TimeSpan.FromMinutes(5), progress, Tiny);

        Assert.Multiple(() =>
        {
            Assert.That(run.Id, Is.EqualTo(FirstRunId));
            Assert.That(run.Status, Is.EqualTo("success"));
            Assert.That(run.RecordsWritten, Is.EqualTo(99));
            Assert.That(progress.Reports.Select(report => report?.Status ?? (report is null ? "(no run)" : "(no status)")),
                Is.EqualTo(new[] { "(no run)", "(no status)", "inProgress", "success" }));
            Assert.That(Requests(), Has.Count.EqualTo(4), "one request per poll, and no poll after the final status");
            Assert.That(Requests().Select(request => request.RawQuery).Distinct(), Is.EqualTo(new[] { "?property=flowId%3D%3D" + FlowId }));
        });
    }

    [Test]
    public async Task The_first_run_is_the_earliest_created_whatever_the_order_listed()
    {
        Answer("GET", FlowServicePath + "/runs", 200,
            Page(null, Run(SecondRunId, "inProgress", createdAt: 1668638963851), Run(FirstRunId, "success", createdAt: 1668637963851)));

        var run = await Dataflows().WaitForFirstRunAsync(FlowId, TimeSpan.FromMinutes(5), pollInterval: Tiny);

        Assert.That(run.Id, Is.EqualTo(FirstRunId));
        Assert.That(Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_zero_timeout_polls_once_then_gives_up_naming_the_status()
    {
        Answer("GET", FlowServicePath + "/runs", 200, Page(null, Run(FirstRunId, "inProgress")));
        var progress = new RecordingProgress();

        var exception = Assert.ThrowsAsync<TimeoutException>(() => Dataflows().WaitForFirstRunAsync(FlowId, TimeSpan.Zero, progress, Tiny))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain(FirstRunId.ToString()).And.Contain("inProgress"));
            Assert.That(Requests(), Has.Count.EqualTo(1));
            Assert.That(progress.Reports, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void A_flow_without_runs_times_out_saying_so()
    {
        Answer("GET", FlowServicePath + "/runs", 200, Page(null));

        var exception = Assert.ThrowsAsync<TimeoutException>(() => Dataflows().WaitForFirstRunAsync(FlowId, TimeSpan.Zero, pollInterval: Tiny))!;

        Assert.That(exception.Message, Does.Contain("had no run"));
    }

    [Test]
    public void Cancelling_stops_the_wait()
    {
        Answer("GET", FlowServicePath + "/runs", 200, Page(null, Run(FirstRunId, "inProgress")));
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress(() => cancellation.Cancel());

        Assert.CatchAsync<OperationCanceledException>(() => Dataflows().WaitForFirstRunAsync(FlowId, Timeout.InfiniteTimeSpan, progress, Tiny, cancellation.Token));
        Assert.That(Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public void Bad_arguments_are_refused_before_anything_is_sent()
    {
        var dataflows = Dataflows();

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Catch<ArgumentException>(() => dataflows.WaitForFirstRunAsync(Guid.Empty, TimeSpan.FromMinutes(1)))!.ParamName, Is.EqualTo("flowId"));
            Assert.That(Assert.Catch<ArgumentOutOfRangeException>(() => dataflows.WaitForFirstRunAsync(FlowId, TimeSpan.FromSeconds(-2)))!.ParamName, Is.EqualTo("timeout"));
            Assert.That(Assert.Catch<ArgumentOutOfRangeException>(() => dataflows.WaitForFirstRunAsync(FlowId, TimeSpan.FromMinutes(1), pollInterval: TimeSpan.Zero))!.ParamName, Is.EqualTo("pollInterval"));
        });
        AssertNothingWasSent();
    }

    /// <summary>Records reports as they come, synchronously (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class RecordingProgress(Action? onReport = null) : IProgress<DataflowRun?>
    {
        public List<DataflowRun?> Reports { get; } = [];

        public void Report(DataflowRun? value)
        {
            Reports.Add(value);
            onReport?.Invoke();
        }
    }
}
