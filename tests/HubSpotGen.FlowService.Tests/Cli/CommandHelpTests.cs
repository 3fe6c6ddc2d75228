namespace HubSpotGen.FlowService.Tests.Cli;

/// <summary>`--help` on every command of the exact forms: usage on stdout, exit 0, and no configuration needed.</summary>
public sealed class CommandHelpTests
{
    [TestCase("connections", "create-hubspot", "--name")]
    [TestCase("connections", "get", "<ID>")]
    [TestCase("connections", "list", "--property")]
    [TestCase("connections", "update-hubspot", "--etag")]
    [TestCase("connections", "delete", "<ID>")]
    [TestCase("connections", "explore", "--table")]
    [TestCase("specs", "get", "<ID>")]
    public async Task Help_describes_the_command_and_exits_0(string group, string command, string mentions)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), group, command, "--help");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain($" {group} {command}").And.Contain(mentions));
    }

    [Test]
    public async Task The_root_help_lists_the_timeout_variables_and_every_exit_code()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "--help");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var help = string.Join(" ", run.Output.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.That(help, Does.Contain("AEP_ATTEMPT_TIMEOUT and AEP_TOTAL_TIMEOUT (seconds")
            .And.Contain("0 success, 1 Flow Service or IMS error").And.Contain("2 missing or invalid configuration").And.Contain("130 cancelled"));
    }

    [Test]
    public async Task An_unknown_subcommand_exits_2()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "connections", "rename");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("rename"));
    }
}
