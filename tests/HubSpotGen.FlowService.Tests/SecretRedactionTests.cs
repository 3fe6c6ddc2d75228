
namespace HubSpotGen.FlowService.Tests;

/// <summary>Objects that hold secrets print only what is safe to log.</summary>
public sealed class SecretRedactionTests
{
    [Test]
    public void Credentials_print_the_client_id_and_no_secret()
    {
        var text = FakePlatform.Credentials().ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(FakePlatform.HubSpotClientId));
            SecretAssert.ContainsNoSecret(text, "HubSpotCredentials.ToString()");
        });
    }

    [Test]
    public void Platform_options_print_where_and_as_whom_but_not_the_token()
    {
        var text = FakePlatform.Options(new Uri("https://platform.invalid/data/foundation/flowservice")).ToString();

        Assert.Multiple(() =>
        {
            // The API key is the Developer Console client id: an identifier, useful in logs.
            Assert.That(text, Does.Contain(FakePlatform.ApiKey));
            Assert.That(text, Does.Contain(FakePlatform.ImsOrgId));
            Assert.That(text, Does.Contain(FakePlatform.SandboxName));
            SecretAssert.ContainsNoSecret(text, "PlatformOptions.ToString()");
        });
    }

    [Test]
    public void Credentials_hand_every_value_to_the_request_under_its_spec_name()
    {
        // The counterpart of the redaction: hiding values from ToString must not hide them from the request.
        var parameters = FakePlatform.Credentials().ToAuthParams();

        Assert.That(
            parameters.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString()),
            Is.EqualTo(new Dictionary<string, string?>
            {
                ["clientId"] = FakePlatform.HubSpotClientId,
                ["clientSecret"] = FakePlatform.HubSpotClientSecret,
                ["accessToken"] = FakePlatform.HubSpotAccessToken,
                ["refreshToken"] = FakePlatform.HubSpotRefreshToken,
            }));
    }
}
