using System.Globalization;
using HubSpotGen.FlowService;
using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.Cli;

/// <summary>The Platform and HubSpot values the command reads from the environment.</summary>
internal sealed record CliSettings(PlatformOptions Platform, HubSpotCredentials? HubSpot)
{
    public const string FlowServiceUrlVariable = "AEP_FLOW_SERVICE_URL";

    /// <summary>
    /// Every secret value these settings hold, so that a line quoting the service (which may echo what it was sent)
    /// can be cleaned of them before it is printed.
    /// </summary>
    public IReadOnlyList<string> Secrets =>
        new[] { Platform.AccessToken, Platform.Ims?.ClientSecret, HubSpot?.ClientSecret, HubSpot?.AccessToken, HubSpot?.RefreshToken }
            .OfType<string>()
            .ToList();

    /// <summary>The Platform gateway, under which Flow Service, Catalog and Data Prep each have their base path.</summary>
    public const string PlatformUrlVariable = "AEP_PLATFORM_URL";

    /// <summary>The sandbox the embedded emulator's connections live in.</summary>
    public const string EmulatorSandbox = "prod";

    private const string AccessTokenVariable = "AEP_ACCESS_TOKEN";
    private const string ClientIdVariable = "AEP_CLIENT_ID";
    private const string ClientSecretVariable = "AEP_CLIENT_SECRET";
    private const string ScopesVariable = "AEP_SCOPES";
    private const string ImsUrlVariable = "AEP_IMS_URL";
    private const string ApiKeyVariable = "AEP_API_KEY";
    private const string AttemptTimeoutVariable = "AEP_ATTEMPT_TIMEOUT";
    private const string TotalTimeoutVariable = "AEP_TOTAL_TIMEOUT";

    /// <summary>The shortest and longest timeout the retry pipeline accepts, in seconds (10 ms and one day).</summary>
    private const double ShortestTimeoutSeconds = 0.01;
    private const double LongestTimeoutSeconds = 86400;

    private static readonly string[] RequiredPlatformVariables = ["AEP_IMS_ORG", "AEP_SANDBOX_NAME"];
    private static readonly string[] HubSpotVariables = ["HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_SECRET", "HUBSPOT_ACCESS_TOKEN", "HUBSPOT_REFRESH_TOKEN"];

