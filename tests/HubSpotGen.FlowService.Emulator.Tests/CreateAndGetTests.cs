using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>Creating a connection, reading it back, and the refusals of a bad create.</summary>
public sealed class CreateAndGetTests : EmulatorFixture
{
    [Test]
    public async Task Create_answers_201_with_id_quoted_etag_and_location()
    {
        var answer = await PostConnectionAsync(CreateBody("HubSpot base connection", "optional text"));

        Assert.That(answer.Status, Is.EqualTo(201), answer.Text);
        Assert.That(answer.ContentType, Is.EqualTo("application/json"));
        Assert.That(answer.Object.Properties().Select(property => property.Name), Is.EqualTo(new[] { "id", "etag" }));
        var id = (string)answer.Json!["id"]!;
        var etag = (string)answer.Json["etag"]!;
        Assert.That(Guid.TryParse(id, out _), Is.True, id);
        Assert.That(etag, Does.Match("^\"[0-9a-f]{8}-0000-0200-0000-[0-9a-f]{12}\"$"), "the etag carries its own double quotes");
        Assert.That(answer.Headers["Location"], Is.EqualTo("/data/foundation/flowservice/connections/" + id));
        Assert.That(answer.RequestId, Is.Not.Empty);
        Assert.That(Emulator.ConnectionCount(Sandbox), Is.EqualTo(1));
    }

