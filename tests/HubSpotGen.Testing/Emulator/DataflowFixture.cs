using HubSpotGen.FlowService.Emulator;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Testing;

/// <summary>
/// An emulator on a <see cref="ManualClock"/> with a run delay of one minute, and the dataflow chain's requests
/// written out as JSON text, so every test shows exactly what goes on the wire.
/// </summary>
public abstract class DataflowFixture : EmulatorFixture
{
    public const string DataLakeSpecId = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
    public const string FlowSpecId = "14518937-270c-4525-bdec-c2ba7cce3860";
    public const string XdmFull = "application/vnd.adobe.xed-full+json;version=1";

    /// <summary>Where the clock stands when each test starts: 2026-03-02T10:00:00Z.</summary>
    public static readonly DateTimeOffset TestStart = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>How long a run stays in progress on this fixture's emulator.</summary>
    public static readonly TimeSpan RunDuration = TimeSpan.FromMinutes(1);

    protected ManualClock Clock { get; } = new(TestStart);

    protected static long StartSeconds => TestStart.ToUnixTimeSeconds();

    protected override FlowServiceEmulatorOptions? EmulatorOptions => new() { Clock = Clock, RunDuration = RunDuration };

    [SetUp]
    public void ResetClock() => Clock.Set(TestStart);

    protected Uri Platform(string path) => new(Emulator.PlatformAddress, path);

    protected Task<Answer> PostAsync(string route, string json, string? sandbox = Sandbox) =>
        SendAsync(WithJson(Request(HttpMethod.Post, route, sandbox), json));

    protected Task<Answer> PostMappingSetAsync(string json, string? sandbox = Sandbox) =>
        SendAsync(WithJson(RequestTo(HttpMethod.Post, Platform("/data/foundation/conversion/mappingSets"), sandbox), json));

    protected Task<Answer> GetDatasetAsync(string id, string? sandbox = Sandbox) =>
        SendAsync(RequestTo(HttpMethod.Get, Platform("/data/foundation/catalog/dataSets/" + id), sandbox));

    protected Task<Answer> DeleteAtAsync(string route, string? sandbox = Sandbox) => SendAsync(Request(HttpMethod.Delete, route, sandbox));

    protected Task<Answer> PatchFlowAsync(string id, string? ifMatch, string json, string? sandbox = Sandbox)
    {
        var request = WithJson(Request(HttpMethod.Patch, "/flows/" + id, sandbox), json);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return SendAsync(request);
    }

    protected Task<Answer> FlowActionAsync(string id, string op, string? sandbox = Sandbox) =>
        SendAsync(Request(HttpMethod.Post, "/flows/" + id + "/action?op=" + op, sandbox));

    protected static string SourceBody(string baseConnectionId, string path = "Hubspot.Contacts") => $$"""
        {
          "name": "HubSpot source connection",
          "description": "HubSpot contacts",
          "baseConnectionId": "{{baseConnectionId}}",
          "data": { "format": "tabular" },
          "params": { "path": "{{path}}" },
          "connectionSpec": { "id": "{{HubSpotSpecId}}", "version": "1.0" }
        }
        """;

    protected static string TargetBody(string datasetId = FlowServiceEmulator.DemoDatasetId, string schemaId = FlowServiceEmulator.DemoSchemaId) => $$"""
        {
          "name": "HubSpot target connection",
          "description": "into the demo dataset",
          "data": { "schema": { "id": "{{schemaId}}", "version": "{{XdmFull}}" } },
          "params": { "dataSetId": "{{datasetId}}" },
          "connectionSpec": { "id": "{{DataLakeSpecId}}", "version": "1.0" }
        }
        """;

