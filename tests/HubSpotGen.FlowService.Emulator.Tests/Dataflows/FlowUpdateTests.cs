using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary>PATCH of a flow under If-Match, with or without the etag's quotes, and the enable/disable action.</summary>
public sealed class FlowUpdateTests : DataflowFixture
{
    [Test]
    public async Task The_current_etag_is_accepted_quoted_as_in_Adobe_dataflow_examples_and_bare()
    {
        var (_, flowId, etag) = await CreateFlowAsync();

        var quoted = await PatchFlowAsync(flowId, etag, """[{ "op": "replace", "path": "/name", "value": "quoted" }]""");
        Assert.That(quoted.Status, Is.EqualTo(200), quoted.Text);
        var bare = await PatchFlowAsync(flowId, ((string)quoted.Json!["etag"]!).Trim('"'), """[{ "op": "replace", "path": "/description", "value": "bare" }]""");
        Assert.That(bare.Status, Is.EqualTo(200), bare.Text);

        var flow = await ReadFlowAsync(flowId);
        Assert.That((string?)flow["name"], Is.EqualTo("quoted"));
        Assert.That((string?)flow["description"], Is.EqualTo("bare"));
        Assert.That(new[] { etag, (string)quoted.Json["etag"]!, (string)bare.Json!["etag"]! }, Is.Unique);
    }

    [Test]
    public async Task A_missing_or_stale_If_Match_is_refused_and_changes_nothing()
    {
        var (_, flowId, stale) = await CreateFlowAsync();
        var current = (string)(await PatchFlowAsync(flowId, stale, """[{ "op": "replace", "path": "/name", "value": "first" }]""")).Json!["etag"]!;

        AssertFlowError(await PatchFlowAsync(flowId, null, """[{ "op": "replace", "path": "/name", "value": "x" }]"""), 400, "1403");
        var staleAnswer = await PatchFlowAsync(flowId, stale, """[{ "op": "replace", "path": "/name", "value": "x" }]""");
        AssertFlowError(staleAnswer, 412, "1404");
        Assert.That((string?)staleAnswer.Json!["errorMessage"], Is.EqualTo($"Supplied version=[{stale}] does not match the current version on entity=[{current}]"));
        AssertFlowError(await PatchFlowAsync(flowId, stale.Trim('"'), """[{ "op": "replace", "path": "/name", "value": "x" }]"""), 412, "1404");

        var flow = await ReadFlowAsync(flowId);
        Assert.That((string?)flow["name"], Is.EqualTo("first"));
        Assert.That((string?)flow["etag"], Is.EqualTo(current));
    }

    [Test]
    public async Task A_new_mapping_replaces_transformation_0_and_must_exist()
    {
        var chain = await CreateConnectionsAsync();
        // Mapping first, so that replacing /transformations/0 is the mapping change Adobe's update tutorial shows.
        var created = await PostAsync("/flows", $$"""
            {
              "name": "mapping first",
              "flowSpec": { "id": "{{FlowSpecId}}", "version": "1.0" },
              "sourceConnectionIds": [ "{{chain.SourceId}}" ],
              "targetConnectionIds": [ "{{chain.TargetId}}" ],
              "transformations": [
                { "name": "Mapping", "params": { "mappingId": "{{chain.MappingId}}", "mappingVersion": 0 } },
                { "name": "Copy", "params": { "deltaColumn": { "name": "Added_At" } } }
              ],
              "scheduleParams": {{Once()}}
            }
            """);
        Assert.That(created.Status, Is.EqualTo(201), created.Text);
        var flowId = (string)created.Json!["id"]!;
        var newMapping = (string)(await PostMappingSetAsync(MappingBody())).Json!["id"]!;

        var unknown = await PatchFlowAsync(flowId, (string)created.Json["etag"]!, $$"""
            [{ "op": "replace", "path": "/transformations/0", "value": { "name": "Mapping", "params": { "mappingId": "{{Guid.NewGuid()}}", "mappingVersion": 0 } } }]
            """);
        AssertFlowError(unknown, 400, "1400");
        var replaced = await PatchFlowAsync(flowId, (string)created.Json["etag"]!, $$"""
            [{ "op": "replace", "path": "/transformations/0", "value": { "name": "Mapping", "params": { "mappingId": "{{newMapping}}", "mappingVersion": 0 } } }]
            """);

        Assert.That(replaced.Status, Is.EqualTo(200), replaced.Text);
        var transformations = (JArray)(await ReadFlowAsync(flowId))["transformations"]!;
        Assert.That((string?)transformations[0]["params"]!["mappingId"], Is.EqualTo(newMapping));
        AssertFlowError(await PatchFlowAsync(flowId, (string)replaced.Json!["etag"]!, """[{ "op": "replace", "path": "/transformations/7", "value": { "name": "Copy" } }]"""), 400, "1400");
    }

