using System.Text.RegularExpressions;

namespace HubSpotGen.FlowService.Tests.Cli;

/// <summary>`hubspotgen` with no arguments: the README's first command must work with no account at all.</summary>
public sealed class DemoTests
{
    [Test]
    public async Task The_demo_walks_a_connection_through_create_get_list_explore_and_delete_on_the_emulator()
    {
        var run = await CliRun.RunAsync(new Dictionary<string, string?>());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var created = Regex.Match(run.Output, "created HubSpot connection ([0-9a-f-]{36})");
        Assert.That(created.Success, Is.True, run.Output);
        var id = created.Groups[1].Value;
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("Started the Flow Service emulator at http://"));
            Assert.That(run.Output, Does.Contain($"2. get      GET /connections/{id} -> 'HubSpot demo connection', state enabled"));
            Assert.That(run.Output, Does.Contain("clientId = emulated-hubspot-client-id"));
            Assert.That(run.Output, Does.Contain("3. list").And.Contain("1 HubSpot connection(s)"));
            Assert.That(run.Output, Does.Contain("4. explore").And.Contain("Hubspot.Contacts"));
            Assert.That(run.Output, Does.Contain($"5. delete   DELETE /connections/{id} -> deleted; reading it again finds nothing"));
            Assert.That(run.Output, Does.Not.Contain("emulated-hubspot-client-secret").And.Not.Contain("emulated-hubspot-refresh-token"));
            Assert.That(run.Error, Is.Empty);
        });
    }
}
