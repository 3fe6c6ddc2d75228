using HubSpotGen.FlowService.Emulator;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>
/// <see cref="HubSpotDataflows"/> over <see cref="PlatformClients.Create"/>, against a started emulator on a
/// manual clock: the facade and the emulator were each written against the documented service, so here any
/// difference between their readings of it shows. Runs advance by moving the clock from the wait's progress
/// callback, never by waiting.
/// </summary>
public sealed class DataflowFacadeTests : DataflowFixture
{
    private static readonly FieldMapping[] Names =
    [
        new("Properties_Firstname_Value", "person.name.firstName"),
        new("Properties_Lastname_Value", "person.name.lastName"),
    ];

    private readonly List<IDisposable> _owned = [];

    [TearDown]
    public void DisposeClients()
    {
        _owned.ForEach(owned => owned.Dispose());
        _owned.Clear();
    }

    /// <summary>The three clients on one pipeline, as a user builds them, over a transport that records each request.</summary>
    private (PlatformClients Clients, ForwardingRecorder Wire) Platform()
    {
        var wire = new ForwardingRecorder();
        var clients = PlatformClients.Create(
            new PlatformOptions
            {
                BaseAddress = Emulator.BaseAddress,
                AccessToken = Emulator.Options.AccessToken,
                ApiKey = Emulator.Options.ApiKey,
                ImsOrgId = Emulator.Options.ImsOrgId,
                SandboxName = Sandbox,
            },
            wire);
        _owned.Add(clients);
        _owned.Add(wire);
        return (clients, wire);
    }

    private static HubSpotCredentials Credentials() => new("hubspot-client-e2e", "hubspot-secret-e2e", "hubspot-access-e2e", "hubspot-refresh-e2e");

    private static HubSpotDataflowRequest ContactsRequest(Guid connectionId, DataflowSchedule? schedule = null) =>
        new(connectionId, "Hubspot.Contacts", FlowServiceEmulator.DemoDatasetId, Names) { Schedule = schedule ?? DataflowSchedule.Once(TestStart) };

    private async Task<(PlatformClients Clients, ForwardingRecorder Wire, Guid ConnectionId, CreatedDataflow Flow)> CreateContactsFlowAsync(DataflowSchedule? schedule = null)
    {
        var (clients, wire) = Platform();
        var connection = await clients.Connections.CreateAsync("HubSpot base connection", Credentials());
        var flow = await clients.Dataflows.CreateAsync(ContactsRequest(connection.Id, schedule));
        return (clients, wire, connection.Id, flow);
    }

    /// <summary>Waits for the first run, moving the emulator's clock past a run's duration whenever a poll finds it in progress.</summary>
    private Task<DataflowRun> WaitWithClockAsync(HubSpotDataflows dataflows, Guid flowId) =>
        dataflows.WaitForFirstRunAsync(
            flowId,
            TimeSpan.FromSeconds(30),
            new ClockMover(run =>
            {
                if (run is { IsFinal: false })
                {
                    Clock.Advance(RunDuration);
                }
            }),
            pollInterval: TimeSpan.FromMilliseconds(10));

    /// <summary>How many entities a list route answers in the sandbox, read over plain HTTP.</summary>
    private async Task<int> CountAsync(string route)
    {
        var answer = await GetAsync(route);
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        return ((JArray)answer.Json!["items"]!).Count;
    }

