using System.CommandLine;
using System.CommandLine.Help;
using HubSpotGen.Cli.Commands;
using HubSpotGen.Cli.Commands.Dataflows;

namespace HubSpotGen.Cli;

/// <summary>
/// The <c>hubspotgen</c> command tree. The environment, the output streams and the network are passed in,
/// so that tests run the real command in process.
/// </summary>
/// <param name="environment">Reads an environment variable; null when unset.</param>
/// <param name="output">stdout: results only, so that <c>--json</c> output can be piped.</param>
/// <param name="error">stderr: errors, and progress when <paramref name="showProgress"/>.</param>
/// <param name="transport">Replaces the network; null for the real one.</param>
/// <param name="showProgress">Whether stderr is a terminal that wants to see long work advance.</param>
internal sealed class CliApplication(Func<string, string?> environment, TextWriter output, TextWriter error, HttpMessageHandler? transport = null, bool showProgress = false)
{
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        try
        {
            return await RunCommandAsync(args, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the user asked for it, so one quiet line and the shell's usual status for an interrupt.
            await error.WriteLineAsync("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception exception)
        {
            // The last guard: every failure the commands expect is mapped where it happens; anything else is still
            // one line, never a stack trace. Messages of the library's exceptions hold no secret and no query.
            await error.WriteLineAsync($"error: {ServiceErrorReport.OneLine(exception.Message)} ({exception.GetType().Name})");
            return ExitCodes.ServiceError;
        }
    }

    private async Task<int> RunCommandAsync(string[] args, CancellationToken cancellationToken)
    {
        var parseResult = BuildRootCommand().Parse(args);

        // No default exception handler: it prints a stack trace, and RunAsync prints one line instead. No
        // termination handler either: the caller's token is the one Ctrl+C cancels.
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            // Every parse error is a usage error (exit 2), reported before anything is sent.
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync("error: " + parseError.Message);
            }

            return ExitCodes.UsageError;
        }

        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    private RootCommand BuildRootCommand()
    {
        var context = new CommandContext(environment, output, error, transport, showProgress);
        var connections = new Command("connections", "Flow Service base connections to HubSpot.")
        {
            CreateHubSpotCommand.Build(context),
            GetConnectionCommand.Build(context),
            ListConnectionsCommand.Build(context),
            UpdateHubSpotCommand.Build(context),
            DeleteConnectionCommand.Build(context),
            ExploreConnectionCommand.Build(context),
        };
        var specs = new Command("specs", "Flow Service connection specs.")
        {
            GetSpecCommand.Build(context),
        };
        var root = new RootCommand(
            "Create and manage Adobe Experience Platform Flow Service connections to HubSpot, and dataflows from HubSpot into Platform datasets. Run with no arguments for a demo against the embedded Flow Service emulator. " +
            "Configuration: AEP_PLATFORM_URL (the Platform gateway, https://platform.adobe.io when unset; Flow Service, Catalog and Data Prep each have their path under it), " +
            "AEP_FLOW_SERVICE_URL (Flow Service alone; when only it is set, the gateway is it without its /data/foundation/flowservice path), AEP_IMS_ORG, AEP_SANDBOX_NAME, AEP_API_KEY, and either AEP_ACCESS_TOKEN or AEP_CLIENT_ID, AEP_CLIENT_SECRET and AEP_SCOPES for IMS tokens; " +
            "AEP_ATTEMPT_TIMEOUT and AEP_TOTAL_TIMEOUT (seconds, such as 30 or 2.5) bound one attempt and a whole call, retries included (30 and 120 when unset); " +
            "for create-hubspot the HUBSPOT_* variables, for update-hubspot only with --credentials or when one of them is set. " +
            "Exit codes: 0 success, 1 Flow Service, Catalog, Data Prep or IMS error, unreachable or too slow, or a dataflow clean-up that left entities behind (the line lists their ids), 2 missing or invalid configuration or arguments, 130 cancelled with Ctrl+C.")
        {
            connections,
            DataflowsCommand.Build(context),
            specs,
            EmulatorCommand.Build(output, error),
            context.Emulator,
            context.Verbose,
        };

        // No command at all is the demo, which always runs on the embedded emulator; --verbose shows its traffic.
        root.SetAction((parseResult, cancellationToken) => Demo.RunAsync(environment, output, error, context.LoggerFor(parseResult), cancellationToken));
        return root;
    }
}
