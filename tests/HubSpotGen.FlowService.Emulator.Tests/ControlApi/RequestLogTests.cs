using HubSpotGen.FlowService.Emulator;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests.ControlApi;

/// <summary><c>GET /__emulator/requests</c> and <see cref="FlowServiceEmulator.Requests"/>: what was asked, oldest first, without bodies or headers.</summary>
public sealed class RequestLogTests : ControlApiFixture
{
    private const string Connections = "/data/foundation/flowservice/connections";

    [Test]
    public async Task Every_answered_request_is_logged_oldest_first_with_method_path_query_and_status()
    {
        var (id, _) = await CreateAsync("logged");
        await GetAsync("/connections?limit=1&property=" + Uri.EscapeDataString("name==logged"));
        await GetAsync("/connections/" + id, sandbox: null);
        await DeleteAsync(id);

        var log = await RequestLogAsync();

        var expected = new JArray(
            Logged("POST", Connections, "", 201),
            Logged("GET", Connections, "limit=1&property=name%3D%3Dlogged", 200),
            Logged("GET", Connections + "/" + id, "", 400),
            Logged("DELETE", Connections + "/" + id, "", 204));
        Assert.That(JToken.DeepEquals(log, expected), Is.True, log.ToString());
    }

    [Test]
    public async Task The_log_holds_no_body_and_no_header_value()
    {
        await CreateAsync("secretive", secretSuffix: "logcheck");

        var text = (await ControlAsync(HttpMethod.Get, "/requests")).Text;

        Assert.That(text, Does.Not.Contain("hubspot-secret-logcheck").And.Not.Contain("hubspot-access-logcheck"));
        Assert.That(text, Does.Not.Contain(Emulator.Options.AccessToken).And.Not.Contain(Emulator.Options.ImsOrgId).And.Not.Contain("secretive"));
    }

    [Test]
    public async Task A_client_secret_sent_in_the_query_string_is_masked()
    {
        var address = Emulator.ImsTokenAddress + "?grant_type=client_credentials&client_id=" + Emulator.Options.ClientId + "&client_secret=" + Emulator.Options.ClientSecret;
        using var response = await Http.PostAsync(address, content: null);
        Assert.That((int)response.StatusCode, Is.EqualTo(200));

        var entry = (JObject)(await RequestLogAsync()).Single();

        Assert.That(JToken.DeepEquals(entry, Logged("POST", "/ims/token/v3", "grant_type=client_credentials&client_id=" + Emulator.Options.ClientId + "&client_secret=********", 200)), Is.True, entry.ToString());
    }

    [Test]
    public async Task Control_requests_and_unknown_routes_are_told_apart_only_the_latter_is_logged()
    {
        await ControlAsync(HttpMethod.Get, "/state");
        await ControlAsync(HttpMethod.Get, "/requests");
        using var stray = await Http.GetAsync(Emulator.Url + "/nowhere?x=1");

        var log = await RequestLogAsync();

        Assert.That(JToken.DeepEquals(log, new JArray(Logged("GET", "/nowhere", "x=1", 404))), Is.True, log.ToString());
    }

    [Test]
    public async Task A_create_that_met_a_503_was_sent_exactly_once_by_the_library()
    {
        // The retry policy's central promise: a create is not repeated unless the service certainly did not act.
        await PostFaultAsync("""{"status": 503, "count": 2}""");
        using var http = PlatformHttpClient.Create(new PlatformOptions
        {
            BaseAddress = Emulator.BaseAddress,
            AccessToken = Emulator.Options.AccessToken,
            ApiKey = Emulator.Options.ApiKey,
            ImsOrgId = Emulator.Options.ImsOrgId,
            SandboxName = Sandbox,
            Resilience = new FlowServiceResilienceOptions { BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20) },
        });
        var connections = new HubSpotConnections(new FlowServiceClient(http));

        Assert.CatchAsync<ApiException>(() => connections.CreateAsync("once", new HubSpotCredentials("id", "secret", "access", "refresh")));

        var posts = (await RequestLogAsync()).Where(entry => (string?)entry["method"] == "POST" && (string?)entry["path"] == Connections).ToList();
        Assert.That(posts, Has.Count.EqualTo(1));
        Assert.That((int?)posts[0]["status"], Is.EqualTo(503));
    }

    [Test]
    public async Task The_in_process_log_is_the_same_list()
    {
        await CreateAsync("in process");
        await GetAsync("/connections");

        Assert.That(Emulator.Requests, Is.EqualTo(new[]
        {
            new RecordedRequest("POST", Connections, "", 201),
            new RecordedRequest("GET", Connections, "", 200),
        }));
    }
}
