using System.CommandLine;
using HubSpotGen.Cli.Output;
using HubSpotGen.FlowService;
using Microsoft.Extensions.Logging;

namespace HubSpotGen.Cli;

/// <summary>
/// What every subcommand's action needs from the outside: the environment, the two output streams, the
/// network (replaced in tests) and whether stderr is a terminal that wants progress.
/// </summary>
internal sealed class CommandContext(Func<string, string?> environment, TextWriter output, TextWriter error, HttpMessageHandler? transport, bool showProgress)
{
    public TextWriter Output => output;

    public TextWriter Error => error;

    /// <summary>Whether long work (a listing over many pages) reports progress on stderr.</summary>
    public bool ShowProgress => showProgress;

    /// <summary><c>--emulator</c>, on every command: talk to an embedded Flow Service emulator instead of Adobe.</summary>
    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Run against an embedded Flow Service emulator that lives for this one command; no Adobe account or AEP_* variables needed.",
        Recursive = true,
    };

    /// <summary><c>--verbose</c>, on every command: each HTTP attempt and retry on stderr.</summary>
    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Print each HTTP attempt and retry on stderr: method, path, status, attempt number and the wait before a retry; never a header value, body or secret.",
        Recursive = true,
    };

    /// <summary>Where the library's log lines go: stderr with <c>--verbose</c>, nowhere otherwise.</summary>
    public ILoggerFactory? LoggerFor(ParseResult parseResult) => parseResult.GetValue(Verbose) ? new VerboseLog(error) : null;

    /// <summary>Writes one usage error line and returns <see cref="ExitCodes.UsageError"/>; nothing is sent.</summary>
    public async Task<int> UsageErrorAsync(string message)
    {
        await error.WriteLineAsync("error: " + message);
        return ExitCodes.UsageError;
    }

    /// <summary>
    /// Reads the configuration (the HUBSPOT_* variables as <paramref name="hubSpot"/> says), then runs
    /// <paramref name="call"/> against Flow Service, or against an embedded emulator with <c>--emulator</c>.
    /// A missing or invalid variable exits 2, naming each one.
    /// </summary>
    public Task<int> CallFlowServiceAsync(ParseResult parseResult, HubSpotNeed hubSpot, Func<CliSettings, FlowServiceClient, Task<int>> call, CancellationToken cancellationToken) =>
        WithSettingsAsync(
            parseResult,
            hubSpot,
            (settings, network) => FlowServiceCall.RunAsync(settings, network, error, LoggerFor(parseResult), client => call(settings, client), cancellationToken));

    /// <summary>
    /// Reads the Platform configuration, then runs <paramref name="call"/> over Flow Service, Catalog and Data Prep on
    /// one pipeline (at <c>AEP_PLATFORM_URL</c>, Flow Service at <c>AEP_FLOW_SERVICE_URL</c> when set), or against an
    /// embedded emulator with <c>--emulator</c>. A missing or invalid variable exits 2, naming each one.
    /// </summary>
    public Task<int> CallPlatformAsync(ParseResult parseResult, Func<CliSettings, PlatformClients, Task<int>> call, CancellationToken cancellationToken) =>
        WithSettingsAsync(
            parseResult,
            HubSpotNeed.None,
            (settings, network) => FlowServiceCall.RunOnPlatformAsync(settings, network, error, LoggerFor(parseResult), clients => call(settings, clients), cancellationToken));

    private async Task<int> WithSettingsAsync(ParseResult parseResult, HubSpotNeed hubSpot, Func<CliSettings, HttpMessageHandler?, Task<int>> run)
    {
        if (parseResult.GetValue(Emulator))
        {
            using var emulator = await EmulatorStart.TryStartAsync(port: null, error);
            if (emulator is null)
            {
                return ExitCodes.UsageError;
            }

            return await run(CliSettings.ForEmulator(emulator, environment, hubSpot), null);
        }

        var settings = CliSettings.Read(environment, hubSpot, out var problems);
        if (settings is null)
        {
            return await UsageErrorAsync("missing or invalid configuration: " + string.Join(", ", problems));
        }

        return await run(settings, transport);
    }
}