    [Test]
    public async Task Get_answers_the_stored_connection_in_an_items_envelope()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var (id, etag) = await CreateAsync("HubSpot base connection", "optional text");
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var answer = await GetAsync("/connections/" + id);

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        var items = (JArray)answer.Json!["items"]!;
        Assert.That(items, Has.Count.EqualTo(1));
        var connection = (JObject)items[0];
        Assert.That((string?)connection["id"], Is.EqualTo(id));
        Assert.That((long)connection["createdAt"]!, Is.InRange(before, after), "epoch milliseconds");
        Assert.That((long)connection["updatedAt"]!, Is.EqualTo((long)connection["createdAt"]!));
        Assert.That((string?)connection["createdBy"], Is.Not.Empty);
        Assert.That((string?)connection["updatedBy"], Is.Not.Empty);
        Assert.That((string?)connection["createdClient"], Is.EqualTo(Emulator.Options.ApiKey));
        Assert.That((string?)connection["updatedClient"], Is.EqualTo(Emulator.Options.ApiKey));
        Assert.That(Guid.TryParse((string?)connection["sandboxId"], out _), Is.True);
        Assert.That((string?)connection["sandboxName"], Is.EqualTo(Sandbox));
        Assert.That((string?)connection["imsOrgId"], Is.EqualTo(Emulator.Options.ImsOrgId));
        Assert.That((string?)connection["name"], Is.EqualTo("HubSpot base connection"));
        Assert.That((string?)connection["description"], Is.EqualTo("optional text"));
        Assert.That(JToken.DeepEquals(connection["connectionSpec"], new JObject { ["id"] = HubSpotSpecId, ["version"] = "1.0" }), Is.True);
        Assert.That((string?)connection["state"], Is.EqualTo("enabled"));
        Assert.That((string?)connection["auth"]?["specName"], Is.EqualTo("Basic Authentication"));
        Assert.That((string?)connection["etag"], Is.EqualTo(etag));
        Assert.That((string?)connection["version"], Is.EqualTo(etag), "version equals etag");
    }

    [Test]
    public async Task A_connection_without_description_has_none_and_the_version_defaults_to_1_0()
    {
        var body = JObject.Parse(CreateBody("no description"));
        body.Remove("description");
        ((JObject)body["connectionSpec"]!).Remove("version");

        var answer = await PostConnectionAsync(body.ToString());
        var connection = await ReadConnectionAsync((string)answer.Json!["id"]!);

        Assert.That(connection.ContainsKey("description"), Is.False);
        Assert.That((string?)connection["connectionSpec"]?["version"], Is.EqualTo("1.0"));
    }

    [Test]
    public async Task Get_accepts_a_trailing_slash_and_any_case_of_the_id()
    {
        var (id, _) = await CreateAsync("slash");

        Assert.That((await GetAsync("/connections/" + id + "/")).Status, Is.EqualTo(200));
        Assert.That((await GetAsync("/connections/" + id.ToUpperInvariant())).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task An_unknown_id_is_FLOW_1101_404_naming_the_id()
    {
        const string id = "69f188b6-af07-4587-8061-e94d34637b41";

        var answer = await GetAsync("/connections/" + id);

        AssertFlowError(answer, 404, "1101");
        Assert.That((string?)answer.Json!["errorMessage"], Is.EqualTo($"connections not found with id = [{id}]"));
        Assert.That((string?)answer.Json["report"]?["id"], Is.EqualTo(id));
        Assert.That((string?)answer.Json["report"]?["type"], Is.EqualTo("connections"));
        Assert.That((string?)answer.Json["title"], Is.EqualTo("Resource not found"));
    }

    [Test]
    public async Task Sandboxes_are_isolated()
    {
        var (id, etag) = await CreateAsync("in prod", sandbox: "prod");
        await CreateAsync("in dev 1", sandbox: "dev");
        await CreateAsync("in dev 2", sandbox: "dev");

        Assert.That(Emulator.ConnectionCount("prod"), Is.EqualTo(1));
        Assert.That(Emulator.ConnectionCount("dev"), Is.EqualTo(2));
        Assert.That(Emulator.ConnectionCount("stage"), Is.Zero);
        AssertFlowError(await GetAsync("/connections/" + id, sandbox: "dev"), 404, "1101");
        AssertFlowError(await PatchAsync(id, etag, """[{"op":"replace","path":"/name","value":"x"}]""", sandbox: "dev"), 404, "1101");
        AssertFlowError(await DeleteAsync(id, sandbox: "dev"), 404, "1101");
        var devList = await GetAsync("/connections", sandbox: "dev");
        Assert.That(devList.Json!["items"]!.Select(item => (string?)item["name"]), Is.EqualTo(new[] { "in dev 1", "in dev 2" }));
        Assert.That((string?)(await ReadConnectionAsync(id, "prod"))["name"], Is.EqualTo("in prod"), "untouched by the other sandbox's requests");
        Assert.That((string?)devList.Json["items"]![0]!["sandboxName"], Is.EqualTo("dev"));
    }

    [Test]
    public async Task An_empty_body_is_FLOW_1405_400()
    {
        AssertFlowError(await PostConnectionAsync(""), 400, "1405");
        AssertFlowError(await PostConnectionAsync("  \n"), 400, "1405");
        Assert.That(Emulator.ConnectionCount(Sandbox), Is.Zero);
    }

    [TestCase("{")]
    [TestCase("[]")]
    [TestCase("\"text\"")]
    [TestCase("{\"name\":\"a\",\"name\":\"b\"}")]
    public async Task A_body_that_is_not_one_JSON_object_is_FLOW_1400_400(string body)
    {
        AssertFlowError(await PostConnectionAsync(body), 400, "1400");
    }

    [Test]
    public async Task A_missing_content_type_gets_the_platform_content_type_error()
    {
        var request = Request(HttpMethod.Post, "/connections");
        request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(CreateBody("no type")));

        var answer = await SendAsync(request);

        Assert.That(answer.Status, Is.EqualTo(400));
        Assert.That(JToken.DeepEquals(answer.Json, JObject.Parse("""
            {"type":"/placeholder/type/uri","status":400,"title":"BadRequestError","detail":"A valid content-type must be specified"}
            """)), Is.True, answer.Text);
        Assert.That(Emulator.ConnectionCount(Sandbox), Is.Zero);
    }

    [Test]
    public async Task Another_content_type_gets_the_content_type_error_and_json_with_a_charset_is_fine()
    {
        var plain = await SendAsync(WithJson(Request(HttpMethod.Post, "/connections"), CreateBody("text"), "text/plain"));
        var charset = await SendAsync(WithJson(Request(HttpMethod.Post, "/connections"), CreateBody("charset"), "application/json; charset=utf-8"));

        Assert.That((string?)plain.Json!["detail"], Is.EqualTo("A valid content-type must be specified"));
        Assert.That(charset.Status, Is.EqualTo(201), charset.Text);
    }

    [Test]
    public async Task An_unknown_spec_id_is_FLOW_1413_400()
    {
        var body = JObject.Parse(CreateBody("x"));
        body["connectionSpec"]!["id"] = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";

        AssertFlowError(await PostConnectionAsync(body.ToString()), 400, "1413");
    }

    [Test]
    public async Task A_missing_spec_or_an_unknown_version_is_FLOW_1413_400()
    {
        var noSpec = JObject.Parse(CreateBody("x"));
        noSpec.Remove("connectionSpec");
        var badVersion = JObject.Parse(CreateBody("x"));
        badVersion["connectionSpec"]!["version"] = "2.0";

        AssertFlowError(await PostConnectionAsync(noSpec.ToString()), 400, "1413");
        AssertFlowError(await PostConnectionAsync(badVersion.ToString()), 400, "1413");
    }

    [Test]
    public async Task An_auth_spec_name_the_HubSpot_spec_lacks_is_FLOW_1415_400()
    {
        var body = JObject.Parse(CreateBody("x"));
        body["auth"]!["specName"] = "OAuth 2 Refresh Code";

        AssertFlowError(await PostConnectionAsync(body.ToString()), 400, "1415");
    }

    [TestCase("name")]
    [TestCase("auth")]
    public async Task A_missing_required_field_is_FLOW_1400_400(string field)
    {
        var body = JObject.Parse(CreateBody("x"));
        body.Remove(field);

        AssertFlowError(await PostConnectionAsync(body.ToString()), 400, "1400");
    }

    [Test]
    public async Task Auth_params_must_satisfy_the_auth_spec_and_the_refusal_quotes_no_value()
    {
        var missing = JObject.Parse(CreateBody("x", secretSuffix: "s3cr3t"));
        ((JObject)missing["auth"]!["params"]!).Remove("refreshToken");
        var extra = JObject.Parse(CreateBody("x", secretSuffix: "s3cr3t"));
        extra["auth"]!["params"]!["password"] = "hunter2";
        var empty = JObject.Parse(CreateBody("x", secretSuffix: "s3cr3t"));
        empty["auth"]!["params"]!["accessToken"] = "";

        var answers = new[] { await PostConnectionAsync(missing.ToString()), await PostConnectionAsync(extra.ToString()), await PostConnectionAsync(empty.ToString()) };

        foreach (var answer in answers)
        {
            AssertFlowError(answer, 400, "1400");
            Assert.That(answer.Text, Does.Not.Contain("s3cr3t").And.Not.Contain("hunter2"));
        }

        Assert.That((string?)answers[0].Json!["errorMessage"], Does.Contain("refreshToken"));
        Assert.That((string?)answers[1].Json!["errorMessage"], Does.Contain("password"));
        Assert.That(Emulator.ConnectionCount(Sandbox), Is.Zero);
    }

    [Test]
    public async Task Date_like_names_are_kept_as_sent()
    {
        var (id, _) = await CreateAsync("2024-01-02T03:04:05Z");

        Assert.That((await GetAsync("/connections/" + id)).Text, Does.Contain("\"name\":\"2024-01-02T03:04:05Z\""));
    }
}
