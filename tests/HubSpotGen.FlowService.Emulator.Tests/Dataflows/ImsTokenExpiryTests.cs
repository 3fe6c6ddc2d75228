using System.Net.Http.Headers;

namespace HubSpotGen.FlowService.Emulator.Tests.Dataflows;

/// <summary>IMS tokens expire on the emulator's clock, so a test can see a token lapse without waiting a day.</summary>
public sealed class ImsTokenExpiryTests : DataflowFixture
{
    [Test]
    public async Task An_issued_token_is_accepted_for_86399_seconds_of_the_emulator_clock_and_refused_after()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Emulator.Options.ClientId,
            ["client_secret"] = Emulator.Options.ClientSecret,
        });
        using var response = await Http.PostAsync(Emulator.ImsTokenAddress, form);
        var token = (string)(await Answer.ReadAsync(response)).Json!["access_token"]!;

        Clock.Advance(TimeSpan.FromSeconds(86398));
        Assert.That((await SendAsync(WithToken(token))).Status, Is.EqualTo(200));
        Clock.Advance(TimeSpan.FromSeconds(1));
        AssertGatewayError(await SendAsync(WithToken(token)), 401, "401013", "Oauth token is not valid");
    }

    private HttpRequestMessage WithToken(string token)
    {
        var request = Request(HttpMethod.Get, "/flows");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
