using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>PATCH: JSON Patch add/replace/remove under If-Match, a new etag per change, and every refusal.</summary>
public sealed class PatchTests : EmulatorFixture
{
    [Test]
    public async Task Replace_name_answers_the_id_and_a_new_etag_that_the_connection_then_carries()
    {
        var (id, etag) = await CreateAsync("old name");
        var createdAt = (long)(await ReadConnectionAsync(id))["createdAt"]!;

        var answer = await PatchAsync(id, etag, """[{"op":"replace","path":"/name","value":"new name"}]""");

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Assert.That(answer.Object.Properties().Select(property => property.Name), Is.EqualTo(new[] { "id", "etag" }));
        Assert.That((string?)answer.Json!["id"], Is.EqualTo(id));
        var newEtag = (string)answer.Json["etag"]!;
        Assert.That(newEtag, Is.Not.EqualTo(etag));
        Assert.That(newEtag, Does.StartWith("\"").And.EndWith("\""));
        var connection = await ReadConnectionAsync(id);
        Assert.That((string?)connection["name"], Is.EqualTo("new name"));
        Assert.That((string?)connection["etag"], Is.EqualTo(newEtag));
        Assert.That((string?)connection["version"], Is.EqualTo(newEtag));
        Assert.That((long)connection["updatedAt"]!, Is.GreaterThan(createdAt));
        Assert.That((long)connection["createdAt"]!, Is.EqualTo(createdAt));
    }

    [Test]
    public async Task Add_and_remove_description_and_every_change_gets_a_fresh_etag()
    {
        var (id, etag0) = await CreateAsync("described");

        var added = await PatchAsync(id, etag0, """[{"op":"add","path":"/description","value":"first"}]""");
        var etag1 = (string)added.Json!["etag"]!;
        Assert.That((string?)(await ReadConnectionAsync(id))["description"], Is.EqualTo("first"));

        var replaced = await PatchAsync(id, etag1, """[{"op":"replace","path":"/description","value":"second"}]""");
        var etag2 = (string)replaced.Json!["etag"]!;
        Assert.That((string?)(await ReadConnectionAsync(id))["description"], Is.EqualTo("second"));

        var removed = await PatchAsync(id, etag2, """[{"op":"remove","path":"/description"}]""");
        var etag3 = (string)removed.Json!["etag"]!;

        Assert.That((await ReadConnectionAsync(id)).ContainsKey("description"), Is.False);
        Assert.That(new[] { etag0, etag1, etag2, etag3 }, Is.Unique);
    }

    [Test]
    public async Task Replace_of_a_description_that_was_never_set_sets_it()
    {
        var (id, etag) = await CreateAsync("no description yet");

        var answer = await PatchAsync(id, etag, """[{"op":"replace","path":"/description","value":"now set"}]""");

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Assert.That((string?)(await ReadConnectionAsync(id))["description"], Is.EqualTo("now set"));
    }

    [Test]
    public async Task Replace_of_all_auth_params_and_of_one_param_apply_in_order()
    {
        var (id, etag) = await CreateAsync("rotating", secretSuffix: "old");
        var operations = new JArray
        {
            new JObject { ["op"] = "replace", ["path"] = "/auth/params", ["value"] = AuthParams("new") },
            new JObject { ["op"] = "replace", ["path"] = "/auth/params/clientId", ["value"] = "client-newest" },
            new JObject { ["op"] = "replace", ["path"] = "/name", ["value"] = "rotated" },
        };

        var answer = await PatchAsync(id, etag, operations.ToString());

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        var connection = await ReadConnectionAsync(id);
        Assert.That((string?)connection["auth"]!["params"]!["clientId"], Is.EqualTo("client-newest"));
        Assert.That((string?)connection["name"], Is.EqualTo("rotated"));
    }

    [Test]
    public async Task Removing_a_required_param_is_refused_and_changes_nothing()
    {
        var (id, etag) = await CreateAsync("keep", secretSuffix: "kept");

        var answer = await PatchAsync(id, etag, """[{"op":"replace","path":"/name","value":"changed"},{"op":"remove","path":"/auth/params/refreshToken"}]""");

        AssertFlowError(answer, 400, "1400");
        Assert.That((string?)answer.Json!["errorMessage"], Does.Contain("refreshToken"));
        var connection = await ReadConnectionAsync(id);
        Assert.That((string?)connection["name"], Is.EqualTo("keep"), "a refused patch applies none of its operations");
        Assert.That((string?)connection["etag"], Is.EqualTo(etag));
    }

    [Test]
    public async Task A_missing_If_Match_is_FLOW_1403_400()
    {
        var (id, _) = await CreateAsync("guarded");

        AssertFlowError(await PatchAsync(id, null, """[{"op":"replace","path":"/name","value":"x"}]"""), 400, "1403");
    }

    [Test]
    public async Task A_stale_etag_is_FLOW_1404_412_naming_both_versions()
    {
        var (id, stale) = await CreateAsync("raced");
        var current = (string)(await PatchAsync(id, stale, """[{"op":"replace","path":"/name","value":"first writer"}]""")).Json!["etag"]!;

        var answer = await PatchAsync(id, stale, """[{"op":"replace","path":"/name","value":"second writer"}]""");

        AssertFlowError(answer, 412, "1404");
        Assert.That((string?)answer.Json!["errorMessage"], Is.EqualTo($"Supplied version=[{stale}] does not match the current version on entity=[{current}]"));
        Assert.That((string?)(await ReadConnectionAsync(id))["name"], Is.EqualTo("first writer"));
    }

