
namespace HubSpotGen.Testing;

/// <summary>
/// Made-up credentials and Platform values. Every secret is distinct and not a substring of any value that
/// may legitimately be shown, so "the text does not contain the secret" checks cannot pass by accident.
/// </summary>
public static class FakePlatform
{
    public const string BasePath = "/data/foundation/flowservice";

    public const string BearerToken = "test-platform-bearer-token";
    public const string ApiKey = "test-api-key";
    public const string ImsOrgId = "TESTORG0000000000000000@AdobeOrg";
    public const string SandboxName = "test-sandbox";

    public const string HubSpotClientId = "test-hubspot-client-id";
    public const string HubSpotClientSecret = "test-client-secret";
    public const string HubSpotAccessToken = "test-hubspot-access-token";
    public const string HubSpotRefreshToken = "test-hubspot-refresh-token";

    /// <summary>Every value that must never show up in text the library produces.</summary>
    public static readonly IReadOnlyList<string> Secrets =
        [BearerToken, HubSpotClientSecret, HubSpotAccessToken, HubSpotRefreshToken];

    public static HubSpotCredentials Credentials() =>
        new(HubSpotClientId, HubSpotClientSecret, HubSpotAccessToken, HubSpotRefreshToken);

    public static PlatformOptions Options(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        AccessToken = BearerToken,
        ApiKey = ApiKey,
        ImsOrgId = ImsOrgId,
        SandboxName = SandboxName,

        // One answer per request: these tests pin single exchanges (and the NSwag oracle never retries);
        // the retry behaviour has its own tests under Resilience/.
        Resilience = null,
    };

    /// <summary>
    /// The options for a scripted server at <paramref name="serverUrl"/>, with two quick retries, so that a dropped
    /// or refused answer is repeated at once.
    /// </summary>
    public static PlatformOptions ScriptedOptions(Uri serverUrl)
    {
        var options = Options(new Uri(serverUrl, BasePath));
        options.Resilience = new FlowServiceResilienceOptions
        {
            MaxRetries = 2,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(10),
            TotalTimeout = TimeSpan.FromSeconds(20),
        };
        return options;
    }
}
