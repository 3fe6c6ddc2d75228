using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary>Each sandbox holds its own chain; <c>AddDataset</c> and <c>Reset</c>.</summary>
public sealed class SandboxTests : DataflowFixture
{
    private const string Other = "dev";

    [Test]
    public async Task A_flow_and_its_parts_are_seen_only_in_their_own_sandbox()
    {
        var (chain, flowId, _) = await CreateFlowAsync();

        AssertFlowError(await GetAsync("/flows/" + flowId, Other), 404, "1101");
        AssertFlowError(await GetAsync("/sourceConnections/" + chain.SourceId, Other), 404, "1101");
        Assert.That((await GetAsync("/runs", Other)).Json!["items"], Is.Empty);
        Assert.That((await GetAsync("/flows", Other)).Json!["items"], Is.Empty);
        Assert.That((await SendAsync(RequestTo(HttpMethod.Get, Platform("/data/foundation/conversion/mappingSets/" + chain.MappingId), Other))).Status, Is.EqualTo(404));
        Assert.That(await RunsOfAsync(flowId), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_chain_cannot_reach_into_another_sandbox()
    {
        var chain = await CreateConnectionsAsync();

        AssertFlowError(await PostAsync("/sourceConnections", SourceBody(chain.ConnectionId), Other), 400, "1400");
        var (otherConnection, _) = await CreateAsync("dev base", sandbox: Other);
        var otherSource = await PostAsync("/sourceConnections", SourceBody(otherConnection), Other);
        Assert.That(otherSource.Status, Is.EqualTo(201), otherSource.Text);
        var mixed = await PostAsync("/flows", FlowBody(chain with { SourceId = (string)otherSource.Json!["id"]! }));
        AssertFlowError(mixed, 400, "1400");
        Assert.That((string?)mixed.Json!["errorMessage"], Does.StartWith("sourceConnectionIds: sourceConnections not found"));
    }

    [Test]
    public async Task Every_sandbox_starts_with_the_demo_dataset_and_an_added_dataset_stays_in_its_sandbox()
    {
        const string schema = "https://ns.adobe.com/emulator/schemas/deals";
        var added = Emulator.AddDataset(Other, "HubSpot deals", schema);

        Assert.That(added, Does.Match("^[0-9a-f]{24}$"));
        Assert.That((await GetDatasetAsync(FlowServiceEmulator.DemoDatasetId, Other)).Status, Is.EqualTo(200));
        Assert.That((await GetDatasetAsync(FlowServiceEmulator.DemoDatasetId)).Status, Is.EqualTo(200));
        var dataset = await GetDatasetAsync(added, Other);
        Assert.That(dataset.Status, Is.EqualTo(200), dataset.Text);
        Assert.That((string?)dataset.Json![added]!["name"], Is.EqualTo("HubSpot deals"));
        Assert.That((string?)dataset.Json[added]!["schemaRef"]!["id"], Is.EqualTo(schema));
        Assert.That((await GetDatasetAsync(added)).Status, Is.EqualTo(404));
        Assert.That((await PostAsync("/targetConnections", TargetBody(added, schema), Other)).Status, Is.EqualTo(201));
        Assert.Throws<ArgumentException>(() => Emulator.AddDataset(Other, " ", schema));
    }

    [Test]
    public async Task Reset_forgets_flows_runs_mapping_sets_and_added_datasets_but_keeps_the_demo_dataset()
    {
        var (chain, flowId, _) = await CreateFlowAsync();
        var added = Emulator.AddDataset(Sandbox, "gone after reset", "https://ns.adobe.com/emulator/schemas/gone");

        Emulator.Reset();

        AssertFlowError(await GetAsync("/flows/" + flowId), 404, "1101");
        Assert.That((await GetAsync("/runs")).Json!["items"], Is.Empty);
        AssertFlowError(await GetAsync("/sourceConnections/" + chain.SourceId), 404, "1101");
        Assert.That((await SendAsync(RequestTo(HttpMethod.Get, Platform("/data/foundation/conversion/mappingSets/" + chain.MappingId)))).Status, Is.EqualTo(404));
        Assert.That((await GetDatasetAsync(added)).Status, Is.EqualTo(404));
        Assert.That((await GetDatasetAsync(FlowServiceEmulator.DemoDatasetId)).Status, Is.EqualTo(200));
    }
}
