using HubSpotGen.Cli;
using HubSpotGen.FlowService.Tests.Support;

namespace HubSpotGen.FlowService.Tests.Cli;

/// <summary>The outcome of one in-process run of the hubspotgen command.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Every variable the command reads, set to the fake Platform and HubSpot values.</summary>
    public static Dictionary<string, string?> FullEnvironment(Uri flowServiceUrl) => new()
    {
        ["AEP_FLOW_SERVICE_URL"] = flowServiceUrl.ToString(),
        ["AEP_ACCESS_TOKEN"] = FakePlatform.BearerToken,
        ["AEP_API_KEY"] = FakePlatform.ApiKey,
        ["AEP_IMS_ORG"] = FakePlatform.ImsOrgId,
        ["AEP_SANDBOX_NAME"] = FakePlatform.SandboxName,
        ["HUBSPOT_CLIENT_ID"] = FakePlatform.HubSpotClientId,
        ["HUBSPOT_CLIENT_SECRET"] = FakePlatform.HubSpotClientSecret,
        ["HUBSPOT_ACCESS_TOKEN"] = FakePlatform.HubSpotAccessToken,
        ["HUBSPOT_REFRESH_TOKEN"] = FakePlatform.HubSpotRefreshToken,
    };

    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var application = new CliApplication(name => environment.TryGetValue(name, out var value) ? value : null, output, error);
        var exitCode = await application.RunAsync(args, CancellationToken.None);
        var run = new CliRun(exitCode, output.ToString(), error.ToString());
        SecretAssert.ContainsNoSecret(run.Output, "stdout");
        SecretAssert.ContainsNoSecret(run.Error, "stderr");
        return run;
    }
}
