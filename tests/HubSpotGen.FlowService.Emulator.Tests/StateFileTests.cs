using HubSpotGen.FlowService.Emulator;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary><see cref="FlowServiceEmulatorOptions.StateFile"/>: what the emulator holds survives a restart, with no secret in clear.</summary>
public sealed class StateFileTests : DataflowFixture
{
    private string _folder = null!;

    private string StatePath => Path.Combine(_folder, "state.json");

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("hubspotgen-emulator-state-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task A_restarted_emulator_has_the_connections_and_flows_of_the_last_one()
    {
        string connectionId;
        string flowId;
        JObject before;
        using (var first = StartWithState())
        {
            connectionId = await CreateOnAsync(first, "kept", "filekept");
            (flowId, _) = await CreateFlowOnAsync(first, connectionId);
            before = first.State();
        }

        using var second = StartWithState();

        var after = second.State();
        Assert.That(JToken.DeepEquals(after, before), Is.True, after.ToString());
        Assert.That(second.ConnectionCount(Sandbox), Is.EqualTo(1));
        var flows = (JArray)after["sandboxes"]![0]!["flows"]!;
        Assert.That(flows.Select(flow => (string?)flow["id"]), Is.EqualTo(new[] { flowId }));
    }

    [Test]
    public async Task The_file_holds_no_secret_in_clear_and_a_restored_connection_holds_the_mask()
    {
        using (var emulator = StartWithState())
        {
            await CreateOnAsync(emulator, "masked", "filemask");
        }

        var text = await File.ReadAllTextAsync(StatePath);
        Assert.That(text, Does.Not.Contain("hubspot-secret-filemask").And.Not.Contain("hubspot-access-filemask").And.Not.Contain("hubspot-refresh-filemask"));
        Assert.That(text, Does.Contain("hubspot-client-filemask"), "the client id is not a secret and stays readable");

        using var restored = StartWithState();
        var connection = (JObject)restored.State()["sandboxes"]![0]!["connections"]![0]!;
        Assert.That((string?)connection["auth"]!["params"]!["clientSecret"], Is.EqualTo("********"));
    }

    [Test]
    public async Task Every_change_is_saved_at_once_without_waiting_for_the_stop()
    {
        using var emulator = StartWithState();

        await CreateOnAsync(emulator, "saved now", "filenow");

        var saved = JObject.Parse(await File.ReadAllTextAsync(StatePath));
        Assert.That((string?)saved["sandboxes"]![0]!["connections"]![0]!["name"], Is.EqualTo("saved now"));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { StatePath }), "no temporary file is left beside it");
    }

    [Test]
    public async Task A_reset_saves_the_emptied_state()
    {
        using var emulator = StartWithState();
        await CreateOnAsync(emulator, "gone", "filereset");

        emulator.Reset();

        Assert.That((JArray)JObject.Parse(await File.ReadAllTextAsync(StatePath))["sandboxes"]!, Is.Empty);
    }

    [TestCase("{not json", "it is not valid JSON")]
    [TestCase("[]", "it is not an emulator state")]
    [TestCase("""{"format":"hubspotgen-emulator-state/1","sandboxes":{}}""", "\"sandboxes\" must be an array")]
    [TestCase("""{"format":"hubspotgen-emulator-state/1","sandboxes":[{"name":"prod","sandboxId":"x","connections":[{"name":"no id"}]}]}""", "sandboxes[0].connections[0] must be an object with a string \"id\"")]
    [TestCase("""{"format":"hubspotgen-emulator-state/1","sandboxes":[]} []""", "it is not valid JSON: Additional text")]
    public async Task A_file_that_is_not_a_state_is_refused_with_one_line_naming_the_file(string content, string problem)
    {
        await File.WriteAllTextAsync(StatePath, content);

        var refused = Assert.Throws<EmulatorStateException>(() => StartWithState().Dispose());

        Assert.That(refused!.Message, Does.StartWith("The emulator state file " + StatePath + " cannot be used: ").And.Contain(problem));
        Assert.That(refused.Message, Does.Not.Contain("\n"));
        Assert.That(await File.ReadAllTextAsync(StatePath), Is.EqualTo(content), "a refused file is left as it was");
    }

    private FlowServiceEmulator StartWithState() =>
        FlowServiceEmulator.Start(new FlowServiceEmulatorOptions { StateFile = StatePath, Clock = Clock, RunDuration = RunDuration });

    private async Task<string> CreateOnAsync(FlowServiceEmulator emulator, string name, string secretSuffix)
    {
        using var request = RequestOn(emulator, HttpMethod.Post, "/connections");
        var answer = await SendAsync(WithJson(request, CreateBody(name, secretSuffix: secretSuffix)));
        Assert.That(answer.Status, Is.EqualTo(201), answer.Text);
        return (string)answer.Json!["id"]!;
    }

    /// <summary>The fixture's chain bodies, sent to <paramref name="emulator"/>; returns the flow's id and etag.</summary>
    private async Task<(string Id, string Etag)> CreateFlowOnAsync(FlowServiceEmulator emulator, string connectionId)
    {
        var source = await SendAsync(WithJson(RequestOn(emulator, HttpMethod.Post, "/sourceConnections"), SourceBody(connectionId)));
        var target = await SendAsync(WithJson(RequestOn(emulator, HttpMethod.Post, "/targetConnections"), TargetBody()));
        var mapping = await SendAsync(WithJson(RequestOn(emulator, HttpMethod.Post, "/data/foundation/conversion/mappingSets", platform: true), MappingBody()));
        var chain = new Chain(connectionId, (string)source.Json!["id"]!, (string)target.Json!["id"]!, (string)mapping.Json!["id"]!);
        var flow = await SendAsync(WithJson(RequestOn(emulator, HttpMethod.Post, "/flows"), FlowBody(chain)));
        Assert.That(flow.Status, Is.EqualTo(201), flow.Text);
        return ((string)flow.Json!["id"]!, (string)flow.Json["etag"]!);
    }

    private static HttpRequestMessage RequestOn(FlowServiceEmulator emulator, HttpMethod method, string route, bool platform = false)
    {
        var request = new HttpRequestMessage(method, new Uri((platform ? emulator.Url : emulator.BaseAddress.ToString()) + route));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", emulator.Options.AccessToken);
        request.Headers.TryAddWithoutValidation("x-api-key", emulator.Options.ApiKey);
        request.Headers.TryAddWithoutValidation("x-gw-ims-org-id", emulator.Options.ImsOrgId);
        request.Headers.TryAddWithoutValidation("x-sandbox-name", Sandbox);
        return request;
    }
}
