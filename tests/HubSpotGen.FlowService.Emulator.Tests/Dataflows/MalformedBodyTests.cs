using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary>A body with a string, number or array where an object belongs is a 400 naming the field, never the emulator's own 500.</summary>
public sealed class MalformedBodyTests : DataflowFixture
{
    [TestCase("/connections", """{ "name": "x", "connectionSpec": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "auth": {} }""", "1413")]
    [TestCase("/connections", """{ "name": "x", "connectionSpec": [1], "auth": {} }""", "1413")]
    [TestCase("/sourceConnections", """{ "name": "x", "baseConnectionId": "BASE", "connectionSpec": "hubspot" }""", "1413")]
    [TestCase("/sourceConnections", """{ "name": "x", "baseConnectionId": "BASE", "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806" }, "data": "tabular", "params": { "path": "Hubspot.Contacts" } }""", "1400")]
    [TestCase("/sourceConnections", """{ "name": "x", "baseConnectionId": "BASE", "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806" }, "data": { "format": "tabular" }, "params": ["Hubspot.Contacts"] }""", "1400")]
    [TestCase("/targetConnections", """{ "name": "x", "connectionSpec": { "id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c" }, "params": "dataset" }""", "1400")]
    [TestCase("/targetConnections", """{ "name": "x", "connectionSpec": { "id": "c604ff05-7f1a-43c0-8e18-33bf874cb11c" }, "params": { "dataSetId": "DATASET" }, "data": { "schema": "schema" } }""", "1400")]
    [TestCase("/runs", """{ "flowId": 12 }""", "1400")]
    public async Task A_misshapen_create_body_is_refused_with_its_FLOW_code(string route, string body, string code)
    {
        var (baseId, _) = await CreateAsync("base");

        var answer = await PostAsync(route, body.Replace("BASE", baseId).Replace("DATASET", FlowServiceEmulator.DemoDatasetId));

        AssertFlowError(answer, 400, code);
    }

    [TestCase("""["Copy", "Mapping"]""")]
    [TestCase("""[{ "name": "Copy", "params": "Added_At" }, { "name": "Mapping", "params": { "mappingId": "MAPPING", "mappingVersion": 0 } }]""")]
    [TestCase("""[{ "name": "Copy", "params": { "deltaColumn": "Added_At" } }, { "name": "Mapping", "params": { "mappingId": "MAPPING", "mappingVersion": 0 } }]""")]
    [TestCase("""[{ "name": "Copy", "params": { "deltaColumn": { "name": "Added_At" } } }, { "name": "Mapping", "params": ["MAPPING"] }]""")]
    [TestCase("""{ "name": "Copy" }""")]
    public async Task Misshapen_transformations_are_refused(string transformations)
    {
        var chain = await CreateConnectionsAsync();
        var body = $$"""
            {
              "name": "misshapen",
              "flowSpec": { "id": "{{FlowSpecId}}", "version": "1.0" },
              "sourceConnectionIds": [ "{{chain.SourceId}}" ],
              "targetConnectionIds": [ "{{chain.TargetId}}" ],
              "transformations": {{transformations.Replace("MAPPING", chain.MappingId)}},
              "scheduleParams": {{Once()}}
            }
            """;

        AssertFlowError(await PostAsync("/flows", body), 400, "1400");
    }

    [Test]
    public async Task A_mapping_that_is_not_an_object_and_an_ad_hoc_delta_column_that_is_not_one_are_refused()
    {
        var mapping = await PostMappingSetAsync($$"""{ "xdmSchema": "{{FlowServiceEmulator.DemoSchemaId}}", "mappings": [ "Vid" ] }""");
        Assert.That(mapping.Status, Is.EqualTo(400), mapping.Text);

        var (_, flowId, _) = await CreateFlowAsync();
        var run = await PostAsync("/runs", $$"""{ "flowId": "{{flowId}}", "params": { "windowStartTime": 1, "windowEndTime": 2, "deltaColumn": "Added_At" } }""");
        AssertFlowError(run, 400, "1400");
    }
}
