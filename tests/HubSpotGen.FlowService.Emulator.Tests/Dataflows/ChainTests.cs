using HubSpotGen.FlowService.Emulator;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary>The whole HubSpot chain over raw HTTP, from explore to deleting the connections, on one sandbox.</summary>
public sealed class ChainTests : DataflowFixture
{
    [Test]
    public async Task A_dataflow_lives_from_explore_to_the_deletion_of_its_connections()
    {
        // Explore: the table and its columns.
        var (connectionId, _) = await CreateAsync("HubSpot base connection");
        var root = (JArray)(await GetAsync("/connections/" + connectionId + "/explore?objectType=root")).Json!;
        Assert.That(root.Select(item => (string?)item["path"]), Does.Contain("Hubspot.Contacts"));
        var table = await GetAsync("/connections/" + connectionId + "/explore?objectType=table&object=Hubspot.Contacts");
        var columns = table.Json!["schema"]!["columns"]!.Select(column => (string?)column["name"]).ToList();
        Assert.That(columns, Does.Contain("Added_At").And.Contain("Properties_Firstname_Value"));

        // Dataset: Catalog answers an object keyed by the id, with the schema's $id.
        var dataset = await GetDatasetAsync(FlowServiceEmulator.DemoDatasetId);
        Assert.That(dataset.Status, Is.EqualTo(200), dataset.Text);
        Assert.That(dataset.Object.Properties().Select(property => property.Name), Is.EqualTo(new[] { FlowServiceEmulator.DemoDatasetId }));
        var schemaRef = dataset.Object[FlowServiceEmulator.DemoDatasetId]!["schemaRef"]!;
        Assert.That(JToken.DeepEquals(schemaRef, new JObject { ["id"] = FlowServiceEmulator.DemoSchemaId, ["contentType"] = XdmFull }), Is.True, schemaRef.ToString());

        // Source, target, mapping.
        var source = await PostAsync("/sourceConnections", SourceBody(connectionId));
        AssertReference(source, 201);
        Assert.That(source.Headers["Location"], Is.EqualTo("/data/foundation/flowservice/sourceConnections/" + source.Json!["id"]));
        var target = await PostAsync("/targetConnections", TargetBody(datasetId: FlowServiceEmulator.DemoDatasetId, schemaId: (string)schemaRef["id"]!));
        AssertReference(target, 201);
        var mapping = await PostMappingSetAsync(MappingBody());
        Assert.That(mapping.Status, Is.EqualTo(200), mapping.Text);
        Assert.That(mapping.Object.Properties().Select(property => property.Name), Is.EqualTo(new[] { "id", "version", "createdDate", "modifiedDate", "createdBy", "modifiedBy" }));
        Assert.That((int?)mapping.Json!["version"], Is.EqualTo(0));
        var chain = new Chain(connectionId, (string)source.Json!["id"]!, (string)target.Json!["id"]!, (string)mapping.Json["id"]!);

        // The flow spec by name.
        var specs = await GetAsync("/flowSpecs?property=" + Uri.EscapeDataString("name==\"CRMToAEP\""));
        Assert.That(specs.Status, Is.EqualTo(200), specs.Text);
        var spec = specs.Json!["items"]!.Single();
        Assert.That((string?)spec["id"], Is.EqualTo(FlowSpecId));
        Assert.That(spec["sourceConnectionSpecIds"]!.Select(id => (string?)id), Does.Contain(HubSpotSpecId));
        Assert.That(spec["targetConnectionSpecIds"]!.Select(id => (string?)id), Is.EqualTo(new[] { DataLakeSpecId }));

        // The flow, recurring every 15 minutes from now: its first run starts at once.
        var created = await PostAsync("/flows", FlowBody(chain, Every("minute", 15)));
        AssertReference(created, 201);
        var flowId = (string)created.Json!["id"]!;
        var flow = await ReadFlowAsync(flowId);
        Assert.Multiple(() =>
        {
            Assert.That((string?)flow["state"], Is.EqualTo("enabled"));
            Assert.That((string?)flow["etag"], Is.EqualTo((string?)created.Json["etag"]));
            Assert.That(flow["sourceConnectionIds"]!.Select(id => (string?)id), Is.EqualTo(new[] { chain.SourceId }));
            Assert.That(flow["targetConnectionIds"]!.Select(id => (string?)id), Is.EqualTo(new[] { chain.TargetId }));
            Assert.That((string?)flow["inheritedAttributes"]!["sourceConnections"]![0]!["baseConnection"]!["id"], Is.EqualTo(connectionId));
            Assert.That((string?)flow["runs"], Is.EqualTo("/flows/" + flowId + "/runs"));
        });

        var runs = await RunsOfAsync(flowId);
        Assert.That(runs, Has.Count.EqualTo(1));
        var run = runs[0];
        Assert.That((string?)run["flowId"], Is.EqualTo(flowId));
        Assert.That((string?)run["etag"], Does.StartWith("\"").And.EndWith("\""));
        Assert.That((string?)run["metrics"]!["statusSummary"]!["status"], Is.EqualTo("inProgress"));
        Assert.That((long?)run["metrics"]!["durationSummary"]!["startedAtUTC"], Is.EqualTo(TestStart.ToUnixTimeMilliseconds()));

        // After the run delay it has succeeded with the table's records.
        Clock.Advance(RunDuration);
        run = (await RunsOfAsync(flowId)).Single();
        var metrics = run["metrics"]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)metrics["statusSummary"]!["status"], Is.EqualTo("success"));
            Assert.That(metrics["statusSummary"]!["errors"], Is.Empty);
            Assert.That(JToken.DeepEquals(metrics["recordSummary"], JObject.Parse("""{"inputRecordCount":25,"outputRecordCount":25,"failedRecordCount":0}""")), Is.True, metrics.ToString());
            Assert.That((long?)metrics["durationSummary"]!["completedAtUTC"], Is.EqualTo((TestStart + RunDuration).ToUnixTimeMilliseconds()));
            Assert.That(metrics["sizeSummary"], Is.Not.Null);
            Assert.That(metrics["fileSummary"], Is.Not.Null);
            Assert.That(run["activities"], Has.Count.EqualTo(1));
        });

        // The flow's own runs link lists the same runs, and the flow reports its last run.
        var viaLink = await GetAsync((string)flow["runs"]!);
        Assert.That(viaLink.Json!["items"]!.Select(item => (string?)item["id"]), Is.EqualTo(new[] { (string?)run["id"] }));
        var lastRun = (await ReadFlowAsync(flowId))["lastRunDetails"]!;
        Assert.That((string?)lastRun["id"], Is.EqualTo((string?)run["id"]));
        Assert.That((string?)lastRun["state"], Is.EqualTo("success"));
        Assert.That((long?)lastRun["completedAtUTC"], Is.EqualTo((TestStart + RunDuration).ToUnixTimeMilliseconds()));

        // PATCH the schedule and name with the quoted etag, as Adobe's update example sends it.
        var patched = await PatchFlowAsync(flowId, (string)created.Json["etag"]!, """
            [
              { "op": "replace", "path": "/scheduleParams/frequency", "value": "hour" },
              { "op": "replace", "path": "/scheduleParams/interval", "value": 1 },
              { "op": "replace", "path": "/name", "value": "HubSpot contacts, hourly" }
            ]
            """);
        AssertReference(patched, 200);
        flow = await ReadFlowAsync(flowId);
        Assert.That((string?)flow["name"], Is.EqualTo("HubSpot contacts, hourly"));
        Assert.That((string?)flow["scheduleParams"]!["frequency"], Is.EqualTo("hour"));
        Assert.That((string?)flow["etag"], Is.EqualTo((string?)patched.Json!["etag"]).And.Not.EqualTo((string?)created.Json["etag"]));

        // Hourly now: the next run is at the start plus one hour; a disabled flow misses it.
        var disabled = await FlowActionAsync(flowId, "disable");
        AssertReference(disabled, 200);
        Assert.That((string?)(await ReadFlowAsync(flowId))["state"], Is.EqualTo("disabled"));
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await RunsOfAsync(flowId), Has.Count.EqualTo(1), "a disabled flow starts no runs");

        // Enabled again, it resumes at the next slot rather than making up the missed one.
        AssertReference(await FlowActionAsync(flowId, "enable"), 200);
        Assert.That((string?)(await ReadFlowAsync(flowId))["state"], Is.EqualTo("enabled"));
        Assert.That(await RunsOfAsync(flowId), Has.Count.EqualTo(1));
        Clock.Advance(TimeSpan.FromHours(1));
        var later = await RunsOfAsync(flowId);
        Assert.That(later, Has.Count.EqualTo(2));
        Assert.That((long?)later[1]["metrics"]!["durationSummary"]!["startedAtUTC"], Is.EqualTo(TestStart.AddHours(2).ToUnixTimeMilliseconds()));

        // The base connection cannot go while the flow uses it; after the flow, everything can.
        AssertFlowError(await DeleteAsync(connectionId), 400, "1418");
        Assert.That((await DeleteAtAsync("/flows/" + flowId)).Status, Is.EqualTo(204));
        AssertFlowError(await GetAsync("/flows/" + flowId), 404, "1101");
        Assert.That(await RunsOfAsync(flowId), Is.Empty, "a deleted flow's runs go with it");
        Assert.That((await DeleteAtAsync("/sourceConnections/" + chain.SourceId)).Status, Is.EqualTo(204));
        Assert.That((await DeleteAtAsync("/targetConnections/" + chain.TargetId)).Status, Is.EqualTo(204));
        Assert.That((await DeleteAsync(connectionId)).Status, Is.EqualTo(204));
        AssertFlowError(await GetAsync("/sourceConnections/" + chain.SourceId), 404, "1101");
        AssertFlowError(await GetAsync("/targetConnections/" + chain.TargetId), 404, "1101");
    }

    [Test]
    public async Task Source_and_target_connections_read_back_as_created_in_an_items_envelope()
    {
        var chain = await CreateConnectionsAsync();

        var source = (JObject)(await GetAsync("/sourceConnections/" + chain.SourceId)).Json!["items"]![0]!;
        var target = (JObject)(await GetAsync("/targetConnections/" + chain.TargetId)).Json!["items"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)source["baseConnectionId"], Is.EqualTo(chain.ConnectionId));
            Assert.That((string?)source["params"]!["path"], Is.EqualTo("Hubspot.Contacts"));
            Assert.That((string?)source["data"]!["format"], Is.EqualTo("tabular"));
            Assert.That((string?)source["connectionSpec"]!["id"], Is.EqualTo(HubSpotSpecId));
            Assert.That((string?)source["sandboxName"], Is.EqualTo(Sandbox));
            Assert.That((string?)source["etag"], Is.EqualTo((string?)source["version"]));
            Assert.That((string?)target["params"]!["dataSetId"], Is.EqualTo(FlowServiceEmulator.DemoDatasetId));
            Assert.That((string?)target["data"]!["schema"]!["id"], Is.EqualTo(FlowServiceEmulator.DemoSchemaId));
            Assert.That((string?)target["connectionSpec"]!["id"], Is.EqualTo(DataLakeSpecId));
        });
    }

    [Test]
    public async Task A_mapping_set_reads_back_with_its_schema_and_mappings()
    {
        var created = await PostMappingSetAsync(MappingBody());
        var id = (string)created.Json!["id"]!;

        var answer = await SendAsync(RequestTo(HttpMethod.Get, Platform("/data/foundation/conversion/mappingSets/" + id)));

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Assert.That((string?)answer.Json!["id"], Is.EqualTo(id));
        Assert.That((string?)answer.Json["xdmSchema"], Is.EqualTo(FlowServiceEmulator.DemoSchemaId));
        Assert.That(answer.Json["mappings"]!.Select(mapping => (string?)mapping["sourceAttribute"]), Is.EqualTo(new[] { "Properties_Firstname_Value", "Properties_Lastname_Value" }));
        Assert.That(answer.Json["mappings"]!.Select(mapping => (string?)mapping["destinationXdmPath"]), Is.EqualTo(new[] { "person.name.firstName", "person.name.lastName" }));
    }

    [Test]
    public async Task The_hubspot_connection_spec_is_found_by_name_and_a_filter_that_matches_nothing_answers_no_items()
    {
        var hubspot = await GetAsync("/connectionSpecs?property=" + Uri.EscapeDataString("name==\"hubspot\""));
        var none = await GetAsync("/flowSpecs?property=" + Uri.EscapeDataString("name==\"SomethingElse\""));
        var byId = await GetAsync("/flowSpecs/" + FlowSpecId);

        Assert.That(hubspot.Status, Is.EqualTo(200), hubspot.Text);
        Assert.That(hubspot.Json!["items"]!.Select(item => (string?)item["id"]), Is.EqualTo(new[] { HubSpotSpecId }));
        Assert.That(none.Json!["items"], Is.Empty);
        Assert.That((string?)byId.Json!["items"]![0]!["name"], Is.EqualTo("CRMToAEP"));
        AssertFlowError(await GetAsync("/flowSpecs/" + Guid.NewGuid()), 404, "1101");
    }

    [Test]
    public async Task Catalog_and_Data_Prep_apply_the_gateway_and_sandbox_checks()
    {
        var noToken = RequestTo(HttpMethod.Get, Platform("/data/foundation/catalog/dataSets/" + FlowServiceEmulator.DemoDatasetId));
        noToken.Headers.Authorization = null;
        AssertGatewayError(await SendAsync(noToken), 403, "403010", "Oauth token is missing.");

        var noKey = WithJson(RequestTo(HttpMethod.Post, Platform("/data/foundation/conversion/mappingSets")), MappingBody());
        noKey.Headers.Remove("x-api-key");
        AssertGatewayError(await SendAsync(noKey), 403, "403000", "Api Key is required");

        AssertFlowError(await GetDatasetAsync(FlowServiceEmulator.DemoDatasetId, sandbox: null), 400, "2105");
    }

    [Test]
    public async Task Injected_faults_reach_Catalog_and_Data_Prep_as_they_reach_Flow_Service()
    {
        Emulator.FailNext(2, 503);

        var dataset = await GetDatasetAsync(FlowServiceEmulator.DemoDatasetId);
        var mapping = await PostMappingSetAsync(MappingBody());
        var after = await GetDatasetAsync(FlowServiceEmulator.DemoDatasetId);

        AssertFlowError(dataset, 503, "1103");
        AssertFlowError(mapping, 503, "1103");
        Assert.That(after.Status, Is.EqualTo(200), after.Text);
    }

    private static void AssertReference(Answer answer, int status)
    {
        Assert.That(answer.Status, Is.EqualTo(status), answer.Text);
        Assert.That(answer.Object.Properties().Select(property => property.Name), Is.EqualTo(new[] { "id", "etag" }), answer.Text);
        Assert.That((string?)answer.Json!["etag"], Does.StartWith("\"").And.EndWith("\""));
    }
}
