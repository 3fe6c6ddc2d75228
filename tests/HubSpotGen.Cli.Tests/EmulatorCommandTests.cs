using System.Text.RegularExpressions;
using HubSpotGen.Cli;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Tests;

/// <summary>`hubspotgen emulator`: one emulator that several commands share until Ctrl+C.</summary>
public sealed class EmulatorCommandTests
{
    [Test]
    public async Task Commands_pointed_at_the_printed_variables_share_the_running_emulators_state()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var application = new CliApplication(_ => null, TextWriter.Synchronized(output), TextWriter.Synchronized(error));
        var running = application.RunAsync(["emulator"], stop.Token);
        var exports = await WaitForExportsAsync(output, running);
        foreach (var (name, value) in CliRun.FullEnvironment(new Uri("http://unused.test")).Where(pair => pair.Key.StartsWith("HUBSPOT_", StringComparison.Ordinal)))
        {
            exports[name] = value;
        }

        var created = await CliRun.RunAsync(exports, "connections", "create-hubspot", "--name", "Shared", "--json");
        var listed = await CliRun.RunAsync(exports, "connections", "list", "--json");
        await stop.CancelAsync();
        var exitCode = await running;

        Assert.Multiple(() =>
        {
            Assert.That(created.ExitCode, Is.EqualTo(0), created.Error);
            Assert.That(listed.ExitCode, Is.EqualTo(0), listed.Error);
            Assert.That(JArray.Parse(listed.Output).Select(item => (string?)item["id"]), Is.EqualTo(new[] { (string?)JObject.Parse(created.Output)["id"] }));
            Assert.That(exitCode, Is.EqualTo(0), "Ctrl+C is how the command is meant to end");
            Assert.That(output.ToString(), Does.Contain("Emulator stopped."));
        });
    }

    [TestCase("0")]
    [TestCase("65536")]
    public async Task A_port_outside_the_valid_range_exits_2(string port)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "emulator", "--port", port);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--port"));
    }

    private static async Task<Dictionary<string, string?>> WaitForExportsAsync(StringWriter output, Task<int> running)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !running.IsCompleted)
        {
            var line = output.ToString().Split('\n').FirstOrDefault(text => text.StartsWith("export ", StringComparison.Ordinal));
            if (line is not null)
            {
                return Regex.Matches(line, @"(\w+)=(\S+)").ToDictionary(match => match.Groups[1].Value, match => (string?)match.Groups[2].Value);
            }

            await Task.Delay(50);
        }

        Assert.Fail("The emulator command printed no export line: " + output);
        return [];
    }
}
