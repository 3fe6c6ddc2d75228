using HubSpotGen.FlowService;

namespace HubSpotGen.Cli;

/// <summary>The Platform and HubSpot values the command reads from the environment.</summary>
internal sealed record CliSettings(PlatformOptions Platform, HubSpotCredentials? HubSpot)
{
    public const string FlowServiceUrlVariable = "AEP_FLOW_SERVICE_URL";

    private static readonly string[] PlatformVariables = ["AEP_ACCESS_TOKEN", "AEP_API_KEY", "AEP_IMS_ORG", "AEP_SANDBOX_NAME"];
    private static readonly string[] HubSpotVariables = ["HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_SECRET", "HUBSPOT_ACCESS_TOKEN", "HUBSPOT_REFRESH_TOKEN"];

    /// <summary>
    /// Reads the settings, or lists every variable that is missing or invalid so that one run shows
    /// the user all there is to fix.
    /// </summary>
    public static CliSettings? Read(Func<string, string?> environment, bool needsHubSpot, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        var baseUrl = environment(FlowServiceUrlVariable);
        Uri? baseAddress = PlatformOptions.DefaultBaseAddress;
        if (!string.IsNullOrWhiteSpace(baseUrl)
            && (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out baseAddress) || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp)))
        {
            found.Add($"{FlowServiceUrlVariable} (not an absolute http or https URL)");
        }

        var values = new Dictionary<string, string>();
        foreach (var name in needsHubSpot ? PlatformVariables.Concat(HubSpotVariables) : PlatformVariables)
        {
            var value = environment(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                found.Add(name);
            }
            else
            {
                values[name] = value.Trim();
            }
        }

        problems = found;
        if (found.Count > 0)
        {
            return null;
        }

        var platform = new PlatformOptions
        {
            BaseAddress = baseAddress!,
            AccessToken = values["AEP_ACCESS_TOKEN"],
            ApiKey = values["AEP_API_KEY"],
            ImsOrgId = values["AEP_IMS_ORG"],
            SandboxName = values["AEP_SANDBOX_NAME"],
        };
        var hubSpot = needsHubSpot
            ? new HubSpotCredentials(values["HUBSPOT_CLIENT_ID"], values["HUBSPOT_CLIENT_SECRET"], values["HUBSPOT_ACCESS_TOKEN"], values["HUBSPOT_REFRESH_TOKEN"])
            : null;
        return new CliSettings(platform, hubSpot);
    }
}
