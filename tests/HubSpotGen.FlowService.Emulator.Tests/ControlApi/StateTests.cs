using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests.ControlApi;

/// <summary><c>GET /__emulator/state</c>: per sandbox, the connections and flows, with every secret masked.</summary>
public sealed class StateTests : ControlApiFixture
{
    [Test]
    public async Task State_lists_each_sandbox_with_its_connections_and_masks_every_secret()
    {
        var (prodId, _) = await CreateAsync("prod connection", secretSuffix: "stateprod");
        var (devId, _) = await CreateAsync("dev connection", sandbox: "dev", secretSuffix: "statedev");

        var answer = await ControlAsync(HttpMethod.Get, "/state");

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Assert.That(answer.Text, Does.Not.Contain("hubspot-secret-state").And.Not.Contain("hubspot-access-state").And.Not.Contain("hubspot-refresh-state"));
        var sandboxes = (JArray)answer.Json!["sandboxes"]!;
        Assert.That(sandboxes.Select(sandbox => (string?)sandbox["name"]), Is.EqualTo(new[] { "prod", "dev" }));
        var prod = (JObject)sandboxes[0];
        Assert.That(prod.Properties().Select(property => property.Name), Is.EqualTo(new[] { "name", "sandboxId", "connections", "sourceConnections", "targetConnections", "mappingSets", "flows", "datasets" }));
        var connection = (JObject)prod["connections"]!.Single();
        Assert.That((string?)connection["id"], Is.EqualTo(prodId));
        Assert.That(JToken.DeepEquals(connection["auth"]!["params"], JObject.Parse("""
            {"clientId":"hubspot-client-stateprod","clientSecret":"********","accessToken":"********","refreshToken":"********"}
            """)), Is.True, connection.ToString());
        Assert.That((string?)sandboxes[1]["connections"]![0]!["id"], Is.EqualTo(devId));
        Assert.That(JToken.DeepEquals(connection, await ReadConnectionAsync(prodId)), Is.True, "the state shows a connection as a read does");
    }

    [Test]
    public async Task State_shows_flows_with_their_connections_and_mapping_set()
    {
        var (_, flow, _) = await CreateFlowAsync();

        var state = Emulator.State();

        var prod = (JObject)((JArray)state["sandboxes"]!).Single();
        Assert.That(prod["flows"]!.Select(entry => (string?)entry["id"]), Is.EqualTo(new[] { flow }));
        Assert.That(prod["sourceConnections"]!.Count(), Is.EqualTo(1));
        Assert.That(prod["targetConnections"]!.Count(), Is.EqualTo(1));
        Assert.That(prod["mappingSets"]!.Count(), Is.EqualTo(1));
        var overHttp = (await ControlAsync(HttpMethod.Get, "/state")).Json;
        Assert.That(JToken.DeepEquals(overHttp, state), Is.True, "in process and over HTTP read the same");
    }

    [Test]
    public async Task A_fresh_emulator_has_no_sandbox()
    {
        var answer = await ControlAsync(HttpMethod.Get, "/state");

        Assert.That(answer.Text, Is.EqualTo("""{"sandboxes":[]}"""));
    }
}
