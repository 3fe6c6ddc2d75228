using HubSpotGen.Cli;

namespace HubSpotGen.Cli.Tests;

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

    /// <summary>Only the AEP_* variables: what every subcommand needs but create-hubspot, and update-hubspot replacing credentials.</summary>
    public static Dictionary<string, string?> PlatformEnvironment(Uri flowServiceUrl)
    {
        var environment = FullEnvironment(flowServiceUrl);
        foreach (var name in environment.Keys.Where(name => name.StartsWith("HUBSPOT_", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(name);
        }

        return environment;
    }

    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, showProgress: false, transport: null, CancellationToken.None, args);

    /// <summary>Runs as if stderr were a terminal, which is when long work reports progress.</summary>
    public static Task<CliRun> RunWithProgressAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, showProgress: true, transport: null, CancellationToken.None, args);

    /// <summary>Runs over <paramref name="transport"/> in place of the network.</summary>
    public static Task<CliRun> RunOverAsync(HttpMessageHandler transport, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, showProgress: false, transport, CancellationToken.None, args);

    /// <summary>Runs until done or until <paramref name="cancellationToken"/> is cancelled, as Ctrl+C does.</summary>
    public static Task<CliRun> RunUntilAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(environment, showProgress: false, transport: null, cancellationToken, args);

    private static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, bool showProgress, HttpMessageHandler? transport, CancellationToken cancellationToken, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var application = new CliApplication(name => environment.TryGetValue(name, out var value) ? value : null, output, error, transport, showProgress);
        var exitCode = await application.RunAsync(args, cancellationToken);
        var run = new CliRun(exitCode, output.ToString(), error.ToString());
        SecretAssert.ContainsNoSecret(run.Output, "stdout");
        SecretAssert.ContainsNoSecret(run.Error, "stderr");
        return run;
    }

    /// <summary>The lines of stdout, without the empty last one.</summary>
    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();

    /// <summary>Whether stdout or stderr shows a stack trace or an exception's full text.</summary>
    public bool ShowsStackTrace =>
        (Output + Error).Contains("   at ", StringComparison.Ordinal) || (Output + Error).Contains("Exception:", StringComparison.Ordinal) || (Output + Error).Contains("Unhandled", StringComparison.Ordinal);

    /// <summary>The lines of stderr, without the empty last one.</summary>
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
}