    [Test]
    public async Task Enable_and_disable_answer_a_new_etag_a_repeat_changes_nothing_and_other_ops_are_refused()
    {
        var (_, flowId, etag) = await CreateFlowAsync();

        var disabled = await FlowActionAsync(flowId, "disable");
        Assert.That(disabled.Status, Is.EqualTo(200), disabled.Text);
        Assert.That((string?)disabled.Json!["id"], Is.EqualTo(flowId));
        Assert.That((string?)disabled.Json["etag"], Is.Not.EqualTo(etag));
        var again = await FlowActionAsync(flowId, "disable");
        Assert.That((string?)again.Json!["etag"], Is.EqualTo((string?)disabled.Json["etag"]));
        Assert.That((await GetAsync("/flows?property=state==disabled")).Json!["items"]!.Select(flow => (string?)flow["id"]), Is.EqualTo(new[] { flowId }));

        AssertFlowError(await FlowActionAsync(flowId, "pause"), 400, "1400");
        var staleIfMatch = Request(HttpMethod.Post, "/flows/" + flowId + "/action?op=enable");
        staleIfMatch.Headers.TryAddWithoutValidation("If-Match", etag);
        AssertFlowError(await SendAsync(staleIfMatch), 412, "1404");
        Assert.That((string?)(await ReadFlowAsync(flowId))["state"], Is.EqualTo("disabled"));
    }

    [Test]
    public async Task Of_concurrent_patches_with_the_same_etag_exactly_one_succeeds()
    {
        var (_, flowId, etag) = await CreateFlowAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(index =>
            PatchFlowAsync(flowId, etag, $$"""[{ "op": "replace", "path": "/name", "value": "writer {{index}}" }]""")));

        Assert.That(answers.Count(answer => answer.Status == 200), Is.EqualTo(1));
        Assert.That(answers.Count(answer => answer.Status == 412), Is.EqualTo(7));
        var winner = answers.Single(answer => answer.Status == 200);
        Assert.That((string?)(await ReadFlowAsync(flowId))["etag"], Is.EqualTo((string?)winner.Json!["etag"]));
    }

    [Test]
    public async Task A_replaced_transformation_takes_the_place_of_the_one_of_its_name_and_the_index_counts_otherwise()
    {
        var (chain, flowId, etag) = await CreateFlowAsync();
        var newMapping = (string)(await PostMappingSetAsync(MappingBody())).Json!["id"]!;

        var mapping = await PatchFlowAsync(flowId, etag, $$"""
            [{ "op": "replace", "path": "/transformations/0", "value": { "name": "Mapping", "params": { "mappingId": "{{newMapping}}", "mappingVersion": 0 } } }]
            """);
        Assert.That(mapping.Status, Is.EqualTo(200), mapping.Text);
        var copy = await PatchFlowAsync(flowId, (string)mapping.Json!["etag"]!, """
            [{ "op": "replace", "path": "/transformations/1", "value": { "name": "Copy", "params": { "deltaColumn": { "name": "Vid" } } } }]
            """);
        Assert.That(copy.Status, Is.EqualTo(200), copy.Text);

        var transformations = (JArray)(await ReadFlowAsync(flowId))["transformations"]!;
        Assert.That(transformations.Select(item => (string?)item["name"]), Is.EqualTo(new[] { "Copy", "Mapping" }));
        Assert.That((string?)transformations[0]["params"]!["deltaColumn"]!["name"], Is.EqualTo("Vid"));
        Assert.That((string?)transformations[1]["params"]!["mappingId"], Is.EqualTo(newMapping).And.Not.EqualTo(chain.MappingId));

        var unnamed = await PatchFlowAsync(flowId, (string)copy.Json!["etag"]!, """[{ "op": "replace", "path": "/transformations/0", "value": { "name": "Filter", "params": {} } }]""");
        AssertFlowError(unnamed, 400, "1400");
    }
}
