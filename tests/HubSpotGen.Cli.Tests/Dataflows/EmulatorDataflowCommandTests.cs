using System.Globalization;
using HubSpotGen.FlowService.Emulator;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Tests.Dataflows;

/// <summary>
/// The <c>dataflows</c> commands against a started emulator (on a manual clock), as a user runs them after
/// <c>hubspotgen emulator</c>: the command, the library and the emulator together, with every request recorded as
/// it left the command.
/// </summary>
public sealed class EmulatorDataflowCommandTests : DataflowFixture
{
    private const string Contacts = "Hubspot.Contacts";

    private ForwardingRecorder _wire = null!;

    [SetUp]
    public void NewWire() => _wire = new ForwardingRecorder();

    [TearDown]
    public void DisposeWire() => _wire.Dispose();

    /// <summary>What <c>hubspotgen emulator</c> prints to export, pointed at this fixture's emulator; HubSpot's are the fake secrets CliRun looks for.</summary>
    private Dictionary<string, string?> Environment()
    {
        var environment = CliRun.FullEnvironment(Emulator.BaseAddress);
        environment["AEP_ACCESS_TOKEN"] = Emulator.Options.AccessToken;
        environment["AEP_API_KEY"] = Emulator.Options.ApiKey;
        environment["AEP_IMS_ORG"] = Emulator.Options.ImsOrgId;
        environment["AEP_SANDBOX_NAME"] = Sandbox;
        return environment;
    }

    private Task<CliRun> RunAsync(params string[] args) => CliRun.RunOverAsync(_wire, Environment(), args);

    private async Task<string> CreateConnectionAsync()
    {
        var run = await RunAsync("connections", "create-hubspot", "--name", "HubSpot base connection", "--json");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return (string)JObject.Parse(run.Output)["id"]!;
    }

    private static string[] CreateArgs(string connectionId, string dataSetId = FlowServiceEmulator.DemoDatasetId) =>
    [
        "dataflows", "create-hubspot", "--connection", connectionId, "--table", Contacts, "--dataset", dataSetId,
        "--map", "Properties_Firstname_Value=person.name.firstName", "--map", "Properties_Lastname_Value=person.name.lastName",
        "--start", StartSeconds.ToString(CultureInfo.InvariantCulture), "--name", "Contacts to the demo dataset", "--json",
    ];

    private async Task<JObject> CreateFlowAsync(string connectionId)
    {
        var run = await RunAsync(CreateArgs(connectionId));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return JObject.Parse(run.Output);
    }