    /// <summary>
    /// Reads the settings, or lists every variable that is missing or invalid so that one run shows
    /// the user all there is to fix.
    /// </summary>
    /// <remarks>
    /// The bearer token is <c>AEP_ACCESS_TOKEN</c> when set; otherwise <c>AEP_CLIENT_ID</c> and
    /// <c>AEP_CLIENT_SECRET</c> (with <c>AEP_SCOPES</c>, or Platform's scopes) fetch tokens from IMS, at
    /// <c>AEP_IMS_URL</c> when set (another region, or a test server).
    /// <c>AEP_API_KEY</c> defaults to <c>AEP_CLIENT_ID</c>: the Developer Console sends the client id as the API key.
    /// <c>AEP_PLATFORM_URL</c> places all three services; <c>AEP_FLOW_SERVICE_URL</c> overrides Flow Service alone,
    /// and when it is the only one set the library reads the gateway from it (its Flow Service path removed), so one
    /// server serves all three. Every address may be plain http only to a loopback address. <c>AEP_ATTEMPT_TIMEOUT</c> and
    /// <c>AEP_TOTAL_TIMEOUT</c>, in seconds, bound one attempt and a whole call; the library's defaults otherwise.
    /// </remarks>
    public static CliSettings? Read(Func<string, string?> environment, HubSpotNeed hubSpot, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        string? Value(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        // Unset stays null, so that the library derives the one from the other instead of this pinning a default.
        var platformAddress = Value(PlatformUrlVariable) is { } platformUrl ? ReadAddress(PlatformUrlVariable, platformUrl, found) : null;
        var baseAddress = Value(FlowServiceUrlVariable) is { } baseUrl ? ReadAddress(FlowServiceUrlVariable, baseUrl, found) : null;

        var accessToken = Value(AccessTokenVariable);
        var clientId = Value(ClientIdVariable);
        var clientSecret = Value(ClientSecretVariable);
        ImsCredentials? ims = null;
        if (accessToken is null)
        {
            if (clientId is null && clientSecret is null)
            {
                found.Add($"{AccessTokenVariable} (or {ClientIdVariable} and {ClientSecretVariable})");
            }
            else if (clientId is null || clientSecret is null)
            {
                found.Add(clientId is null ? ClientIdVariable : ClientSecretVariable);
            }
            else
            {
                ims = new ImsCredentials { ClientId = clientId, ClientSecret = clientSecret, Scopes = Value(ScopesVariable) ?? ImsCredentials.PlatformScopes };
                if (Value(ImsUrlVariable) is { } imsUrl && ReadAddress(ImsUrlVariable, imsUrl, found) is { } tokenAddress)
                {
                    ims.TokenAddress = tokenAddress;
                }
            }
        }

        var apiKey = Value(ApiKeyVariable) ?? clientId;
        if (apiKey is null)
        {
            found.Add(ApiKeyVariable);
        }

        var resilience = new FlowServiceResilienceOptions();
        if (Value(AttemptTimeoutVariable) is { } attemptTimeout && ReadSeconds(AttemptTimeoutVariable, attemptTimeout, found) is { } attempt)
        {
            resilience.AttemptTimeout = attempt;
        }

        if (Value(TotalTimeoutVariable) is { } totalTimeout && ReadSeconds(TotalTimeoutVariable, totalTimeout, found) is { } total)
        {
            resilience.TotalTimeout = total;
        }

        // Whichever HUBSPOT_* variable is set asks for new credentials, and a connection takes all four at once.
        var readsHubSpot = hubSpot == HubSpotNeed.Required || (hubSpot == HubSpotNeed.WhenSet && HubSpotVariables.Any(name => Value(name) is not null));
        var values = new Dictionary<string, string>();
        foreach (var name in readsHubSpot ? RequiredPlatformVariables.Concat(HubSpotVariables) : RequiredPlatformVariables)
        {
            if (Value(name) is { } value)
            {
                values[name] = value;
            }
            else
            {
                found.Add(name);
            }
        }

        problems = found;
        if (found.Count > 0)
        {
            return null;
        }

        var platform = new PlatformOptions
        {
            AccessToken = accessToken,
            Ims = ims,
            Resilience = resilience,
            ApiKey = apiKey,
            ImsOrgId = values["AEP_IMS_ORG"],
            SandboxName = values["AEP_SANDBOX_NAME"],
        };
        if (platformAddress is not null)
        {
            platform.PlatformAddress = platformAddress;
        }

        if (baseAddress is not null)
        {
            platform.BaseAddress = baseAddress;
        }

        var credentials = readsHubSpot
            ? new HubSpotCredentials(values["HUBSPOT_CLIENT_ID"], values["HUBSPOT_CLIENT_SECRET"], values["HUBSPOT_ACCESS_TOKEN"], values["HUBSPOT_REFRESH_TOKEN"])
            : null;
        return new CliSettings(platform, credentials);
    }

    /// <summary>
    /// An address from <paramref name="name"/>: absolute, http or https, and plain http only to a loopback
    /// address, because the bearer token and client secret would otherwise cross the network in clear text.
    /// Null, with the problem added to <paramref name="found"/>, otherwise.
    /// </summary>
    private static Uri? ReadAddress(string name, string text, List<string> found)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            found.Add($"{name} (not an absolute http or https URL)");
            return null;
        }

        if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback)
        {
            found.Add($"{name} (plain http to {address.Host} would send credentials in clear text; use https, plain http is allowed only to a loopback address)");
            return null;
        }

        return address;
    }

    /// <summary>
    /// A number of seconds from <paramref name="name"/>, such as 30 or 2.5 (a point, whatever the culture), within
    /// what the retry pipeline accepts. Null, with the problem added to <paramref name="found"/>, otherwise.
    /// </summary>
    private static TimeSpan? ReadSeconds(string name, string text, List<string> found)
    {
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= ShortestTimeoutSeconds and <= LongestTimeoutSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        found.Add(string.Create(CultureInfo.InvariantCulture, $"{name} (seconds between {ShortestTimeoutSeconds} and {LongestTimeoutSeconds}, such as 30 or 2.5)"));
        return null;
    }

    /// <summary>
    /// The settings that reach <paramref name="emulator"/> with its own credentials. HubSpot's come from the
    /// HUBSPOT_* variables when all four are set, else placeholders (the emulator never calls HubSpot), or none
    /// when <paramref name="hubSpot"/> asks for them only when set.
    /// </summary>
    public static CliSettings ForEmulator(FlowServiceEmulator emulator, Func<string, string?> environment, HubSpotNeed hubSpot = HubSpotNeed.Required)
    {
        var platform = new PlatformOptions
        {
            BaseAddress = emulator.BaseAddress,
            AccessToken = emulator.Options.AccessToken,
            ApiKey = emulator.Options.ApiKey,
            ImsOrgId = emulator.Options.ImsOrgId,
            SandboxName = EmulatorSandbox,
        };
        var values = HubSpotVariables.Select(name => environment(name)).ToArray();
        var credentials = values.All(value => !string.IsNullOrWhiteSpace(value))
            ? new HubSpotCredentials(values[0]!.Trim(), values[1]!.Trim(), values[2]!.Trim(), values[3]!.Trim())
            : hubSpot == HubSpotNeed.WhenSet
                ? null
                : new HubSpotCredentials("emulated-hubspot-client-id", "emulated-hubspot-client-secret", "emulated-hubspot-access-token", "emulated-hubspot-refresh-token");
        return new CliSettings(platform, credentials);
    }
}
