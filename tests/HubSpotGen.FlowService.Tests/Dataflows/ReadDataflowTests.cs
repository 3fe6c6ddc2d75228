using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.FlowService.Tests.Dataflows;

/// <summary>Reading dataflows and runs: get, list (every page, HubSpot only by default) and runs (every page).</summary>
public sealed class ReadDataflowTests : DataflowsFixture
{
    private static readonly string FlowPath = FlowServicePath + "/flows/" + FlowId;
    private static readonly Guid OtherFlowId = Guid.Parse("a1b2c3d4-0000-4000-8000-000000000001");
    private const string SalesforceSpec = "cb66ab34-8619-49cb-96d1-39b37ede86ea";

    [Test]
    public async Task Get_reads_the_flow_from_its_envelope()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));

        var flow = await Dataflows().GetAsync(FlowId);

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo(FlowPath));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);

            Assert.That(flow, Is.Not.Null);
            Assert.That(flow!.Id, Is.EqualTo(FlowId));
            Assert.That(flow.Name, Is.EqualTo("HubSpot contacts"));
            Assert.That(flow.Description, Is.EqualTo("HubSpot contacts into Platform"));
            Assert.That(flow.Etag, Is.EqualTo(Etag), "quotes kept");
            Assert.That(flow.State, Is.EqualTo("enabled"));
            Assert.That(flow.FlowSpecId, Is.EqualTo(Guid.Parse(DataflowSpecs.CrmFlowSpecId)));
            Assert.That(flow.SourceConnectionIds, Is.EqualTo(new[] { SourceConnectionId }));
            Assert.That(flow.TargetConnectionIds, Is.EqualTo(new[] { TargetConnectionId }));
            Assert.That(flow.Schedule, Is.EqualTo(new DataflowSchedule(DataflowFrequency.Minute, StartTime, 15)), "a start time sent as a string still reads");
            Assert.That(flow.DeltaColumn, Is.EqualTo("Added_At"));
            Assert.That(flow.MappingId, Is.EqualTo(MappingId));
            Assert.That(flow.MappingVersion, Is.EqualTo(0));
            Assert.That(flow.CreatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1668637963851)));
            Assert.That(flow.UpdatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1668638963851)));
        });
    }

    [Test]
    public async Task Get_answers_null_for_flow_services_own_not_found()
    {
        Answer("GET", FlowPath, 404, NotFound);

        Assert.That(await Dataflows().GetAsync(FlowId), Is.Null);
    }

    [Test]
    public async Task Get_answers_null_for_an_empty_envelope()
    {
        Answer("GET", FlowPath, 200, """{ "items": [] }""");

        Assert.That(await Dataflows().GetAsync(FlowId), Is.Null);
    }

    [Test]
    public void Get_throws_for_a_404_that_is_not_about_the_flow()
    {
        Answer("GET", FlowPath, 404, "<html>no such path</html>");

        Assert.CatchAsync<ApiException>(() => Dataflows().GetAsync(FlowId));
    }

    [Test]
    public void Get_refuses_an_empty_id_before_anything_is_sent()
    {
        Assert.That(Assert.Catch<ArgumentException>(() => Dataflows().GetAsync(Guid.Empty))!.ParamName, Is.EqualTo("flowId"));
        AssertNothingWasSent();
    }

    [Test]
    public async Task A_schedule_of_a_frequency_this_library_does_not_know_reads_as_null()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId, scheduleParams: """{ "startTime": 1625040887, "frequency": "month", "interval": 1 }""")));

        var flow = await Dataflows().GetAsync(FlowId);

        Assert.That(flow!.Schedule, Is.Null);
    }

    [Test]
    public async Task List_follows_every_page_with_the_crm_flow_spec_filter()
    {
        AnswerInTurn("GET", FlowServicePath + "/flows",
            (200, Page("/flows?continuationToken=page%2B2", Flow(FlowId))),
            (200, Page(null, Flow(OtherFlowId, "second"))));

        var flows = await ToListAsync(Dataflows().ListAsync());

        var requests = Requests();
        Assert.Multiple(() =>
        {
            Assert.That(flows.Select(flow => flow.Id), Is.EqualTo(new[] { FlowId, OtherFlowId }));
            Assert.That(requests.Select(request => request.RawQuery), Is.EqualTo(new[]
            {
                "?property=flowSpec.id%3D%3D14518937-270c-4525-bdec-c2ba7cce3860",
                "?property=flowSpec.id%3D%3D14518937-270c-4525-bdec-c2ba7cce3860&continuationToken=page%2B2",
            }));
            foreach (var request in requests)
            {
                Assert.That(request.AbsolutePath, Is.EqualTo(FlowServicePath + "/flows"));
                request.AssertPlatformHeaders();
                request.AssertOnlyHeaders(ReadHeaders);
            }
        });
    }

    [Test]
    public async Task List_leaves_out_flows_whose_sources_are_other_connectors()
    {
        Answer("GET", FlowServicePath + "/flows", 200, Page(null, Flow(FlowId), Flow(OtherFlowId, "salesforce", sourceSpec: SalesforceSpec)));

        var flows = await ToListAsync(Dataflows().ListAsync());

        Assert.That(flows.Select(flow => flow.Id), Is.EqualTo(new[] { FlowId }));
    }

    [Test]
    public async Task List_of_every_flow_sends_no_filter_and_keeps_other_connectors()
    {
        Answer("GET", FlowServicePath + "/flows", 200, Page(null, Flow(FlowId), Flow(OtherFlowId, "salesforce", sourceSpec: SalesforceSpec)));

        var flows = await ToListAsync(Dataflows().ListAsync(hubSpotOnly: false));

        Assert.That(SingleRequest().RawQuery, Is.Null.Or.Empty);
        Assert.That(flows.Select(flow => flow.Id), Is.EqualTo(new[] { FlowId, OtherFlowId }));
    }

    [Test]
    public void List_stops_when_a_page_hands_back_the_token_it_was_sent()
    {
        Answer("GET", FlowServicePath + "/flows", 200, Page("/flows?continuationToken=same", Flow(FlowId)));

        var exception = Assert.CatchAsync<ApiException>(() => ToListAsync(Dataflows().ListAsync()))!;

        Assert.That(exception.Message, Does.Contain("same continuation token"));
        Assert.That(Requests(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Runs_follows_every_page_filtered_by_the_flow_id()
    {
        AnswerInTurn("GET", FlowServicePath + "/runs",
            (200, Page("/runs?continuationToken=next", Run(FirstRunId, "success"))),
            (200, Page(null, Run(SecondRunId, null, createdAt: 1668638963851))));

        var runs = await ToListAsync(Dataflows().RunsAsync(FlowId));

        Assert.Multiple(() =>
        {
            Assert.That(Requests().Select(request => request.RawQuery), Is.EqualTo(new[]
            {
                "?property=flowId%3D%3D" + FlowId,
                "?property=flowId%3D%3D" + FlowId + "&continuationToken=next",
            }));
            Assert.That(runs.Select(run => run.Id), Is.EqualTo(new[] { FirstRunId, SecondRunId }));
            Assert.That(runs[1].Status, Is.Null, "a run not started yet has no metrics");
            Assert.That(runs[1].IsFinal, Is.False);
        });
    }

    [Test]
    public async Task A_run_reads_its_status_times_and_record_counts()
    {
        Answer("GET", FlowServicePath + "/runs", 200, Page(null,
            Run(FirstRunId, "failed", errors: """[ { "code": "CONNECTOR-2001-500", "message": "HubSpot refused the token." }, { "code": "CONNECTOR-1001-400" } ]""")));

        var run = (await ToListAsync(Dataflows().RunsAsync(FlowId))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(run.Id, Is.EqualTo(FirstRunId));
            Assert.That(run.FlowId, Is.EqualTo(FlowId));
            Assert.That(run.Status, Is.EqualTo("failed"));
            Assert.That(run.IsFinal, Is.True);
            Assert.That(run.StartedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1596656079576)));
            Assert.That(run.CompletedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1596656113526)));
            Assert.That(run.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(1596656113526 - 1596656079576)));
            Assert.That((run.RecordsRead, run.RecordsWritten, run.RecordsFailed), Is.EqualTo((100L, 99L, 1L)));
            Assert.That(run.Errors, Is.EqualTo(new[] { "CONNECTOR-2001-500: HubSpot refused the token.", "CONNECTOR-1001-400" }));
        });
    }

    [TestCase("success", true)]
    [TestCase("Failed", true)]
    [TestCase("partialSuccess", true)]
    [TestCase("inProgress", false)]
    [TestCase("pending", false)]
    public void Only_final_statuses_are_final(string status, bool final) =>
        Assert.That(new DataflowRun(FirstRunId, FlowId, status, null, null, null, null, null, []).IsFinal, Is.EqualTo(final));
}
