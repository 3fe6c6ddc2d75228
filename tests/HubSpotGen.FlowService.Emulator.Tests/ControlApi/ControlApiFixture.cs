using System.Text;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests.ControlApi;

/// <summary>
/// The control API driven over plain HTTP, as a test in another language would: no gateway headers, no client
/// library, only the address of the emulator.
/// </summary>
public abstract class ControlApiFixture : DataflowFixture
{
    protected Uri Control(string route) => new(Emulator.Url + "/__emulator" + route);

    protected async Task<Answer> ControlAsync(HttpMethod method, string route, string? json = null)
    {
        using var request = new HttpRequestMessage(method, Control(route));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        return await Answer.ReadAsync(response);
    }

    protected async Task PostFaultAsync(string json)
    {
        var answer = await ControlAsync(HttpMethod.Post, "/faults", json);
        Assert.That(answer.Status, Is.EqualTo(204), answer.Text);
        Assert.That(answer.Text, Is.Empty);
    }

    /// <summary>The request log as <c>GET /__emulator/requests</c> answers it.</summary>
    protected async Task<JArray> RequestLogAsync()
    {
        var answer = await ControlAsync(HttpMethod.Get, "/requests");
        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Assert.That(answer.ContentType, Is.EqualTo("application/json"));
        return answer.Json as JArray ?? throw new AssertionException("expected a JSON array, got: " + answer.Text);
    }

    protected static JObject Logged(string method, string path, string query, int? status) => new()
    {
        ["method"] = method,
        ["path"] = path,
        ["query"] = query,
        ["status"] = status,
    };
}
