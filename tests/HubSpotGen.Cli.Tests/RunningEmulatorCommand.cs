using System.Diagnostics;
using System.Text.RegularExpressions;
using HubSpotGen.Cli;

namespace HubSpotGen.Cli.Tests;

/// <summary>
/// <c>hubspotgen emulator …</c> running in process until <see cref="StopAsync"/>, as Ctrl+C ends it, with what it
/// printed and the variables of its <c>export</c> lines.
/// </summary>
internal sealed partial class RunningEmulatorCommand : IAsyncDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(2));
    private readonly Task<int> _running;

    private RunningEmulatorCommand(string[] args)
    {
        var application = new CliApplication(_ => null, TextWriter.Synchronized(_output), TextWriter.Synchronized(_error));
        _running = application.RunAsync(["emulator", .. args], _stop.Token);
    }

    public string Output => _output.ToString();

    public string Error => _error.ToString();

    /// <summary>The variables the export lines set, values unquoted as a shell would.</summary>
    public Dictionary<string, string?> Exports { get; } = [];

    /// <summary>Starts the command and waits until it has printed its variables; fails the test if it ends first.</summary>
    public static async Task<RunningEmulatorCommand> StartAsync(params string[] args)
    {
        var command = new RunningEmulatorCommand(args);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30) && !command._running.IsCompleted)
        {
            var exports = command.Output.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.StartsWith("export ", StringComparison.Ordinal)).ToList();
            if (command.Output.Contains("# Or a fixed bearer token", StringComparison.Ordinal))
            {
                foreach (var line in exports)
                {
                    var match = ExportLine().Match(line);
                    Assert.That(match.Success, Is.True, "not one NAME=VALUE export: " + line);
                    command.Exports[match.Groups[1].Value] = match.Groups[2].Value.Trim('\'');
                }

                return command;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The emulator command printed no variables. stdout: " + command.Output + " stderr: " + command.Error);
        return command;
    }

    /// <summary>Ctrl+C, then the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _running;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_running.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    [GeneratedRegex(@"^export (\w+)=(\S+)$")]
    private static partial Regex ExportLine();
}
