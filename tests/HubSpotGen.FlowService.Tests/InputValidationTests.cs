
namespace HubSpotGen.FlowService.Tests;

/// <summary>Bad input is refused before any request leaves the process.</summary>
public sealed class InputValidationTests : StubServerFixture
{
    [SetUp]
    public void AnswerAnything() => AnswerEveryRequest(201, """{"id":"2fce94c1-9a93-4971-8e94-c19a93097129","etag":"\"e\""}""");

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t ")]
    public void A_blank_connection_name_is_refused(string? name)
    {
        var connections = new HubSpotConnections(CreateClient());

        var exception = Assert.CatchAsync<ArgumentException>(
            () => connections.CreateAsync(name!, FakePlatform.Credentials()))!;

        Assert.That(exception.ParamName, Is.EqualTo("name"));
        AssertNothingWasSent();
    }

    [Test]
    public void Missing_credentials_are_refused()
    {
        var connections = new HubSpotConnections(CreateClient());

        var exception = Assert.CatchAsync<ArgumentException>(
            () => connections.CreateAsync("HubSpot base connection", null!))!;

        Assert.That(exception.ParamName, Is.EqualTo("credentials"));
        AssertNothingWasSent();
    }

    [TestCase(0, "clientId")]
    [TestCase(1, "clientSecret")]
    [TestCase(2, "accessToken")]
    [TestCase(3, "refreshToken")]
    public void A_blank_credential_value_is_refused_by_name(int blankIndex, string expectedParamName)
    {
        foreach (var blank in new[] { null, "", "   " })
        {
            var values = new[]
            {
                FakePlatform.HubSpotClientId, FakePlatform.HubSpotClientSecret,
                FakePlatform.HubSpotAccessToken, FakePlatform.HubSpotRefreshToken,
            };
            values[blankIndex] = blank!;

            var exception = Assert.Catch<ArgumentException>(
                () => _ = new HubSpotCredentials(values[0], values[1], values[2], values[3]),
                $"blank value {(blank is null ? "null" : $"\"{blank}\"")}")!;

            Assert.That(exception.ParamName, Is.EqualTo(expectedParamName));
            // The other values are real secrets; an error about one of them must not print the rest.
            SecretAssert.ExceptionContainsNoSecret(exception);
        }

        AssertNothingWasSent();
    }

    [Test]
    public void Incomplete_platform_options_are_refused_listing_every_missing_value()
    {
        var options = new PlatformOptions
        {
            BaseAddress = new Uri("data/foundation/flowservice", UriKind.Relative),
            AccessToken = null,
            ApiKey = "",
            ImsOrgId = "  ",
            SandboxName = "\t",
        };

        var exception = Assert.Catch<ArgumentException>(() => PlatformHttpClient.Create(options))!;

        Assert.Multiple(() =>
        {
            foreach (var name in new[] { "BaseAddress", "AccessToken", "ApiKey", "ImsOrgId", "SandboxName" })
            {
                Assert.That(exception.Message, Does.Contain(name));
            }
        });
        AssertNothingWasSent();
    }

    // One value missing at a time: the message names that one, none of the others, and no secret.
    [TestCase(nameof(PlatformOptions.AccessToken))]
    [TestCase(nameof(PlatformOptions.ApiKey))]
    [TestCase(nameof(PlatformOptions.ImsOrgId))]
    [TestCase(nameof(PlatformOptions.SandboxName))]
    public void A_single_missing_platform_value_is_named_alone(string missing)
    {
        var options = FakePlatform.Options(BaseAddress);
        switch (missing)
        {
            case nameof(PlatformOptions.AccessToken): options.AccessToken = " "; break;
            case nameof(PlatformOptions.ApiKey): options.ApiKey = " "; break;
            case nameof(PlatformOptions.ImsOrgId): options.ImsOrgId = " "; break;
            case nameof(PlatformOptions.SandboxName): options.SandboxName = " "; break;
            default: Assert.Fail("unknown option " + missing); break;
        }

        var exception = Assert.Catch<ArgumentException>(() => PlatformHttpClient.Create(options))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain(missing));
            foreach (var other in new[] { "BaseAddress", "AccessToken", "ApiKey", "ImsOrgId", "SandboxName" }.Where(n => n != missing))
            {
                Assert.That(exception.Message, Does.Not.Contain(other));
            }

            SecretAssert.ExceptionContainsNoSecret(exception);
        });
        AssertNothingWasSent();
    }

    [TestCase("ftp://files.invalid/data/foundation/flowservice")]
    public void A_base_address_that_is_not_http_is_refused(string address)
    {
        var options = FakePlatform.Options(new Uri(address));

        var exception = Assert.Catch<ArgumentException>(() => PlatformHttpClient.Create(options))!;

        Assert.That(exception.Message, Does.Contain("BaseAddress"));
        AssertNothingWasSent();
    }
}
