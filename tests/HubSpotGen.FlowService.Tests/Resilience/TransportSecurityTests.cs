
namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>Credentials go over https, or over http only to this machine; anything else fails at start-up.</summary>
public sealed class TransportSecurityTests : ResilienceFixture
{
    [TestCase("http://platform.adobe.io/data/foundation/flowservice")]
    [TestCase("http://10.0.0.5:8080/data/foundation/flowservice")]
    [TestCase("http://localhost.example.com/data/foundation/flowservice")]
    public void Plain_http_to_another_machine_is_refused_before_any_request(string address)
    {
        var options = FakePlatform.Options(new Uri(address));

        var exception = Assert.Catch<ArgumentException>(() => PlatformHttpClient.Create(options))!;

        Assert.That(exception.Message, Does.Contain("BaseAddress").And.Contain("https"));
        SecretAssert.ExceptionContainsNoSecret(exception);
        AssertNothingWasSent();
    }

    [TestCase("http://localhost:5000/x")]
    [TestCase("http://127.0.0.1:5000/x")]
    [TestCase("http://127.10.20.30/x")]
    [TestCase("http://[::1]:5000/x")]
    [TestCase("https://platform.adobe.io/data/foundation/flowservice")]
    public void Https_and_loopback_http_are_accepted(string address)
    {
        using var http = PlatformHttpClient.Create(FakePlatform.Options(new Uri(address)));

        Assert.That(http.BaseAddress, Is.EqualTo(new Uri(address)));
    }

    [Test]
    public void A_plain_http_ims_address_is_refused_at_start_up()
    {
        var options = ImsOptions();
        options.Ims!.TokenAddress = new Uri("http://ims-na1.adobelogin.com/ims/token/v3");

        var exception = Assert.Catch<ArgumentException>(() => PlatformHttpClient.Create(options))!;

        Assert.That(exception.Message, Does.Contain("Ims.TokenAddress"));
        Assert.That(exception.Message, Does.Not.Contain(ImsClientSecret));
    }

    [TestCase("ClientId")]
    [TestCase("ClientSecret")]
    public void A_blank_ims_value_is_named(string missing)
    {
        var options = ImsOptions();
        if (missing == "ClientId")
        {
            options.Ims!.ClientId = " ";
        }
        else
        {
            options.Ims!.ClientSecret = "";
        }

        var exception = Assert.Catch<ArgumentException>(() => PlatformHttpClient.Create(options))!;

        Assert.That(exception.Message, Does.Contain("Ims." + missing));
    }

    [Test]
    public void Bad_resilience_settings_fail_at_start_up()
    {
        var resilience = QuickRetries();
        resilience.MaxRetries = -1;
        resilience.TotalTimeout = TimeSpan.Zero;

        var exception = Assert.Catch<ArgumentException>(() => PlatformHttpClient.Create(ResilientOptions(resilience)))!;

        Assert.That(exception.Message, Does.Contain("MaxRetries").And.Contain("TotalTimeout"));
    }

    [Test]
    public void Options_and_providers_never_show_a_secret_in_to_string()
    {
        var options = ImsOptions();
        options.AccessToken = FakePlatform.BearerToken;
        var texts = new[]
        {
            options.ToString()!,
            options.Ims!.ToString(),
            new StaticAccessTokenProvider(FakePlatform.BearerToken).ToString(),
            new ImsAccessTokenProvider(options.Ims).ToString(),
            FakePlatform.Credentials().ToString(),
            NewConnection("n").ToString()!,
            NewConnection("n").Auth!.ToString()!,
        };

        Assert.That(SecretHits(texts), Is.Zero);
        Assert.That(options.Ims.ToString(), Does.Contain(ImsClientId));
    }
}