    protected static string MappingBody(string schemaId = FlowServiceEmulator.DemoSchemaId, string firstSource = "Properties_Firstname_Value") => $$"""
        {
          "version": 0,
          "xdmSchema": "{{schemaId}}",
          "xdmVersion": "1.0",
          "id": null,
          "mappings": [
            { "destinationXdmPath": "person.name.firstName", "sourceAttribute": "{{firstSource}}", "identity": false, "identityGroup": null, "namespaceCode": null, "version": 0 },
            { "destinationXdmPath": "person.name.lastName", "sourceAttribute": "Properties_Lastname_Value", "identity": false, "identityGroup": null, "namespaceCode": null, "version": 0 }
          ]
        }
        """;

    /// <summary>A flow body; <paramref name="schedule"/> is the scheduleParams object's text.</summary>
    protected static string FlowBody(Chain chain, string? schedule = null, string deltaColumn = "Added_At", string name = "HubSpot contacts to the demo dataset") => $$"""
        {
          "name": "{{name}}",
          "description": "HubSpot dataflow",
          "flowSpec": { "id": "{{FlowSpecId}}", "version": "1.0" },
          "sourceConnectionIds": [ "{{chain.SourceId}}" ],
          "targetConnectionIds": [ "{{chain.TargetId}}" ],
          "transformations": [
            { "name": "Copy", "params": { "deltaColumn": { "name": "{{deltaColumn}}", "dateFormat": "YYYY-MM-DD", "timezone": "UTC" } } },
            { "name": "Mapping", "params": { "mappingId": "{{chain.MappingId}}", "mappingVersion": 0 } }
          ],
          "scheduleParams": {{schedule ?? Once()}}
        }
        """;

    protected static string Once(long? startTime = null) => $$"""{ "startTime": {{startTime ?? StartSeconds}}, "frequency": "once" }""";

    protected static string Every(string frequency, int interval, long? startTime = null) =>
        $$"""{ "startTime": {{startTime ?? StartSeconds}}, "frequency": "{{frequency}}", "interval": {{interval}}, "backfill": true }""";

    /// <summary>Creates the base, source and target connections and the mapping set; fails the test on any refusal.</summary>
    protected async Task<Chain> CreateConnectionsAsync(string sandbox = Sandbox, string table = "Hubspot.Contacts")
    {
        var (connectionId, _) = await CreateAsync("HubSpot base connection", sandbox: sandbox);
        var source = await PostAsync("/sourceConnections", SourceBody(connectionId, table), sandbox);
        Assert.That(source.Status, Is.EqualTo(201), source.Text);
        var target = await PostAsync("/targetConnections", TargetBody(), sandbox);
        Assert.That(target.Status, Is.EqualTo(201), target.Text);
        var mapping = await PostMappingSetAsync(MappingBody(), sandbox);
        Assert.That(mapping.Status, Is.EqualTo(200), mapping.Text);
        return new Chain(connectionId, (string)source.Json!["id"]!, (string)target.Json!["id"]!, (string)mapping.Json!["id"]!);
    }

    /// <summary>Creates the connections and a flow with <paramref name="schedule"/>; returns the chain and the flow's id and etag.</summary>
    protected async Task<(Chain Chain, string FlowId, string Etag)> CreateFlowAsync(string? schedule = null, string sandbox = Sandbox)
    {
        var chain = await CreateConnectionsAsync(sandbox);
        var flow = await PostAsync("/flows", FlowBody(chain, schedule), sandbox);
        Assert.That(flow.Status, Is.EqualTo(201), flow.Text);
        return (chain, (string)flow.Json!["id"]!, (string)flow.Json["etag"]!);
    }

    protected async Task<JArray> RunsOfAsync(string flowId, string sandbox = Sandbox)
    {
        var answer = await GetAsync("/runs?property=" + Uri.EscapeDataString("flowId==" + flowId), sandbox);
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        return (JArray)answer.Json!["items"]!;
    }

    protected async Task<JObject> ReadFlowAsync(string id, string sandbox = Sandbox)
    {
        var answer = await GetAsync("/flows/" + id, sandbox);
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        return (JObject)answer.Json!["items"]![0]!;
    }

    /// <summary>The ids a flow is built from.</summary>
    public sealed record Chain(string ConnectionId, string SourceId, string TargetId, string MappingId);
}
