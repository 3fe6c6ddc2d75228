using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary>Unknown ids, in a route (404) or in a body (400), and bodies whose parts do not fit together.</summary>
public sealed class ReferenceTests : DataflowFixture
{
    [TestCase("/flows/")]
    [TestCase("/sourceConnections/")]
    [TestCase("/targetConnections/")]
    [TestCase("/runs/")]
    public async Task An_unknown_id_in_the_route_is_FLOW_1101_404_naming_the_id(string route)
    {
        var id = Guid.NewGuid().ToString();

        var answer = await GetAsync(route + id);

        AssertFlowError(answer, 404, "1101");
        Assert.That((string?)answer.Json!["report"]!["id"], Is.EqualTo(id));
        Assert.That((string?)answer.Json["report"]!["type"], Is.EqualTo(route.Trim('/')));
        Assert.That((string?)answer.Json["errorMessage"], Is.EqualTo($"{route.Trim('/')} not found with id = [{id}]"));
    }

    [Test]
    public async Task Every_flow_route_answers_an_unknown_flow_with_404()
    {
        var id = Guid.NewGuid().ToString();

        AssertFlowError(await PatchFlowAsync(id, "\"x\"", """[{ "op": "replace", "path": "/name", "value": "x" }]"""), 404, "1101");
        AssertFlowError(await FlowActionAsync(id, "enable"), 404, "1101");
        AssertFlowError(await DeleteAtAsync("/flows/" + id), 404, "1101");
        AssertFlowError(await DeleteAtAsync("/sourceConnections/" + id), 404, "1101");
        AssertFlowError(await DeleteAtAsync("/targetConnections/" + id), 404, "1101");
    }

    [Test]
    public async Task An_unknown_dataset_or_mapping_set_is_a_404_of_its_own_service_without_a_FLOW_code()
    {
        var dataset = await GetDatasetAsync("000000000000000000000000");
        var mapping = await SendAsync(RequestTo(HttpMethod.Get, Platform("/data/foundation/conversion/mappingSets/" + Guid.NewGuid().ToString("N"))));

        foreach (var answer in new[] { dataset, mapping })
        {
            Assert.That(answer.Status, Is.EqualTo(404), answer.Text);
            Assert.That((string?)answer.Json!["title"], Is.EqualTo("Not Found"));
            Assert.That((string?)answer.Json["type"], Does.Not.Contain("FLOW-"));
            Assert.That((string?)answer.Json["request-id"], Is.EqualTo(answer.RequestId));
        }

        Assert.That((string?)dataset.Json!["detail"], Does.Contain("000000000000000000000000"));
    }

    [Test]
    public async Task A_source_connection_needs_a_base_connection_of_the_sandbox_and_a_table_explore_lists()
    {
        var (connectionId, _) = await CreateAsync("base");
        var unknown = Guid.NewGuid().ToString();

        var noBase = await PostAsync("/sourceConnections", SourceBody(unknown));
        AssertFlowError(noBase, 400, "1400");
        Assert.That((string?)noBase.Json!["errorMessage"], Is.EqualTo($"baseConnectionId: connections not found with id = [{unknown}]"));
        var noTable = await PostAsync("/sourceConnections", SourceBody(connectionId, "Hubspot.Nothing"));
        AssertFlowError(noTable, 400, "1400");
        Assert.That((string?)noTable.Json!["errorMessage"], Does.Contain("Hubspot.Nothing"));
        AssertFlowError(await PostAsync("/sourceConnections", SourceBody(connectionId).Replace(HubSpotSpecId, DataLakeSpecId)), 400, "1413");
        AssertFlowError(await PostAsync("/sourceConnections", SourceBody(connectionId).Replace("\"tabular\"", "\"parquet\"")), 400, "1400");
        AssertFlowError(await PostAsync("/sourceConnections", SourceBody(connectionId).Replace("\"name\": \"HubSpot source connection\",", "")), 400, "1400");
        Assert.That((int?)(await GetAsync("/sourceConnections?count=true")).Json!["count"], Is.Zero);
    }

    [Test]
    public async Task A_target_connection_needs_a_dataset_of_the_sandbox_and_its_own_schema()
    {
        var noDataset = await PostAsync("/targetConnections", TargetBody(datasetId: "000000000000000000000000"));
        AssertFlowError(noDataset, 400, "1400");
        Assert.That((string?)noDataset.Json!["errorMessage"], Is.EqualTo("params.dataSetId: dataSets not found with id = [000000000000000000000000]"));
        var otherSchema = await PostAsync("/targetConnections", TargetBody(schemaId: "https://ns.adobe.com/emulator/schemas/other"));
        AssertFlowError(otherSchema, 400, "1400");
        Assert.That((string?)otherSchema.Json!["errorMessage"], Does.Contain(FlowServiceEmulator.DemoSchemaId));
        AssertFlowError(await PostAsync("/targetConnections", TargetBody().Replace(DataLakeSpecId, HubSpotSpecId)), 400, "1413");
        AssertFlowError(await PostAsync("/targetConnections", TargetBody().Replace(XdmFull, "application/json")), 400, "1400");
    }

