using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.Cli.Tests.Dataflows;

/// <summary><c>hubspotgen dataflows get ID [--json]</c>, <c>dataflows list [--json]</c> and <c>dataflows runs ID [--json]</c>.</summary>
public sealed class ReadDataflowCommandTests : DataflowCommandFixture
{
    private static readonly Guid OtherFlowId = Guid.Parse("4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d");

    private static readonly string FlowLine =
        FlowId + "  enabled   \"6802064a-0000-0200-0000-6387c6b90000\"  every 15 minute(s) from 2021-06-30T08:14:47Z  HubSpot contacts";

    private static readonly string FlowJson = $$"""
        {
          "id": "{{FlowId}}",
          "name": "HubSpot contacts",
          "description": "HubSpot contacts into Platform",
          "state": "enabled",
          "etag": "\"6802064a-0000-0200-0000-6387c6b90000\"",
          "flowSpecId": "14518937-270c-4525-bdec-c2ba7cce3860",
          "sourceConnectionIds": ["{{SourceConnectionId}}"],
          "targetConnectionIds": ["{{TargetConnectionId}}"],
          "schedule": { "frequency": "minute", "interval": 15, "startTime": "2021-06-30T08:14:47.000Z", "backfill": null },
          "deltaColumn": "Added_At",
          "mappingId": "{{MappingId}}",
          "mappingVersion": 0,
          "createdAt": "2022-11-16T22:32:43.851Z",
          "updatedAt": "2022-11-16T22:49:23.851Z"
        }
        """;

