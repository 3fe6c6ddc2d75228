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
    public async Task An_unknown_subcommand_exits_2()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "connections", "rename");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("rename"));
    }
}
