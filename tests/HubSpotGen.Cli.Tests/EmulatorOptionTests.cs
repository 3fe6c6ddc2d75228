using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Tests;

/// <summary>`--emulator`: every subcommand runs against an embedded emulator, with no AEP_* variables at all.</summary>
public sealed class EmulatorOptionTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Test]
    public async Task Create_hubspot_with_the_emulator_needs_no_configuration_and_prints_id_and_etag()
    {
        var run = await CliRun.RunAsync(NoEnvironment, "connections", "create-hubspot", "--name", "Emulated", "--json", "--emulator");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var answer = JObject.Parse(run.Output);
        Assert.Multiple(() =>
        {
            Assert.That(Guid.TryParse((string?)answer["id"], out _), Is.True, run.Output);
            Assert.That((string?)answer["etag"], Does.StartWith("\"").And.EndWith("\""), "the etag keeps its quotes");
        });
    }

    [Test]
    public async Task The_option_may_come_before_the_subcommand()
    {
        var run = await CliRun.RunAsync(NoEnvironment, "--emulator", "specs", "get", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That((string?)JObject.Parse(run.Output)["id"], Is.EqualTo(HubSpotConnectionSpec.Id));
    }

    [Test]
    public async Task A_fresh_emulator_lists_no_connections()
    {
        var run = await CliRun.RunAsync(NoEnvironment, "connections", "list", "--json", "--emulator");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(JArray.Parse(run.Output), Is.Empty);
    }

    [Test]
    public async Task A_fresh_emulator_lists_no_dataflows()
    {
        var run = await CliRun.RunAsync(NoEnvironment, "--emulator", "dataflows", "list", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(JArray.Parse(run.Output), Is.Empty);
    }

    [Test]
    public async Task A_dataflow_from_a_connection_the_emulator_does_not_have_exits_1_on_one_line()
    {
        var run = await CliRun.RunAsync(NoEnvironment, "--emulator", "dataflows", "create-hubspot", "--connection", "69f188b6-af07-4587-8061-e94d34637b41",
            "--table", "Hubspot.Contacts", "--dataset", FlowService.Emulator.FlowServiceEmulator.DemoDatasetId, "--map", "Vid=person.id");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.Error, Does.Contain("404"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task Getting_an_unknown_connection_from_the_emulator_exits_1()
    {
        var run = await CliRun.RunAsync(NoEnvironment, "connections", "get", "69f188b6-af07-4587-8061-e94d34637b41", "--emulator");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("69f188b6-af07-4587-8061-e94d34637b41").And.Contain("not found"));
    }

    [Test]
    public async Task The_emulator_takes_hubspot_credentials_from_the_environment_and_never_prints_the_secrets()
    {
        var environment = new Dictionary<string, string?>
        {
            ["HUBSPOT_CLIENT_ID"] = FakePlatform.HubSpotClientId,
            ["HUBSPOT_CLIENT_SECRET"] = FakePlatform.HubSpotClientSecret,
            ["HUBSPOT_ACCESS_TOKEN"] = FakePlatform.HubSpotAccessToken,
            ["HUBSPOT_REFRESH_TOKEN"] = FakePlatform.HubSpotRefreshToken,
        };

        // CliRun itself fails the test if a secret reaches stdout or stderr.
        var run = await CliRun.RunAsync(environment, "connections", "create-hubspot", "--name", "With my app", "--emulator");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
    }

    [Test]
    public async Task Every_command_offers_the_option_in_its_help()
    {
        var run = await CliRun.RunAsync(NoEnvironment, "connections", "explore", "--help");

        Assert.That(run.Output, Does.Contain("--emulator"));
    }
}