    [Test]
    public async Task A_mapping_set_needs_a_known_schema_and_well_formed_mappings()
    {
        var unknownSchema = await PostMappingSetAsync(MappingBody(schemaId: "https://ns.adobe.com/emulator/schemas/none"));
        var noMappings = await PostMappingSetAsync($$"""{ "version": 0, "xdmSchema": "{{FlowServiceEmulator.DemoSchemaId}}", "xdmVersion": "1.0", "id": null, "mappings": [] }""");
        var twice = await PostMappingSetAsync(MappingBody().Replace("person.name.lastName", "person.name.firstName"));
        var withId = await PostMappingSetAsync(MappingBody().Replace("\"id\": null", "\"id\": \"mine\""));

        foreach (var answer in new[] { unknownSchema, noMappings, twice, withId })
        {
            Assert.That(answer.Status, Is.EqualTo(400), answer.Text);
            Assert.That((string?)answer.Json!["title"], Is.EqualTo("Bad Request"));
        }

        Assert.That((string?)unknownSchema.Json!["detail"], Does.Contain("https://ns.adobe.com/emulator/schemas/none"));
    }

    [Test]
    public async Task A_flow_refuses_unknown_source_target_and_mapping_ids()
    {
        var chain = await CreateConnectionsAsync();
        var unknown = Guid.NewGuid().ToString();

        var source = await PostAsync("/flows", FlowBody(chain with { SourceId = unknown }));
        var target = await PostAsync("/flows", FlowBody(chain with { TargetId = unknown }));
        var mapping = await PostAsync("/flows", FlowBody(chain with { MappingId = unknown }));

        AssertFlowError(source, 400, "1400");
        Assert.That((string?)source.Json!["errorMessage"], Is.EqualTo($"sourceConnectionIds: sourceConnections not found with id = [{unknown}]"));
        AssertFlowError(target, 400, "1400");
        Assert.That((string?)target.Json!["errorMessage"], Is.EqualTo($"targetConnectionIds: targetConnections not found with id = [{unknown}]"));
        AssertFlowError(mapping, 400, "1400");
        Assert.That((string?)mapping.Json!["errorMessage"], Is.EqualTo($"mappingId: mappingSets not found with id = [{unknown}]"));
        AssertFlowError(await PostAsync("/flows", FlowBody(chain).Replace(FlowSpecId, Guid.NewGuid().ToString())), 400, "1413");
    }

    [Test]
    public async Task A_mapping_whose_source_attribute_is_not_a_column_of_the_table_is_refused()
    {
        var chain = await CreateConnectionsAsync();
        var mapping = await PostMappingSetAsync(MappingBody(firstSource: "Properties_Nickname_Value"));
        Assert.That(mapping.Status, Is.EqualTo(200), "Data Prep cannot know the source yet, so the mapping set itself is accepted");

        var answer = await PostAsync("/flows", FlowBody(chain with { MappingId = (string)mapping.Json!["id"]! }));

        AssertFlowError(answer, 400, "1400");
        Assert.That((string?)answer.Json!["errorMessage"], Does.Contain("[Properties_Nickname_Value]").And.Contain("Hubspot.Contacts"));
    }

    [Test]
    public async Task A_delta_column_that_is_not_a_column_and_a_stale_mapping_version_are_refused()
    {
        var chain = await CreateConnectionsAsync();

        var delta = await PostAsync("/flows", FlowBody(chain, deltaColumn: "Updated_At"));
        var version = await PostAsync("/flows", FlowBody(chain).Replace("\"mappingVersion\": 0", "\"mappingVersion\": 3"));
        var noCopy = await PostAsync("/flows", FlowBody(chain).Replace("\"name\": \"Copy\"", "\"name\": \"Filter\""));

        AssertFlowError(delta, 400, "1400");
        Assert.That((string?)delta.Json!["errorMessage"], Does.Contain("Updated_At"));
        AssertFlowError(version, 400, "1400");
        AssertFlowError(noCopy, 400, "1400");
    }

    [Test]
    public async Task A_mapping_set_for_another_schema_cannot_feed_the_target_connection()
    {
        const string otherSchema = "https://ns.adobe.com/emulator/schemas/deals";
        Emulator.AddDataset(Sandbox, "deals", otherSchema);
        var chain = await CreateConnectionsAsync();
        var mapping = await PostMappingSetAsync(MappingBody(schemaId: otherSchema));

        var answer = await PostAsync("/flows", FlowBody(chain with { MappingId = (string)mapping.Json!["id"]! }));

        AssertFlowError(answer, 400, "1400");
        Assert.That((string?)answer.Json!["errorMessage"], Does.Contain(otherSchema).And.Contain(FlowServiceEmulator.DemoSchemaId));
    }

    [Test]
    public async Task A_connection_a_flow_uses_is_FLOW_1418_400_naming_the_flow_and_nothing_is_deleted()
    {
        var (chain, flowId, _) = await CreateFlowAsync();

        var baseConnection = await DeleteAsync(chain.ConnectionId);
        var source = await DeleteAtAsync("/sourceConnections/" + chain.SourceId);
        var target = await DeleteAtAsync("/targetConnections/" + chain.TargetId);

        AssertFlowError(baseConnection, 400, "1418");
        Assert.That((string?)baseConnection.Json!["errorMessage"], Does.Contain(flowId));
        Assert.That((string?)baseConnection.Json["report"]!["id"], Is.EqualTo(chain.ConnectionId));
        AssertFlowError(source, 400, "1418");
        AssertFlowError(target, 400, "1418");
        Assert.That((await GetAsync("/connections/" + chain.ConnectionId)).Status, Is.EqualTo(200));
        Assert.That((await GetAsync("/sourceConnections/" + chain.SourceId)).Status, Is.EqualTo(200));
        Assert.That((await GetAsync("/targetConnections/" + chain.TargetId)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_base_connection_whose_source_connection_no_flow_uses_can_be_deleted()
    {
        var chain = await CreateConnectionsAsync();

        Assert.That((await DeleteAsync(chain.ConnectionId)).Status, Is.EqualTo(204));
    }
}
