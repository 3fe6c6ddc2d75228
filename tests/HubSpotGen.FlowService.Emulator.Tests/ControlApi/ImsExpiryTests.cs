using System.Net.Http.Headers;
using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService.Emulator.Tests.ControlApi;

/// <summary><c>POST /__emulator/ims/expire</c>: the tokens issued so far lapse, so a client's 401 refresh can be tested.</summary>
public sealed class ImsExpiryTests : ControlApiFixture
{
    [Test]
    public async Task Expired_tokens_get_401013_and_a_new_token_works()
    {
        var token = await FetchTokenAsync();
        Assert.That((await SendAsync(WithToken(token))).Status, Is.EqualTo(200));

        var expire = await ControlAsync(HttpMethod.Post, "/ims/expire");

        Assert.That(expire.Status, Is.EqualTo(204));
        AssertGatewayError(await SendAsync(WithToken(token)), 401, "401013", "Oauth token is not valid");
        var fresh = await FetchTokenAsync();
        Assert.That(fresh, Is.Not.EqualTo(token));
        Assert.That((await SendAsync(WithToken(fresh))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task The_fixed_access_token_is_not_an_ims_token_and_stays_valid()
    {
        Emulator.ExpireImsTokens();

        Assert.That((await GetAsync("/connections")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task The_library_fetches_a_new_token_after_the_401_and_the_call_succeeds()
    {
        using var http = PlatformHttpClient.Create(new PlatformOptions
        {
            BaseAddress = Emulator.BaseAddress,
            Ims = new ImsCredentials { ClientId = Emulator.Options.ClientId, ClientSecret = Emulator.Options.ClientSecret, TokenAddress = Emulator.ImsTokenAddress },
            // The emulator's API key is its client id, as the Developer Console's is.
            ApiKey = Emulator.Options.ClientId,
            ImsOrgId = Emulator.Options.ImsOrgId,
            SandboxName = Sandbox,
        });
        var connections = new HubSpotConnections(new FlowServiceClient(http));
        await connections.CreateAsync("before expiry", new HubSpotCredentials("id", "secret", "access", "refresh"));

        await ControlAsync(HttpMethod.Post, "/ims/expire");
        var listed = new List<Connection>();
        await foreach (var connection in connections.ListAsync())
        {
            listed.Add(connection);
        }

        Assert.That(listed.Select(connection => connection.Name), Is.EqualTo(new[] { "before expiry" }));
        var calls = (await RequestLogAsync()).Select(entry => $"{entry["method"]} {entry["path"]} {entry["status"]}").ToList();
        Assert.That(calls, Is.EqualTo(new[]
        {
            "POST /ims/token/v3 200",
            "POST /data/foundation/flowservice/connections 201",
            "GET /data/foundation/flowservice/connections 401",
            "POST /ims/token/v3 200",
            "GET /data/foundation/flowservice/connections 200",
        }));
    }

    private async Task<string> FetchTokenAsync()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Emulator.Options.ClientId,
            ["client_secret"] = Emulator.Options.ClientSecret,
        });
        using var response = await Http.PostAsync(Emulator.ImsTokenAddress, form);
        return (string)(await Answer.ReadAsync(response)).Json!["access_token"]!;
    }

    private HttpRequestMessage WithToken(string token)
    {
        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