    private async Task AssertNothingButTheBaseConnectionAsync()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync("/flows"), Is.Zero, "flows");
            Assert.That(await CountAsync("/sourceConnections"), Is.Zero, "source connections");
            Assert.That(await CountAsync("/targetConnections"), Is.Zero, "target connections");
            Assert.That(Emulator.ConnectionCount(Sandbox), Is.EqualTo(1), "the base connection stays");
        });
    }

    [Test]
    public async Task A_created_dataflow_reads_back_as_asked_with_the_tables_only_date_time_column_as_delta_column()
    {
        var (clients, _, connectionId, created) = await CreateContactsFlowAsync();

        var flow = await clients.Dataflows.GetAsync(created.FlowId);

        Assert.That(flow, Is.Not.Null);
        var raw = await ReadFlowAsync(created.FlowId.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(flow!.Etag, Is.EqualTo(created.Etag));
            Assert.That(flow.FlowSpecId, Is.EqualTo(Guid.Parse(FlowSpecId)));
            Assert.That(flow.SourceConnectionIds, Is.EqualTo(new[] { created.SourceConnectionId }));
            Assert.That(flow.TargetConnectionIds, Is.EqualTo(new[] { created.TargetConnectionId }));
            Assert.That(flow.DeltaColumn, Is.EqualTo("Added_At"));
            Assert.That(flow.MappingId, Is.EqualTo(created.MappingId));
            Assert.That(flow.Schedule, Is.EqualTo(DataflowSchedule.Once(TestStart)));
            Assert.That(flow.State, Is.EqualTo("enabled"));
            Assert.That((string?)raw["inheritedAttributes"]!["sourceConnections"]![0]!["baseConnection"]!["id"], Is.EqualTo(connectionId.ToString()));
        });
    }

    [Test]
    public async Task The_first_run_succeeds_with_the_record_counts_the_emulator_reports()
    {
        var (clients, _, _, created) = await CreateContactsFlowAsync();

        var first = await WaitWithClockAsync(clients.Dataflows, created.FlowId);

        var rawRun = (JObject)(await RunsOfAsync(created.FlowId.ToString())).Single();
        var records = rawRun["metrics"]!["recordSummary"]!;
        Assert.Multiple(async () =>
        {
            Assert.That(first.Status, Is.EqualTo("success"));
            Assert.That(first.FlowId, Is.EqualTo(created.FlowId));
            Assert.That(first.Id.ToString(), Is.EqualTo((string?)rawRun["id"]));
            Assert.That(first.RecordsRead, Is.EqualTo((long)records["inputRecordCount"]!).And.GreaterThan(0));
            Assert.That(first.RecordsWritten, Is.EqualTo((long)records["outputRecordCount"]!));
            Assert.That(first.RecordsFailed, Is.EqualTo(0));
            Assert.That(first.StartedAt, Is.EqualTo(TestStart));
            Assert.That(first.Duration, Is.EqualTo(RunDuration));
            var runs = await ToListAsync(clients.Dataflows.RunsAsync(created.FlowId));
            Assert.That(runs.Select(run => run.Id), Is.EqualTo(new[] { first.Id }));
        });
    }

    [Test]
    public async Task An_ad_hoc_run_of_a_once_flow_is_listed_after_the_first()
    {
        var (clients, _, _, created) = await CreateContactsFlowAsync();
        var first = await WaitWithClockAsync(clients.Dataflows, created.FlowId);

        var adHoc = await clients.Dataflows.StartRunAsync(created.FlowId, TestStart.AddDays(-1), TestStart, "Added_At");

        var runs = await ToListAsync(clients.Dataflows.RunsAsync(created.FlowId));
        Assert.That(runs.Select(run => run.Id), Is.EquivalentTo(new[] { first.Id, adHoc.Id }));
    }

    [Test]
    public async Task List_finds_the_hubspot_dataflows_and_every_dataflow_when_asked()
    {
        var (clients, wire, connectionId, first) = await CreateContactsFlowAsync();
        var second = await clients.Dataflows.CreateAsync(ContactsRequest(connectionId) with { Name = "Second contacts flow" });

        var hubSpot = await ToListAsync(clients.Dataflows.ListAsync());
        var all = await ToListAsync(clients.Dataflows.ListAsync(hubSpotOnly: false));

        Assert.Multiple(() =>
        {
            Assert.That(hubSpot.Select(flow => flow.Id), Is.EquivalentTo(new[] { first.FlowId, second.FlowId }));
            Assert.That(all.Select(flow => flow.Id), Is.EquivalentTo(new[] { first.FlowId, second.FlowId }));
            Assert.That(wire.Lines, Does.Contain("GET /data/foundation/flowservice/flows?property=flowSpec.id==" + FlowSpecId), "the HubSpot listing filters on the CRM flow spec");
        });
    }

    [Test]
    public async Task A_once_flow_becomes_hourly_and_then_every_fifteen_minutes()
    {
        var (clients, wire, _, created) = await CreateContactsFlowAsync();

        var hourly = await clients.Dataflows.UpdateScheduleAsync(created.FlowId, created.Etag, DataflowSchedule.Every(DataflowFrequency.Hour, 2, TestStart, backfill: true));
        var afterHourly = await clients.Dataflows.GetAsync(created.FlowId);
        var everyQuarter = await clients.Dataflows.UpdateScheduleAsync(created.FlowId, hourly.Etag!, DataflowSchedule.Every(DataflowFrequency.Minute, 15, TestStart));
        var afterQuarter = await clients.Dataflows.GetAsync(created.FlowId);

        var patches = wire.Calls.Where(call => call.Method == "PATCH").Select(call => call.Body).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(afterHourly!.Schedule, Is.EqualTo(DataflowSchedule.Every(DataflowFrequency.Hour, 2, TestStart, backfill: true)));
            Assert.That(afterQuarter!.Schedule, Is.EqualTo(new DataflowSchedule(DataflowFrequency.Minute, TestStart, 15, true)), "backfill, not given, stays as it was");
            Assert.That(afterQuarter.Etag, Is.EqualTo(everyQuarter.Etag));
            JsonAssert.AreEquivalent("""
                [
                  { "op": "replace", "path": "/scheduleParams/frequency", "value": "hour" },
                  { "op": "add", "path": "/scheduleParams/interval", "value": 2 },
                  { "op": "add", "path": "/scheduleParams/backfill", "value": true }
                ]
                """, patches[0]);
            JsonAssert.AreEquivalent("""
                [
                  { "op": "replace", "path": "/scheduleParams/frequency", "value": "minute" },
                  { "op": "replace", "path": "/scheduleParams/interval", "value": 15 }
                ]
                """, patches[1]);
        });
    }

    [Test]
    public async Task A_recurring_flow_goes_back_to_once_and_loses_interval_and_backfill()
    {
        var (clients, _, _, created) = await CreateContactsFlowAsync(DataflowSchedule.Every(DataflowFrequency.Day, 1, TestStart.AddDays(1), backfill: false));

        await clients.Dataflows.UpdateScheduleAsync(created.FlowId, created.Etag, DataflowSchedule.Once(TestStart.AddDays(1)));

        var raw = await ReadFlowAsync(created.FlowId.ToString());
        JsonAssert.AreEquivalent($$"""{ "startTime": {{TestStart.AddDays(1).ToUnixTimeSeconds()}}, "frequency": "once" }""", raw["scheduleParams"]!.ToString());
    }

    [Test]
    public async Task Rename_and_a_new_mapping_change_the_flow_and_keep_its_copy_transformation()
    {
        var (clients, _, _, created) = await CreateContactsFlowAsync();

        var renamed = await clients.Dataflows.RenameAsync(created.FlowId, created.Etag, "Contacts, renamed", "new description");
        var remapped = await clients.Dataflows.UpdateMappingAsync(created.FlowId, renamed.Etag!, [new FieldMapping("Vid", "person.id")]);

        var flow = await clients.Dataflows.GetAsync(created.FlowId);
        var raw = await ReadFlowAsync(created.FlowId.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(flow!.Name, Is.EqualTo("Contacts, renamed"));
            Assert.That(flow.Description, Is.EqualTo("new description"));
            Assert.That(flow.Etag, Is.EqualTo(remapped.Etag));
            Assert.That(flow.MappingId, Is.Not.EqualTo(created.MappingId).And.Not.Null);
            Assert.That(flow.DeltaColumn, Is.EqualTo("Added_At"), "the Copy transformation is still there");
            Assert.That(raw["transformations"]!.Select(item => (string?)item["name"]), Is.EqualTo(new[] { "Copy", "Mapping" }));
            Assert.That((string?)raw["transformations"]![1]!["params"]!["mappingId"], Is.EqualTo(flow.MappingId));
        });
    }

    [Test]
    public async Task A_mapping_from_a_column_the_table_lacks_is_refused_before_anything_is_created()
    {
        var (clients, wire, _, created) = await CreateContactsFlowAsync();
        var before = wire.Calls.Count;

        var refusal = Assert.ThrowsAsync<ArgumentException>(() => clients.Dataflows.UpdateMappingAsync(created.FlowId, created.Etag, [new FieldMapping("Shoe_Size", "person.id")]));

        Assert.That(refusal!.Message, Does.Contain("Shoe_Size").And.Contain("Properties_Firstname_Value"));
        Assert.That(wire.Calls.Skip(before).Select(call => call.Method), Is.All.EqualTo("GET"), "only reads were sent");
    }

    [Test]
    public async Task Disable_and_enable_switch_the_state_and_a_disabled_flow_starts_no_run()
    {
        var (clients, _, _, created) = await CreateContactsFlowAsync(DataflowSchedule.Every(DataflowFrequency.Hour, 1, TestStart.AddHours(1)));

        await clients.Dataflows.DisableAsync(created.FlowId);
        var disabled = await clients.Dataflows.GetAsync(created.FlowId);
        Clock.Advance(TimeSpan.FromHours(2));
        var runsWhileDisabled = await ToListAsync(clients.Dataflows.RunsAsync(created.FlowId));
        await clients.Dataflows.EnableAsync(created.FlowId);
        var enabled = await clients.Dataflows.GetAsync(created.FlowId);

        Assert.Multiple(() =>
        {
            Assert.That(disabled!.State, Is.EqualTo("disabled"));
            Assert.That(runsWhileDisabled, Is.Empty);
            Assert.That(enabled!.State, Is.EqualTo("enabled"));
        });
    }

    [Test]
    public async Task A_base_connection_a_flow_uses_is_refused_with_1418_until_the_flow_and_its_connections_are_deleted()
    {
        var (clients, _, connectionId, created) = await CreateContactsFlowAsync();

        var refused = Assert.CatchAsync<ApiException>(() => clients.Connections.DeleteAsync(connectionId));
        Assert.That(refused!.StatusCode, Is.EqualTo(400));
        Assert.That(refused.ResponseBody, Does.Contain("FLOW-1418-400"));

        await clients.Dataflows.DeleteAsync(created.FlowId, deleteConnections: true);
        await AssertNothingButTheBaseConnectionAsync();
        Assert.That(await clients.Dataflows.GetAsync(created.FlowId), Is.Null);

        await clients.Connections.DeleteAsync(connectionId);
        Assert.That(Emulator.ConnectionCount(Sandbox), Is.Zero);
    }

    [Test]
    public async Task A_flow_deleted_without_its_connections_leaves_them_to_delete_by_id()
    {
        var (clients, _, _, created) = await CreateContactsFlowAsync();

        await clients.Dataflows.DeleteAsync(created.FlowId);

        Assert.Multiple(async () =>
        {
            Assert.That(await CountAsync("/flows"), Is.Zero);
            Assert.That(await CountAsync("/sourceConnections"), Is.EqualTo(1));
            Assert.That(await CountAsync("/targetConnections"), Is.EqualTo(1));
        });
    }

    [TestCase("/data/foundation/flowservice/targetConnections", new[] { "sourceConnections" })]
    [TestCase("/data/foundation/conversion/mappingSets", new[] { "targetConnections", "sourceConnections" })]
    [TestCase("/data/foundation/flowservice/flowSpecs", new[] { "targetConnections", "sourceConnections" })]
    [TestCase("/data/foundation/flowservice/flows", new[] { "targetConnections", "sourceConnections" })]
    public async Task A_refused_late_step_takes_back_what_the_create_made_newest_first(string refusedPath, string[] deletedNewestFirst)
    {
        var (clients, wire) = Platform();
        var connection = await clients.Connections.CreateAsync("HubSpot base connection", Credentials());
        // The refusal is injected at the very request, so the steps before it really happened on the emulator.
        // A 400 is final: no retry would spend it, and the clean-up deletes after it are answered as usual.
        wire.BeforeSend = call =>
        {
            if (call.Path == refusedPath && call.Method != "DELETE")
            {
                Emulator.FailNext(1, 400);
            }
        };

        var failure = Assert.CatchAsync<ApiException>(() => clients.Dataflows.CreateAsync(ContactsRequest(connection.Id)));

        Assert.That(failure!.StatusCode, Is.EqualTo(400));
        await AssertNothingButTheBaseConnectionAsync();
        var deletes = wire.Calls.Where(call => call.Method == "DELETE").Select(call => call.Path.Split('/')[^2]).ToList();
        Assert.That(deletes, Is.EqualTo(deletedNewestFirst));
    }

    [Test]
    public async Task An_unknown_dataset_is_an_argument_error_after_reads_only()
    {
        var (clients, wire) = Platform();
        var connection = await clients.Connections.CreateAsync("HubSpot base connection", Credentials());
        var before = wire.Calls.Count;

        var refusal = Assert.ThrowsAsync<ArgumentException>(() => clients.Dataflows.CreateAsync(ContactsRequest(connection.Id) with { DataSetId = "65f0c0ffee00000000000000" }));

        Assert.That(refusal!.Message, Does.Contain("65f0c0ffee00000000000000").And.Contain("404"));
        Assert.That(wire.Calls.Skip(before).Select(call => call.Method), Is.All.EqualTo("GET"));
        await AssertNothingButTheBaseConnectionAsync();
    }

    [Test]
    public async Task An_unknown_table_is_an_argument_error_naming_the_tables_the_connection_lists()
    {
        var (clients, _) = Platform();
        var connection = await clients.Connections.CreateAsync("HubSpot base connection", Credentials());

        var refusal = Assert.ThrowsAsync<ArgumentException>(() => clients.Dataflows.CreateAsync(ContactsRequest(connection.Id) with { TablePath = "Hubspot.Shoes" }));

        Assert.That(refusal!.Message, Does.Contain("Hubspot.Shoes").And.Contain("Hubspot.Contacts").And.Contain("Hubspot.All_Deals"));
        await AssertNothingButTheBaseConnectionAsync();
    }

    [Test]
    public async Task A_minute_schedule_under_fifteen_is_refused_before_anything_is_sent()
    {
        var (clients, wire) = Platform();
        var connection = await clients.Connections.CreateAsync("HubSpot base connection", Credentials());
        var before = wire.Calls.Count;

        Assert.Throws<ArgumentException>(() => clients.Dataflows.CreateAsync(
            ContactsRequest(connection.Id, new DataflowSchedule(DataflowFrequency.Minute, TestStart, 5))));

        Assert.That(wire.Calls.Count, Is.EqualTo(before), "nothing was sent");
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>Reports synchronously on the polling thread, unlike <see cref="Progress{T}"/>, so the clock moves before the next poll.</summary>
    private sealed class ClockMover(Action<DataflowRun?> onReport) : IProgress<DataflowRun?>
    {
        public void Report(DataflowRun? value) => onReport(value);
    }
}
