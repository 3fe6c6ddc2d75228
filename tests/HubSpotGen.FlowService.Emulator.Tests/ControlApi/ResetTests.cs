using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests.ControlApi;

/// <summary><c>POST /__emulator/reset</c>: 204, and the emulator is as it started.</summary>
public sealed class ResetTests : ControlApiFixture
{
    [Test]
    public async Task Reset_answers_204_and_clears_connections_flows_faults_and_the_log()
    {
        await CreateAsync("before reset");
        await PostFaultAsync("""{"status": 500, "count": 3}""");

        var reset = await ControlAsync(HttpMethod.Post, "/reset");

        Assert.That(reset.Status, Is.EqualTo(204));
        Assert.That(reset.Text, Is.Empty);
        Assert.That(await RequestLogAsync(), Is.Empty);
        Assert.That(Emulator.ConnectionCount(Sandbox), Is.Zero);
        var listed = await GetAsync("/connections");
        Assert.That(listed.Status, Is.EqualTo(200), "no fault is left over");
        Assert.That(JToken.DeepEquals(listed.Json, JObject.Parse("""{"items":[]}""")), Is.True, listed.Text);
    }

    [Test]
    public async Task The_in_process_reset_clears_the_log_too()
    {
        await GetAsync("/connections");

        Emulator.Reset();

        Assert.That(Emulator.Requests, Is.Empty);
    }

    [Test]
    public async Task An_unknown_control_route_is_404_naming_the_routes_there_are()
    {
        var answer = await ControlAsync(HttpMethod.Delete, "/reset");

        Assert.That(answer.Status, Is.EqualTo(404));
        Assert.That((string?)answer.Json!["detail"], Does.Contain("POST /__emulator/reset").And.Contain("GET /__emulator/requests"));
    }
}