    [Test]
    public async Task The_current_etag_is_accepted_bare_as_in_Adobe_connection_example_and_quoted()
    {
        var (id, etag) = await CreateAsync("quoted");
        Assert.That(etag, Does.StartWith("\"").And.EndWith("\""));

        var bare = await PatchAsync(id, etag.Trim('"'), """[{"op":"replace","path":"/name","value":"bare"}]""");
        Assert.That(bare.Status, Is.EqualTo(200), bare.Text);
        var quoted = await PatchAsync(id, (string)bare.Json!["etag"]!, """[{"op":"replace","path":"/name","value":"quoted"}]""");
        Assert.That(quoted.Status, Is.EqualTo(200), quoted.Text);

        Assert.That((string?)(await ReadConnectionAsync(id))["name"], Is.EqualTo("quoted"));
    }

    [Test]
    public async Task A_stale_etag_is_refused_bare_or_quoted_and_a_wildcard_is_not_honoured()
    {
        var (id, stale) = await CreateAsync("quoted");
        var current = (string)(await PatchAsync(id, stale, """[{"op":"replace","path":"/name","value":"moved on"}]""")).Json!["etag"]!;

        AssertFlowError(await PatchAsync(id, stale.Trim('"'), """[{"op":"replace","path":"/name","value":"x"}]"""), 412, "1404");
        AssertFlowError(await PatchAsync(id, stale, """[{"op":"replace","path":"/name","value":"x"}]"""), 412, "1404");
        AssertFlowError(await PatchAsync(id, "*", """[{"op":"replace","path":"/name","value":"x"}]"""), 412, "1404");
        Assert.That((string?)(await ReadConnectionAsync(id))["etag"], Is.EqualTo(current));
    }

    [Test]
    public async Task The_trailing_slash_path_and_the_json_patch_media_type_work()
    {
        var (id, etag) = await CreateAsync("slash");
        var request = WithJson(Request(HttpMethod.Patch, "/connections/" + id + "/"), """[{"op":"replace","path":"/name","value":"y"}]""", "application/json-patch+json");
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        Assert.That((await SendAsync(request)).Status, Is.EqualTo(200));
    }

    [TestCase("/connectionSpec", "1414")]
    [TestCase("/connectionSpec/id", "1414")]
    [TestCase("/state", "1455")]
    [TestCase("/id", "1455")]
    [TestCase("/auth/specName", "1455")]
    [TestCase("/auth", "1455")]
    [TestCase("name", "1455")]
    public async Task Paths_outside_the_patchable_fields_are_refused(string path, string code)
    {
        var (id, etag) = await CreateAsync("fixed");

        var answer = await PatchAsync(id, etag, new JArray(new JObject { ["op"] = "replace", ["path"] = path, ["value"] = "x" }).ToString());

        AssertFlowError(answer, 400, code);
    }

    [TestCase("""{"op":"replace","path":"/name","value":"x"}""")]
    [TestCase("[]")]
    [TestCase("""[{"op":"replace","path":"/name"}]""")]
    [TestCase("""[{"op":"replace","path":"/name","value":""}]""")]
    [TestCase("""[{"op":"remove","path":"/name"}]""")]
    [TestCase("""[{"op":"replace","path":"/auth/params","value":"not an object"}]""")]
    [TestCase("""[{"op":"add","path":"/auth/params/password","value":"x"}]""")]
    [TestCase("""[{"path":"/name","value":"x"}]""")]
    [TestCase("[1]")]
    [TestCase("[")]
    public async Task A_body_that_is_not_an_applicable_patch_is_FLOW_1400_400(string body)
    {
        var (id, etag) = await CreateAsync("patched");

        AssertFlowError(await PatchAsync(id, etag, body), 400, "1400");
        Assert.That((string?)(await ReadConnectionAsync(id))["etag"], Is.EqualTo(etag));
    }

    [TestCase("""[{"op":"move","from":"/name","path":"/description"}]""")]
    [TestCase("""[{"op":"copy","from":"/name","path":"/description"}]""")]
    [TestCase("""[{"op":"test","path":"/name","value":"patched"}]""")]
    [TestCase("""[{"op":"REPLACE","path":"/name","value":"x"}]""")]
    public async Task A_patch_op_other_than_lower_case_add_replace_remove_is_FLOW_1434_400(string body)
    {
        var (id, etag) = await CreateAsync("patched");

        AssertFlowError(await PatchAsync(id, etag, body), 400, "1434");
        Assert.That((string?)(await ReadConnectionAsync(id))["etag"], Is.EqualTo(etag));
    }

    [Test]
    public async Task An_empty_patch_body_is_FLOW_1405_400()
    {
        var (id, etag) = await CreateAsync("patched");

        AssertFlowError(await PatchAsync(id, etag, ""), 400, "1405");
    }

    [Test]
    public async Task A_patch_without_json_content_type_gets_the_content_type_error()
    {
        var (id, etag) = await CreateAsync("patched");
        var request = WithJson(Request(HttpMethod.Patch, "/connections/" + id), """[{"op":"replace","path":"/name","value":"x"}]""", "text/plain");
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        var answer = await SendAsync(request);

        Assert.That(answer.Status, Is.EqualTo(400));
        Assert.That((string?)answer.Json!["detail"], Is.EqualTo("A valid content-type must be specified"));
    }

    [Test]
    public async Task Concurrent_patches_with_the_same_etag_let_exactly_one_win()
    {
        var (id, etag) = await CreateAsync("contended");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(index =>
            PatchAsync(id, etag, new JArray(new JObject { ["op"] = "replace", ["path"] = "/name", ["value"] = "writer " + index }).ToString())));

        Assert.That(answers.Count(answer => answer.Status == 200), Is.EqualTo(1));
        Assert.That(answers.Count(answer => answer.Status == 412), Is.EqualTo(7));
    }
}
