using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator.Tests;

/// <summary>The IMS OAuth server-to-server endpoint and the gateway's acceptance of the tokens it issues.</summary>
public sealed class ImsTokenTests : EmulatorFixture
{
    private async Task<Answer> RequestTokenAsync(string? clientId, string? clientSecret, string grantType = "client_credentials")
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", grantType) };
        if (clientId is not null)
        {
            form.Add(new("client_id", clientId));
        }

        if (clientSecret is not null)
        {
            form.Add(new("client_secret", clientSecret));
        }

        form.Add(new("scope", "openid,session,AdobeID,read_organizations,additional_info.projectedProductContext"));
        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync(Emulator.ImsTokenAddress, content);
        return await Answer.ReadAsync(response);
    }

    [Test]
    public async Task The_configured_client_gets_a_bearer_token_for_a_day()
    {
        var answer = await RequestTokenAsync(Emulator.Options.ClientId, Emulator.Options.ClientSecret);

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
        Assert.That(answer.Object.Properties().Select(property => property.Name), Is.EquivalentTo(new[] { "access_token", "token_type", "expires_in" }));
        Assert.That((string?)answer.Json!["access_token"], Is.Not.Empty);
        Assert.That((string?)answer.Json["token_type"], Is.EqualTo("bearer"));
        Assert.That((long)answer.Json["expires_in"]!, Is.EqualTo(86399));
        Assert.That(answer.RequestId, Is.Not.Empty);
    }

    [Test]
    public async Task An_issued_token_is_accepted_by_the_gateway_and_survives_reset()
    {
        var token = (string)(await RequestTokenAsync(Emulator.Options.ClientId, Emulator.Options.ClientSecret)).Json!["access_token"]!;
        Assert.That(token, Is.Not.EqualTo(Emulator.Options.AccessToken));

        var request = Request(HttpMethod.Get, "/connections");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.That((await SendAsync(request)).Status, Is.EqualTo(200));

        Emulator.Reset();
        var again = Request(HttpMethod.Get, "/connections");
        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.That((await SendAsync(again)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Each_request_gets_a_different_token()
    {
        var first = await RequestTokenAsync(Emulator.Options.ClientId, Emulator.Options.ClientSecret);
        var second = await RequestTokenAsync(Emulator.Options.ClientId, Emulator.Options.ClientSecret);

        Assert.That((string?)first.Json!["access_token"], Is.Not.EqualTo((string?)second.Json!["access_token"]));
    }

    [Test]
    public async Task An_unknown_client_id_is_400_invalid_client()
    {
        var answer = await RequestTokenAsync("someone-else", Emulator.Options.ClientSecret);

        Assert.That(answer.Status, Is.EqualTo(400));
        Assert.That((string?)answer.Json!["error"], Is.EqualTo("invalid_client"));
        Assert.That((string?)answer.Json["error_description"], Is.Not.Empty);
    }

    [Test]
    public async Task A_wrong_secret_is_401_invalid_client_and_is_not_echoed()
    {
        var answer = await RequestTokenAsync(Emulator.Options.ClientId, "wrong-secret-4e2b");

        Assert.That(answer.Status, Is.EqualTo(401));
        Assert.That((string?)answer.Json!["error"], Is.EqualTo("invalid_client"));
        Assert.That(answer.Text, Does.Not.Contain("wrong-secret-4e2b").And.Not.Contain(Emulator.Options.ClientSecret));
    }

    [Test]
    public async Task Missing_client_id_and_other_grant_types_are_400()
    {
        var missing = await RequestTokenAsync(null, Emulator.Options.ClientSecret);
        var grant = await RequestTokenAsync(Emulator.Options.ClientId, Emulator.Options.ClientSecret, "authorization_code");

        Assert.That(missing.Status, Is.EqualTo(400));
        Assert.That((string?)missing.Json!["error"], Is.EqualTo("invalid_request"));
        Assert.That(grant.Status, Is.EqualTo(400));
        Assert.That((string?)grant.Json!["error"], Is.EqualTo("unsupported_grant_type"));
    }

    [Test]
    public async Task Parameters_may_come_in_the_query_string()
    {
        var address = new Uri(Emulator.ImsTokenAddress + "?grant_type=client_credentials&client_id=" + Uri.EscapeDataString(Emulator.Options.ClientId) + "&client_secret=" + Uri.EscapeDataString(Emulator.Options.ClientSecret));
        using var response = await Http.PostAsync(address, null);
        var answer = await Answer.ReadAsync(response);

        Assert.That(answer.Status, Is.EqualTo(200), answer.Text);
    }

    [Test]
    public async Task Throttling_and_failures_do_not_touch_the_token_endpoint()
    {
        Emulator.FailNext(1);

        var answer = await RequestTokenAsync(Emulator.Options.ClientId, Emulator.Options.ClientSecret);

        Assert.That(answer.Status, Is.EqualTo(200));
        Assert.That((await GetAsync("/connections")).Status, Is.EqualTo(503), "the fault is still pending for the service");
    }

    [Test]
    public async Task Get_is_not_a_token_request()
    {
        using var response = await Http.GetAsync(Emulator.ImsTokenAddress);
        var answer = await Answer.ReadAsync(response);

        Assert.That(answer.Status, Is.EqualTo(405));
        Assert.That(answer.Object["error"], Is.Not.Null);
        Assert.That(JToken.DeepEquals(answer.Object["error"], "invalid_request"), Is.True);
    }
}
