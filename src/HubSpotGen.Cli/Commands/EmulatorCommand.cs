using System.CommandLine;

namespace HubSpotGen.Cli.Commands;

/// <summary>
/// <c>emulator [--port N]</c>: keeps a Flow Service emulator running until Ctrl+C, so that several commands (or
/// another program) can share its state, which <c>--emulator</c> keeps only for one command.
/// </summary>
internal static class EmulatorCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var port = new Option<int?>("--port") { Description = "The loopback port to listen on; a free one when left out.", HelpName = "N" };
        var command = new Command("emulator", "Run the Flow Service emulator until Ctrl+C and print the variables that point this command at it.") { port };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var chosenPort = parseResult.GetValue(port);
            if (chosenPort is < 1 or > 65535)
            {
                await error.WriteLineAsync("error: --port must be between 1 and 65535");
                return ExitCodes.UsageError;
            }

            using var emulator = await EmulatorStart.TryStartAsync(chosenPort, error);
            if (emulator is null)
            {
                return ExitCodes.UsageError;
            }

            await output.WriteLineAsync($"Flow Service emulator listening at {emulator.BaseAddress}; Ctrl+C stops it. In another shell:");
            await output.WriteLineAsync($"export {CliSettings.FlowServiceUrlVariable}={emulator.BaseAddress} AEP_ACCESS_TOKEN={emulator.Options.AccessToken} AEP_API_KEY={emulator.Options.ApiKey} AEP_IMS_ORG={emulator.Options.ImsOrgId} AEP_SANDBOX_NAME={CliSettings.EmulatorSandbox}");
            await output.FlushAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is how this command is meant to end.
            }

            await output.WriteLineAsync("Emulator stopped.");
            return ExitCodes.Success;
        });
        return command;
    }
}
