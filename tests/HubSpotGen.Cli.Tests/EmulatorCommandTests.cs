using System.Diagnostics;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Tests;

/// <summary>`hubspotgen emulator`: one emulator that several commands share until Ctrl+C, and the variables it prints.</summary>
public sealed class EmulatorCommandTests
{
    private static readonly string[] HubSpotVariables = ["HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_SECRET", "HUBSPOT_ACCESS_TOKEN", "HUBSPOT_REFRESH_TOKEN"];

    [Test]
    public async Task Commands_pointed_at_the_printed_variables_share_the_running_emulators_state()
    {
        await using var emulator = await RunningEmulatorCommand.StartAsync();
        var environment = WithHubSpot(emulator.Exports);

        var created = await CliRun.RunAsync(environment, "connections", "create-hubspot", "--name", "Shared", "--json");
        var listed = await CliRun.RunAsync(environment, "connections", "list", "--json");
        var exitCode = await emulator.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(created.ExitCode, Is.EqualTo(0), created.Error);
            Assert.That(listed.ExitCode, Is.EqualTo(0), listed.Error);
            Assert.That(JArray.Parse(listed.Output).Select(item => (string?)item["id"]), Is.EqualTo(new[] { (string?)JObject.Parse(created.Output)["id"] }));
            Assert.That(exitCode, Is.EqualTo(0), "Ctrl+C is how the command is meant to end");
            Assert.That(emulator.Output, Does.Contain("# Emulator stopped."));
        });
    }

    [Test]
    public async Task The_printed_variables_are_every_setting_a_client_needs_IMS_included()
    {
        await using var emulator = await RunningEmulatorCommand.StartAsync();

        Assert.That(emulator.Exports.Keys, Is.EquivalentTo(new[]
        {
            "AEP_PLATFORM_URL", "AEP_FLOW_SERVICE_URL", "AEP_IMS_URL", "AEP_CLIENT_ID", "AEP_CLIENT_SECRET", "AEP_API_KEY", "AEP_IMS_ORG", "AEP_SANDBOX_NAME",
        }));
        Assert.That(emulator.Exports["AEP_API_KEY"], Is.EqualTo(emulator.Exports["AEP_CLIENT_ID"]), "the emulator's API key is its client id");
        Assert.That(emulator.Output, Does.Contain("# export AEP_ACCESS_TOKEN="), "the fixed token is offered as the alternative");
    }

    [Test]
    public async Task A_shell_runs_the_output_as_is_and_the_command_then_works_with_IMS_tokens_and_the_default_api_key()
    {
        await using var emulator = await RunningEmulatorCommand.StartAsync();
        var environment = WithHubSpot(ShellExports(emulator.Output));
        // The documented default: with no AEP_API_KEY the command sends the client id.
        environment.Remove("AEP_API_KEY");

        var created = await CliRun.RunAsync(environment, "connections", "create-hubspot", "--name", "Through IMS", "--json");
        var flows = await CliRun.RunAsync(environment, "dataflows", "list", "--json");

        Assert.That(created.ExitCode, Is.EqualTo(0), created.Error);
        Assert.That(flows.ExitCode, Is.EqualTo(0), flows.Error);
        using var http = new HttpClient();
        var log = JArray.Parse(await http.GetStringAsync(emulator.Exports["AEP_PLATFORM_URL"] + "/__emulator/requests"));
        var calls = log.Select(entry => $"{entry["method"]} {entry["path"]} {entry["status"]}").ToList();
        Assert.That(calls, Does.Contain("POST /ims/token/v3 200"));
        Assert.That(calls, Does.Contain("POST /data/foundation/flowservice/connections 201"));
        Assert.That(calls.Where(call => call.EndsWith(" 401", StringComparison.Ordinal) || call.EndsWith(" 403", StringComparison.Ordinal)), Is.Empty, string.Join("\n", calls));
    }

    [Test]
    public async Task On_every_interface_the_printed_address_is_loopback_and_works()
    {
        await using var emulator = await RunningEmulatorCommand.StartAsync("--host", "0.0.0.0");

        var listed = await CliRun.RunAsync(emulator.Exports, "connections", "list", "--json");

        Assert.That(emulator.Exports["AEP_PLATFORM_URL"], Does.StartWith("http://127.0.0.1:"));
        Assert.That(emulator.Output, Does.Contain("(listening on 0.0.0.0)"));
        Assert.That(listed.ExitCode, Is.EqualTo(0), listed.Error);
    }

    [TestCase("localhost")]
    [TestCase("10.0.0")]
    [TestCase("not-an-address")]
    public async Task A_host_that_is_not_an_ip_address_exits_2_on_one_line(string host)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "emulator", "--host", host);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.Contain("--host '" + host + "' is not an IP address"));
        Assert.That(run.ShowsStackTrace, Is.False);
    }

    [TestCase("0")]
    [TestCase("65536")]
    public async Task A_port_outside_the_valid_range_exits_2(string port)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "emulator", "--port", port);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--port"));
    }

    [Test]
    public async Task With_a_state_file_a_restart_keeps_the_connection_and_the_file_holds_no_secret_in_clear()
    {
        var folder = Directory.CreateTempSubdirectory("hubspotgen-cli-state-").FullName;
        try
        {
            var file = Path.Combine(folder, "emulator.json");
            string id;
            await using (var first = await RunningEmulatorCommand.StartAsync("--state", file))
            {
                var created = await CliRun.RunAsync(WithHubSpot(first.Exports), "connections", "create-hubspot", "--name", "Kept", "--json");
                Assert.That(created.ExitCode, Is.EqualTo(0), created.Error);
                id = (string)JObject.Parse(created.Output)["id"]!;
                Assert.That(await first.StopAsync(), Is.EqualTo(0), first.Error);
            }

            await using var second = await RunningEmulatorCommand.StartAsync("--state", file);
            var listed = await CliRun.RunAsync(second.Exports, "connections", "list", "--json");

            Assert.That(listed.ExitCode, Is.EqualTo(0), listed.Error);
            Assert.That(JArray.Parse(listed.Output).Select(item => (string?)item["id"]), Is.EqualTo(new[] { id }));
            Assert.That(second.Output, Does.Contain("# State: " + file));
            var saved = await File.ReadAllTextAsync(file);
            foreach (var secret in new[] { FakePlatform.HubSpotClientSecret, FakePlatform.HubSpotAccessToken, FakePlatform.HubSpotRefreshToken })
            {
                Assert.That(saved, Does.Not.Contain(secret), "the state file holds a secret in clear");
            }

            Assert.That(saved, Does.Contain("********"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task A_corrupt_state_file_exits_2_on_one_line_naming_the_file()
    {
        var file = Path.Combine(Path.GetTempPath(), "hubspotgen-corrupt-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(file, "{\"format\": \"hubspotgen-emulator-state/1\", \"sandboxes\": [ {");
        try
        {
            var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "emulator", "--state", file);

            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.Error);
            Assert.That(run.Error, Does.StartWith("error: The emulator state file " + file + " cannot be used: it is not valid JSON"));
            Assert.That(run.ShowsStackTrace, Is.False, run.Error);
            Assert.That(run.Output, Is.Empty);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Dictionary<string, string?> WithHubSpot(IReadOnlyDictionary<string, string?> exports)
    {
        var environment = new Dictionary<string, string?>(exports);
        var full = CliRun.FullEnvironment(new Uri("http://unused.test"));
        foreach (var name in HubSpotVariables)
        {
            environment[name] = full[name];
        }

        return environment;
    }

    /// <summary>Runs every printed line in <c>sh</c>, then reads back the AEP_* variables it exported.</summary>
    private static Dictionary<string, string?> ShellExports(string printed)
    {
        var start = new ProcessStartInfo("sh") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var shell = Process.Start(start)!;
        shell.StandardInput.Write(printed.Replace("# Emulator stopped.", "", StringComparison.Ordinal) + "\nenv\n");
        shell.StandardInput.Close();
        var output = shell.StandardOutput.ReadToEnd();
        var errors = shell.StandardError.ReadToEnd();
        Assert.That(shell.WaitForExit(TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(shell.ExitCode, Is.EqualTo(0), errors);
        Assert.That(errors, Is.Empty, "every printed line is shell");
        return output.Split('\n')
            .Where(line => line.StartsWith("AEP_", StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => (string?)pair[1]);
    }
}
