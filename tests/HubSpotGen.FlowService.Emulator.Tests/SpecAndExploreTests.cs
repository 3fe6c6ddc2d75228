using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>The HubSpot connection spec and exploring a connection's tables.</summary>
public sealed class SpecAndExploreTests : EmulatorFixture
{
    [Test]
    public async Task The_HubSpot_spec_comes_in_an_items_envelope_with_its_auth_spec()
    {
        var answer = await GetAsync("/connectionSpecs/" + HubSpotSpecId);

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        var spec = (JObject)answer.Json!["items"]!.Single();
        Assert.That((string?)spec["id"], Is.EqualTo(HubSpotSpecId));
        Assert.That((string?)spec["name"], Is.EqualTo("hubspot"));
        Assert.That((string?)spec["providerId"], Is.EqualTo("0ed90a81-07f4-4586-8190-b40eccef1c5a"));
        Assert.That((string?)spec["version"], Is.EqualTo("1.0"));
        var authSpec = (JObject)spec["authSpec"]!.Single();
        Assert.That((string?)authSpec["name"], Is.EqualTo("Basic Authentication"));
        var schema = (JObject)authSpec["spec"]!;
        Assert.That((string?)schema["type"], Is.EqualTo("object"));
        Assert.That((string?)schema["$schema"], Does.StartWith("http://json-schema.org/"));
        Assert.That(schema["required"]!.Select(item => (string?)item), Is.EqualTo(new[] { "clientId", "clientSecret", "accessToken", "refreshToken" }));
        Assert.That(schema["properties"]!["clientId"]!["format"], Is.Null);
        foreach (var secret in new[] { "clientSecret", "accessToken", "refreshToken" })
        {
            Assert.That((string?)schema["properties"]![secret]!["type"], Is.EqualTo("string"));
            Assert.That((string?)schema["properties"]![secret]!["format"], Is.EqualTo("password"), secret);
        }
    }

    [Test]
    public async Task Another_spec_id_is_FLOW_1101_404()
    {
        var answer = await GetAsync("/connectionSpecs/c604ff05-7f1a-43c0-8e18-33bf874cb11c");

        AssertFlowError(answer, 404, "1101");
        Assert.That((string?)answer.Json!["report"]!["type"], Is.EqualTo("connectionSpecs"));
    }

    [Test]
    public async Task Explore_root_lists_HubSpot_tables()
    {
        var (id, _) = await CreateAsync("explored");

        var answer = await GetAsync("/connections/" + id + "/explore?objectType=root");

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        var tables = (JArray)answer.Json!;
        Assert.That(JToken.DeepEquals(tables[0], JObject.Parse("""
            {"type":"table","name":"Hubspot.Contacts","path":"Hubspot.Contacts","canPreview":true,"canFetchSchema":true}
            """)), Is.True, tables[0].ToString());
        // The tables Adobe's tutorials name, each named by its path as the HubSpot connector does.
        Assert.That(tables.Select(table => (string?)table["path"]), Is.EqualTo(new[] { "Hubspot.Contacts", "Hubspot.All_Deals", "Hubspot.Blog_Authors", "Hubspot.Blog_Comments" }));
        Assert.That(tables.Select(table => (string?)table["name"]), Is.EqualTo(tables.Select(table => (string?)table["path"])));
    }

    [Test]
    public async Task Explore_table_lists_columns_with_their_xdm_types()
    {
        var (id, _) = await CreateAsync("explored");

        var answer = await GetAsync("/connections/" + id + "/explore?objectType=table&object=Hubspot.Contacts");

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Assert.That((string?)answer.Json!["format"], Is.EqualTo("flat"));
        var columns = (JArray)answer.Json["schema"]!["columns"]!;
        Assert.That(columns, Is.Not.Empty);
        foreach (var column in columns)
        {
            Assert.That((string?)column["name"], Is.Not.Empty);
            Assert.That((string?)column["type"], Is.Not.Empty);
            Assert.That((string?)column["xdm"]!["type"], Is.Not.Empty);
        }

        Assert.That(columns.Select(column => (string?)column["name"]), Is.SupersetOf(new[] { "Vid", "Portal_Id", "Added_At", "Properties_Firstname_Value", "Properties_Lastname_Value" }));
        // The delta column a client picks by default is the table's only date-time column.
        var dateTimes = columns.Where(column => (string?)column["xdm"]!["format"] == "date-time").ToList();
        Assert.That(dateTimes.Select(column => (string?)column["name"]), Is.EqualTo(new[] { "Added_At" }));
        Assert.That((string?)dateTimes[0]["meta:xdmType"], Is.EqualTo("date-time"));
    }

    [Test]
    public async Task Every_root_table_can_be_described()
    {
        var (id, _) = await CreateAsync("explored");
        var tables = (JArray)(await GetAsync("/connections/" + id + "/explore?objectType=root")).Json!;

        foreach (var table in tables)
        {
            var answer = await GetAsync("/connections/" + id + "/explore?objectType=table&object=" + Uri.EscapeDataString((string)table["path"]!));
            Assert.That(answer.Status, Is.EqualTo(200), (string?)table["path"]);
        }
    }

    [Test]
    public async Task The_published_upper_case_object_types_are_accepted()
    {
        var (id, _) = await CreateAsync("explored");

        Assert.That((await GetAsync("/connections/" + id + "/explore?objectType=ROOT")).Status, Is.EqualTo(200));
        Assert.That((await GetAsync("/connections/" + id + "/explore?objectType=TABLE&object=Hubspot.All_Deals")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Explore_refusals()
    {
        var (id, _) = await CreateAsync("explored");

        AssertFlowError(await GetAsync("/connections/" + id + "/explore"), 400, "1400");
        AssertFlowError(await GetAsync("/connections/" + id + "/explore?objectType=folder"), 400, "1400");
        AssertFlowError(await GetAsync("/connections/" + id + "/explore?objectType=bogus"), 400, "1400");
        AssertFlowError(await GetAsync("/connections/" + id + "/explore?objectType=table"), 400, "1400");
        AssertFlowError(await GetAsync("/connections/" + id + "/explore?objectType=table&object=Hubspot.Nothing"), 404, "1101");
        AssertFlowError(await GetAsync("/connections/" + Guid.NewGuid() + "/explore?objectType=root"), 404, "1101");
    }
}