    [Test]
    public async Task Get_reads_the_flow_and_prints_one_line_with_id_state_etag_schedule_and_name()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));

        var run = await RunAsync("dataflows", "get", FlowId.ToString());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method + " " + request.AbsolutePath, Is.EqualTo("GET " + FlowPath));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            Assert.That(request.Body, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);
            Assert.That(run.OutputLines, Is.EqualTo(new[] { FlowLine }));
        });
    }

    [Test]
    public async Task Get_json_is_the_dataflow_with_every_member_in_camel_case()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));

        var run = await RunAsync("dataflows", "get", FlowId.ToString(), "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        JsonAssert.AreEquivalent(FlowJson, run.Output);
    }

    [Test]
    public async Task Get_of_a_flow_scheduled_once_and_without_its_optional_parts_shows_them_as_null()
    {
        Answer("GET", FlowPath, 200, Page(null, $$"""{ "id": "{{FlowId}}", "scheduleParams": { "startTime": 1625040887, "frequency": "once" } }"""));

        var text = await RunAsync("dataflows", "get", FlowId.ToString());
        var json = await RunAsync("dataflows", "get", FlowId.ToString(), "--json");

        Assert.Multiple(() =>
        {
            Assert.That(text.OutputLines, Is.EqualTo(new[] { FlowId + "  -         -  once at 2021-06-30T08:14:47Z  " }));
            JsonAssert.AreEquivalent($$"""
                {
                  "id": "{{FlowId}}", "name": null, "description": null, "state": null, "etag": null,
                  "flowSpecId": null, "sourceConnectionIds": [], "targetConnectionIds": [],
                  "schedule": { "frequency": "once", "interval": null, "startTime": "2021-06-30T08:14:47.000Z", "backfill": null },
                  "deltaColumn": null, "mappingId": null, "mappingVersion": null, "createdAt": null, "updatedAt": null
                }
                """, json.Output);
        });
    }

    [Test]
    public async Task Get_of_an_unknown_flow_exits_1_with_one_line()
    {
        Answer("GET", FlowPath, 404, NotFound);

        var run = await RunAsync("dataflows", "get", FlowId.ToString(), "--json");

        AssertServiceError(run, $"error: dataflow {FlowId} was not found in sandbox {FakePlatform.SandboxName}");
    }

    [Test]
    public async Task Get_refused_by_the_service_exits_1_with_one_line()
    {
        Answer("GET", FlowPath, 400, BadRequest);

        var run = await RunAsync("dataflows", "get", FlowId.ToString());

        AssertServiceError(run, "error: Flow Service answered 400: FLOW-1400-400: Invalid request: The request is not valid. (request id test-request-id)");
    }

    [Test]
    public async Task List_follows_every_page_of_hubspot_flows_one_line_each()
    {
        AnswerInTurn("GET", FlowServicePath + "/flows",
            (200, Page("/flows?continuationToken=page%2B2", Flow(FlowId))),
            (200, Page(null, Flow(OtherFlowId, "second flow"))));

        var run = await RunAsync("dataflows", "list");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.Multiple(() =>
        {
            Assert.That(RequestLines(), Is.EqualTo(new[]
            {
                "GET " + FlowServicePath + "/flows?property=flowSpec.id%3D%3D14518937-270c-4525-bdec-c2ba7cce3860",
                "GET " + FlowServicePath + "/flows?property=flowSpec.id%3D%3D14518937-270c-4525-bdec-c2ba7cce3860&continuationToken=page%2B2",
            }));
            foreach (var request in Requests())
            {
                request.AssertPlatformHeaders();
                request.AssertOnlyHeaders(ReadHeaders);
            }

            Assert.That(run.OutputLines, Is.EqualTo(new[]
            {
                FlowLine,
                OtherFlowId + "  enabled   \"6802064a-0000-0200-0000-6387c6b90000\"  every 15 minute(s) from 2021-06-30T08:14:47Z  second flow",
            }));
        });
    }

    [Test]
    public async Task List_json_is_an_array_of_the_flows()
    {
        AnswerInTurn("GET", FlowServicePath + "/flows",
            (200, Page("/flows?continuationToken=page%2B2", Flow(FlowId))),
            (200, Page(null, Flow(OtherFlowId, "second flow"))));

        var run = await RunAsync("dataflows", "list", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        JsonAssert.AreEquivalent(
            "[" + FlowJson + "," + FlowJson.Replace(FlowId.ToString(), OtherFlowId.ToString()).Replace("\"name\": \"HubSpot contacts\"", "\"name\": \"second flow\"") + "]",
            run.Output);
    }

    [Test]
    public async Task An_empty_list_prints_nothing_on_stdout_and_says_so_on_stderr_or_an_empty_array()
    {
        Answer("GET", FlowServicePath + "/flows", 200, Page(null));

        var text = await RunAsync("dataflows", "list");
        var json = await RunAsync("dataflows", "list", "--json");

        Assert.Multiple(() =>
        {
            Assert.That(text.ExitCode, Is.EqualTo(0), text.Error);
            Assert.That(text.Output, Is.Empty);
            Assert.That(text.ErrorLines, Is.EqualTo(new[] { "No dataflows found." }));
            JsonAssert.AreEquivalent("[]", json.Output);
        });
    }

    [Test]
    public async Task Runs_follows_every_page_and_prints_status_start_duration_and_record_counts()
    {
        AnswerInTurn("GET", FlowServicePath + "/runs",
            (200, Page("/runs?continuationToken=next", Run(FirstRunId, "success"))),
            (200, Page(null, Run(SecondRunId, null))));

        var run = await RunAsync("dataflows", "runs", FlowId.ToString());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.Multiple(() =>
        {
            Assert.That(RequestLines(), Is.EqualTo(new[]
            {
                "GET " + FlowServicePath + "/runs?property=flowId%3D%3D" + FlowId,
                "GET " + FlowServicePath + "/runs?property=flowId%3D%3D" + FlowId + "&continuationToken=next",
            }));
            foreach (var request in Requests())
            {
                request.AssertPlatformHeaders();
                request.AssertOnlyHeaders(ReadHeaders);
            }

            Assert.That(run.OutputLines, Is.EqualTo(new[]
            {
                FirstRunId + "  success         started 2020-08-05T19:34:39Z  took 33.95 s  read 100  written 99  failed 1",
                SecondRunId + "  -               started -  took -  read -  written -  failed -",
            }));
        });
    }

    [Test]
    public async Task A_failed_run_shows_its_errors_after_the_counts()
    {
        Answer("GET", FlowServicePath + "/runs", 200, Page(null,
            Run(FirstRunId, "failed", errors: """[ { "code": "CONNECTOR-2001-500", "message": "HubSpot refused the token." }, { "code": "CONNECTOR-1001-400" } ]""")));

        var run = await RunAsync("dataflows", "runs", FlowId.ToString());

        Assert.That(run.OutputLines, Is.EqualTo(new[]
        {
            FirstRunId + "  failed          started 2020-08-05T19:34:39Z  took 33.95 s  read 100  written 99  failed 1  errors: CONNECTOR-2001-500: HubSpot refused the token.; CONNECTOR-1001-400",
        }));
    }

    [Test]
    public async Task Runs_json_is_an_array_with_every_member_of_each_run()
    {
        AnswerInTurn("GET", FlowServicePath + "/runs",
            (200, Page("/runs?continuationToken=next", Run(FirstRunId, "success"))),
            (200, Page(null, Run(SecondRunId, null))));

        var run = await RunAsync("dataflows", "runs", FlowId.ToString(), "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        JsonAssert.AreEquivalent($$"""
            [
              {
                "id": "{{FirstRunId}}", "flowId": "{{FlowId}}", "status": "success",
                "startedAt": "2020-08-05T19:34:39.576Z", "completedAt": "2020-08-05T19:35:13.526Z", "durationSeconds": 33.95,
                "recordsRead": 100, "recordsWritten": 99, "recordsFailed": 1, "errors": []
              },
              {
                "id": "{{SecondRunId}}", "flowId": "{{FlowId}}", "status": null,
                "startedAt": null, "completedAt": null, "durationSeconds": null,
                "recordsRead": null, "recordsWritten": null, "recordsFailed": null, "errors": []
              }
            ]
            """, run.Output);
    }

    [Test]
    public async Task No_runs_yet_is_said_on_stderr_and_json_is_an_empty_array()
    {
        Answer("GET", FlowServicePath + "/runs", 200, Page(null));

        var text = await RunAsync("dataflows", "runs", FlowId.ToString());
        var json = await RunAsync("dataflows", "runs", FlowId.ToString(), "--json");

        Assert.Multiple(() =>
        {
            Assert.That(text.ExitCode, Is.EqualTo(0), text.Error);
            Assert.That(text.Output, Is.Empty);
            Assert.That(text.ErrorLines, Is.EqualTo(new[] { "No runs yet." }));
            JsonAssert.AreEquivalent("[]", json.Output);
        });
    }
}
