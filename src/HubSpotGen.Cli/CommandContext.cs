using System.CommandLine;
using HubSpotGen.FlowService;

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

    /// <summary>Writes one usage error line and returns <see cref="ExitCodes.UsageError"/>; nothing is sent.</summary>
    public async Task<int> UsageErrorAsync(string message)
    {
        await error.WriteLineAsync("error: " + message);
        return ExitCodes.UsageError;
    }

    /// <summary>
    /// Reads the configuration (the HUBSPOT_* variables only when <paramref name="needsHubSpot"/>), then runs
    /// <paramref name="call"/> against Flow Service, or against an embedded emulator with <c>--emulator</c>.
    /// A missing or invalid variable exits 2, naming each one.
    /// </summary>
    public async Task<int> CallFlowServiceAsync(ParseResult parseResult, bool needsHubSpot, Func<CliSettings, FlowServiceClient, Task<int>> call, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(Emulator))
        {
            using var emulator = await EmulatorStart.TryStartAsync(port: null, error);
            if (emulator is null)
            {
                return ExitCodes.UsageError;
            }

            var emulated = CliSettings.ForEmulator(emulator, environment);
            return await FlowServiceCall.RunAsync(emulated, transport: null, error, client => call(emulated, client), cancellationToken);
        }

        var settings = CliSettings.Read(environment, needsHubSpot, out var problems);
        if (settings is null)
        {
            return await UsageErrorAsync("missing or invalid configuration: " + string.Join(", ", problems));
        }

        return await FlowServiceCall.RunAsync(settings, transport, error, client => call(settings, client), cancellationToken);
    }
}
