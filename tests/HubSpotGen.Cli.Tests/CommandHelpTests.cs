namespace HubSpotGen.Cli.Tests;

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
    [TestCase("dataflows", "create-hubspot", "--map")]
    [TestCase("dataflows", "get", "<ID>")]
    [TestCase("dataflows", "list", "--json")]
    [TestCase("dataflows", "runs", "<ID>")]
    [TestCase("dataflows", "update", "--etag")]
    [TestCase("dataflows", "enable", "<ID>")]
    [TestCase("dataflows", "disable", "<ID>")]
    [TestCase("dataflows", "delete", "--with-connections")]
    public async Task Help_describes_the_command_and_exits_0(string group, string command, string mentions)
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), group, command, "--help");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain($" {group} {command}").And.Contain(mentions));
    }

    [Test]
    public async Task The_root_help_lists_the_address_and_timeout_variables_and_every_exit_code()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "--help");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var help = string.Join(" ", run.Output.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.That(help, Does.Contain("AEP_ATTEMPT_TIMEOUT and AEP_TOTAL_TIMEOUT (seconds")
            .And.Contain("AEP_PLATFORM_URL (the Platform gateway").And.Contain("AEP_FLOW_SERVICE_URL (Flow Service alone")
            .And.Contain("0 success, 1 Flow Service, Catalog, Data Prep or IMS error").And.Contain("2 missing or invalid configuration").And.Contain("130 cancelled"));
    }

    [Test]
    public async Task An_unknown_subcommand_exits_2()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "connections", "rename");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("rename"));
    }

    [Test]
    public async Task The_create_help_documents_the_schedule_defaults_and_the_start_forms()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>(), "dataflows", "create-hubspot", "--help");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var help = string.Join(" ", run.Output.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.That(help, Does.Contain("once when left out")
            .And.Contain("a recurring frequency gets 15 for minute and 1 otherwise")
            .And.Contain("a time without an offset is UTC")
            .And.Contain("seconds since the Unix epoch"));
    }
}
