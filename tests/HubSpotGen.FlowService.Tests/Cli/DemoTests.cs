namespace HubSpotGen.FlowService.Tests.Cli;

/// <summary>`hubspotgen` with no arguments: the README's first command must work with no account at all.</summary>
public sealed class DemoTests
{
    [Test]
    public async Task The_demo_creates_a_connection_against_its_own_stub_and_exits_0()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("Created HubSpot connection 2fce94c1-9a93-4971-8e94-c19a93097129"));
        Assert.That(run.Output, Does.Contain("POST /data/foundation/flowservice/connections"));
        Assert.That(run.Output, Does.Not.Contain("demo-access-token"), "the demo masks the bearer token it shows");
    }
}