    [Test]
    public async Task Create_hubspot_sends_the_documented_chain_in_order_and_prints_every_id()
    {
        var connectionId = await CreateConnectionAsync();
        var before = _wire.Calls.Count;

        var created = await CreateFlowAsync(connectionId);

        var calls = _wire.Calls.Skip(before).ToList();
        foreach (var call in calls)
        {
            // The capture the issue's closing note quotes; the bearer token is the emulator's, masked all the same.
            TestContext.Out.WriteLine(call.Line);
            foreach (var (name, value) in call.Headers.OrderBy(header => header.Key, StringComparer.OrdinalIgnoreCase))
            {
                TestContext.Out.WriteLine($"  {name}: {(name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) ? "Bearer ***" : value)}");
            }

            TestContext.Out.WriteLine(call.Body ?? "(no body)");
        }

        var flowService = "/data/foundation/flowservice";
        Assert.That(calls.Select(call => call.Line), Is.EqualTo(new[]
        {
            $"GET {flowService}/connections/{connectionId}/explore?objectType=root",
            $"GET {flowService}/connections/{connectionId}/explore?objectType=table&object={Contacts}",
            $"GET /data/foundation/catalog/dataSets/{FlowServiceEmulator.DemoDatasetId}",
            $"POST {flowService}/sourceConnections",
            $"POST {flowService}/targetConnections",
            "POST /data/foundation/conversion/mappingSets",
            $"GET {flowService}/flowSpecs?property=name==\"CRMToAEP\"",
            $"POST {flowService}/flows",
        }));
        var description = $"HubSpot table {Contacts} into Platform dataset {FlowServiceEmulator.DemoDatasetId}, made by HubSpotGen";
        Assert.Multiple(() =>
        {
            JsonAssert.AreEquivalent($$"""
                {
                  "name": "Contacts to the demo dataset (source)", "description": "{{description}}",
                  "baseConnectionId": "{{connectionId}}", "data": { "format": "tabular" }, "params": { "path": "{{Contacts}}" },
                  "connectionSpec": { "id": "{{HubSpotSpecId}}", "version": "1.0" }
                }
                """, calls[3].Body);
            JsonAssert.AreEquivalent($$"""
                {
                  "name": "Contacts to the demo dataset (target)", "description": "{{description}}",
                  "data": { "schema": { "id": "{{FlowServiceEmulator.DemoSchemaId}}", "version": "{{XdmFull}}" } },
                  "params": { "dataSetId": "{{FlowServiceEmulator.DemoDatasetId}}" },
                  "connectionSpec": { "id": "{{DataLakeSpecId}}", "version": "1.0" }
                }
                """, calls[4].Body);
            JsonAssert.AreEquivalent($$"""
                {
                  "version": 0, "xdmSchema": "{{FlowServiceEmulator.DemoSchemaId}}", "xdmVersion": "1.0", "id": null,
                  "mappings": [
                    { "sourceAttribute": "Properties_Firstname_Value", "destinationXdmPath": "person.name.firstName", "identity": false, "identityGroup": null, "namespaceCode": null, "version": 0 },
                    { "sourceAttribute": "Properties_Lastname_Value", "destinationXdmPath": "person.name.lastName", "identity": false, "identityGroup": null, "namespaceCode": null, "version": 0 }
                  ]
                }
                """, calls[5].Body);
            JsonAssert.AreEquivalent($$"""
                {
                  "name": "Contacts to the demo dataset", "description": "{{description}}",
                  "flowSpec": { "id": "{{FlowSpecId}}", "version": "1.0" },
                  "sourceConnectionIds": [ "{{created["sourceConnectionId"]}}" ],
                  "targetConnectionIds": [ "{{created["targetConnectionId"]}}" ],
                  "transformations": [
                    { "name": "Copy", "params": { "deltaColumn": { "name": "Added_At", "dateFormat": "YYYY-MM-DD", "timezone": "UTC" } } },
                    { "name": "Mapping", "params": { "mappingId": "{{created["mappingId"]}}", "mappingVersion": 0 } }
                  ],
                  "scheduleParams": { "startTime": {{StartSeconds}}, "frequency": "once" }
                }
                """, calls[7].Body);
            Assert.That(calls.Where(call => call.Method == "GET").Select(call => call.Body), Is.All.Null, "reads carry no body");
            foreach (var call in calls)
            {
                Assert.That(call.Headers.GetValueOrDefault("Authorization"), Is.EqualTo("Bearer " + Emulator.Options.AccessToken), call.Line);
                Assert.That(call.Headers.GetValueOrDefault("x-api-key"), Is.EqualTo(Emulator.Options.ApiKey), call.Line);
                Assert.That(call.Headers.GetValueOrDefault("x-gw-ims-org-id"), Is.EqualTo(Emulator.Options.ImsOrgId), call.Line);
                Assert.That(call.Headers.GetValueOrDefault("x-sandbox-name"), Is.EqualTo(Sandbox), call.Line);
                Assert.That(call.Headers.GetValueOrDefault("Content-Type")?.Split(';')[0], Is.EqualTo(call.Body is null ? null : "application/json"), call.Line);
            }

            Assert.That(((JObject)created).Properties().Select(property => property.Name), Is.EqualTo(new[] { "flowId", "etag", "sourceConnectionId", "targetConnectionId", "mappingId" }));
        });
    }

    [Test]
    public async Task Runs_shows_the_first_run_succeeded_with_its_record_counts()
    {
        var created = await CreateFlowAsync(await CreateConnectionAsync());
        var flowId = (string)created["flowId"]!;
        Clock.Advance(TimeSpan.FromSeconds(1));
        var inProgress = await RunAsync("dataflows", "runs", flowId, "--json");
        Clock.Advance(RunDuration);

        var done = await RunAsync("dataflows", "runs", flowId);
        var doneJson = await RunAsync("dataflows", "runs", flowId, "--json");

        var raw = (JObject)(await RunsOfAsync(flowId)).Single();
        var records = raw["metrics"]!["recordSummary"]!;
        var run = (JObject)JArray.Parse(doneJson.Output).Single();
        Assert.Multiple(() =>
        {
            Assert.That(inProgress.ExitCode, Is.EqualTo(0), inProgress.Error);
            Assert.That((string?)JArray.Parse(inProgress.Output).Single()["status"], Is.EqualTo("inProgress"));
            Assert.That(done.ExitCode, Is.EqualTo(0), done.Error);
            Assert.That(done.OutputLines, Has.Count.EqualTo(1));
            Assert.That(done.OutputLines[0], Does.StartWith((string)raw["id"]! + "  success").And.EndWith(
                $"read {records["inputRecordCount"]}  written {records["outputRecordCount"]}  failed {records["failedRecordCount"]}"));
            Assert.That((string?)run["status"], Is.EqualTo("success"));
            Assert.That((long?)run["recordsRead"], Is.EqualTo((long)records["inputRecordCount"]!).And.GreaterThan(0));
            Assert.That((double?)run["durationSeconds"], Is.EqualTo(RunDuration.TotalSeconds));
        });
    }

