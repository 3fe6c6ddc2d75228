using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.Cli.Commands;

/// <summary>
/// <c>emulator [--port N] [--host ADDRESS] [--state FILE]</c>: keeps a Flow Service emulator running until Ctrl+C,
/// so that several commands (or another program, in any language, through its control API) can share its state,
/// which <c>--emulator</c> keeps only for one command. Everything it prints is shell: comments and the
/// <c>export</c> lines that point a client at it.
/// </summary>
internal static partial class EmulatorCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var port = new Option<int?>("--port") { Description = "The port to listen on; a free one when left out.", HelpName = "N" };
        var host = new Option<string>("--host")
        {
            Description = "The IP address to listen on: 127.0.0.1 when left out; 0.0.0.0 (or ::) for every interface, as in a container. Anyone who can reach it can use the control API.",
            HelpName = "ADDRESS",
            DefaultValueFactory = _ => "127.0.0.1",
            CustomParser = ParseHost,
        };
        var state = new Option<FileInfo?>("--state")
        {
            Description = "A JSON file that keeps connections and flows across restarts: read at start when it exists, rewritten after every change and at Ctrl+C. Secrets are masked in it: a restored connection keeps its clientId, and every other auth param reads ********.",
            HelpName = "FILE",
        };
        var command = new Command(
            "emulator",
            "Run the Flow Service emulator until Ctrl+C and print, as shell lines, the variables that point this command (or any client) at it. " +
            "Its control API is on the same port under /__emulator. Exit codes: 0 stopped with Ctrl+C or SIGTERM, 1 the state could not be saved at the stop, 2 a bad option, a port that cannot be listened on, or a state file that is not one the emulator wrote.")
        {
            port,
            host,
            state,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var chosenPort = parseResult.GetValue(port);
            if (chosenPort is < 1 or > 65535)
            {
                await error.WriteLineAsync("error: --port must be between 1 and 65535");
                return ExitCodes.UsageError;
            }

            var stateFile = parseResult.GetValue(state)?.FullName;
            var emulator = await EmulatorStart.TryStartAsync(new FlowServiceEmulatorOptions { Port = chosenPort, Host = parseResult.GetValue(host)!, StateFile = stateFile }, error);
            if (emulator is null)
            {
                return ExitCodes.UsageError;
            }

            var exitCode = ExitCodes.Success;
            try
            {
                await PrintAsync(output, emulator, parseResult.GetValue(host)!, stateFile);
                await output.FlushAsync(cancellationToken);
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is how this command is meant to end.
            }
            finally
            {
                try
                {
                    // Stopping saves the state file one last time.
                    emulator.Dispose();
                }
                catch (EmulatorStateException exception)
                {
                    await error.WriteLineAsync("error: " + ServiceErrorReport.OneLine(exception.Message));
                    exitCode = ExitCodes.ServiceError;
                }
            }

            await output.WriteLineAsync("# Emulator stopped.");
            return exitCode;
        });
        return command;
    }

    /// <summary>
    /// Every variable the command reads (see <see cref="CliSettings.Read"/>) that a client of the emulator needs,
    /// IMS included, with a fixed bearer token as the commented alternative: a shell can run every line as is.
    /// </summary>
    private static async Task PrintAsync(TextWriter output, FlowServiceEmulator emulator, string host, string? stateFile)
    {
        var options = emulator.Options;
        var listening = emulator.Url.Contains("//" + host + ":", StringComparison.Ordinal) || emulator.Url.Contains("//[" + host + "]:", StringComparison.Ordinal)
            ? ""
            : $" (listening on {host})";
        await output.WriteLineAsync($"# Flow Service emulator at {emulator.Url}{listening}; Ctrl+C stops it.");
        await output.WriteLineAsync($"# Control API: {emulator.Url}/__emulator (GET requests, POST reset, POST faults, POST ims/expire, GET state).");
        await output.WriteLineAsync(stateFile is null
            ? "# State: in memory only; --state FILE keeps it across restarts."
            : $"# State: {stateFile}, saved after every change, secrets masked.");
        await output.WriteLineAsync("# Paste these into another shell to point hubspotgen, or any client, at it:");
        var variables = new (string Name, string Value)[]
        {
            (CliSettings.PlatformUrlVariable, emulator.Url),
            (CliSettings.FlowServiceUrlVariable, emulator.BaseAddress.ToString()),
            ("AEP_IMS_URL", emulator.ImsTokenAddress.ToString()),
            ("AEP_CLIENT_ID", options.ClientId),
            ("AEP_CLIENT_SECRET", options.ClientSecret),
            // The emulator's API key is its client id, as on Platform; the command would default to it anyway.
            ("AEP_API_KEY", options.ApiKey),
            ("AEP_IMS_ORG", options.ImsOrgId),
            ("AEP_SANDBOX_NAME", CliSettings.EmulatorSandbox),
        };
        foreach (var (name, value) in variables)
        {
            await output.WriteLineAsync($"export {name}={ShellWord(value)}");
        }

        await output.WriteLineAsync("# Or a fixed bearer token instead of IMS tokens (when set, it is used and the IMS variables are not):");
        await output.WriteLineAsync($"# export AEP_ACCESS_TOKEN={ShellWord(options.AccessToken)}");
    }

    /// <summary>The value as one shell word: as is when it holds only safe characters, else in single quotes.</summary>
    private static string ShellWord(string value) =>
        SafeShellWord().IsMatch(value) ? value : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>An IP address written out in full; the emulator would refuse anything else only once started.</summary>
    private static string ParseHost(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "127.0.0.1" : result.Tokens[0].Value;
        if (!IPAddress.TryParse(text, out var address) || (address.AddressFamily == AddressFamily.InterNetwork && address.ToString() != text))
        {
            result.AddError($"--host '{text}' is not an IP address: give one such as 127.0.0.1, 0.0.0.0 or ::1");
        }

        return text;
    }

    [GeneratedRegex("^[A-Za-z0-9@%+=:,./_-]+$")]
    private static partial Regex SafeShellWord();
}