    [Test]
    public async Task List_shows_the_dataflow_and_delete_with_connections_frees_the_base_connection()
    {
        var connectionId = await CreateConnectionAsync();
        var created = await CreateFlowAsync(connectionId);
        var flowId = (string)created["flowId"]!;

        var listed = await RunAsync("dataflows", "list", "--json");
        var refused = await RunAsync("connections", "delete", connectionId);
        var deleted = await RunAsync("dataflows", "delete", flowId, "--with-connections");
        var baseDeleted = await RunAsync("connections", "delete", connectionId);

        Assert.Multiple(async () =>
        {
            Assert.That(listed.ExitCode, Is.EqualTo(0), listed.Error);
            Assert.That(JArray.Parse(listed.Output).Select(flow => (string?)flow["id"]), Is.EqualTo(new[] { flowId }));
            Assert.That(refused.ExitCode, Is.EqualTo(1));
            Assert.That(refused.ErrorLines, Has.Count.EqualTo(1));
            Assert.That(refused.Error, Does.Contain("FLOW-1418-400"));
            Assert.That(deleted.ExitCode, Is.EqualTo(0), deleted.Error);
            Assert.That(baseDeleted.ExitCode, Is.EqualTo(0), baseDeleted.Error);
            Assert.That(Emulator.ConnectionCount(Sandbox), Is.Zero);
            Assert.That((await GetAsync("/sourceConnections")).Json!["items"], Is.Empty);
            Assert.That((await GetAsync("/targetConnections")).Json!["items"], Is.Empty);
            Assert.That((await GetAsync("/flows")).Json!["items"], Is.Empty);
        });
    }

    [Test]
    public async Task Update_changes_schedule_and_name_and_disable_and_enable_switch_the_state()
    {
        var created = await CreateFlowAsync(await CreateConnectionAsync());
        var flowId = (string)created["flowId"]!;

        var updated = await RunAsync("dataflows", "update", flowId, "--etag", (string)created["etag"]!, "--frequency", "minute", "--interval", "15", "--name", "Every quarter hour", "--json");
        var afterUpdate = await ReadFlowAsync(flowId);
        var disabled = await RunAsync("dataflows", "disable", flowId);
        var afterDisable = await ReadFlowAsync(flowId);
        var enabled = await RunAsync("dataflows", "enable", flowId);
        var read = await RunAsync("dataflows", "get", flowId, "--json");

        var flow = JObject.Parse(read.Output);
        Assert.Multiple(() =>
        {
            Assert.That(updated.ExitCode, Is.EqualTo(0), updated.Error);
            Assert.That((string?)JObject.Parse(updated.Output)["etag"], Is.EqualTo((string?)afterUpdate["etag"]), "the last PATCH's etag is the flow's");
            Assert.That(disabled.ExitCode, Is.EqualTo(0), disabled.Error);
            Assert.That((string?)afterDisable["state"], Is.EqualTo("disabled"));
            Assert.That(enabled.ExitCode, Is.EqualTo(0), enabled.Error);
            Assert.That((string?)flow["state"], Is.EqualTo("enabled"));
            Assert.That((string?)flow["name"], Is.EqualTo("Every quarter hour"));
            Assert.That((string?)flow["schedule"]!["frequency"], Is.EqualTo("minute"));
            Assert.That((int?)flow["schedule"]!["interval"], Is.EqualTo(15));
            Assert.That(_wire.Calls.Where(call => call.Method == "POST" && call.Path.EndsWith("/action", StringComparison.Ordinal)).Select(call => call.PathAndQuery.Split('?')[1]),
                Is.EqualTo(new[] { "op=disable", "op=enable" }));
        });
    }

    [Test]
    public async Task An_unknown_dataset_exits_2_on_one_line_having_created_nothing()
    {
        var connectionId = await CreateConnectionAsync();

        var run = await RunAsync(CreateArgs(connectionId, dataSetId: "65f0c0ffee00000000000000"));

        Assert.Multiple(async () =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
            Assert.That(run.Error, Does.Contain("65f0c0ffee00000000000000"));
            Assert.That(run.ShowsStackTrace, Is.False);
            Assert.That(run.Output, Is.Empty);
            Assert.That((await GetAsync("/sourceConnections")).Json!["items"], Is.Empty);
        });
    }

    [Test]
    public async Task A_source_column_the_table_lacks_exits_2_naming_the_columns()
    {
        var connectionId = await CreateConnectionAsync();

        var run = await RunAsync("dataflows", "create-hubspot", "--connection", connectionId, "--table", Contacts,
            "--dataset", FlowServiceEmulator.DemoDatasetId, "--map", "Shoe_Size=person.id");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
            Assert.That(run.Error, Does.Contain("Shoe_Size").And.Contain("Added_At"));
        });
    }
}
