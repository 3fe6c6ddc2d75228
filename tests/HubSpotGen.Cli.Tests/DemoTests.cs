using System.Text.RegularExpressions;
using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.Cli.Tests;

/// <summary>`hubspotgen` with no arguments: the README's first command must work with no account at all.</summary>
public sealed class DemoTests
{
    private const string Guid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    [Test]
    public async Task The_demo_walks_the_whole_chain_on_the_emulator_and_deletes_everything_it_made()
    {
        // CliRun itself fails the test if a HubSpot or Platform secret reaches stdout or stderr.
        var run = await CliRun.RunAsync(new Dictionary<string, string?>());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        var created = Regex.Match(run.Output, $"created HubSpot connection ({Guid})");
        var flow = Regex.Match(run.Output, $"created dataflow ({Guid}) from Hubspot.Contacts into dataset {FlowServiceEmulator.DemoDatasetId}");
        Assert.That(created.Success && flow.Success, Is.True, run.Output);
        var id = created.Groups[1].Value;
        var flowId = flow.Groups[1].Value;
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("Started the Flow Service emulator at http://"));
            Assert.That(run.Output, Does.Contain($"2. get      GET /connections/{id} -> 'HubSpot demo connection', state enabled"));
            Assert.That(run.Output, Does.Contain("clientId = emulated-hubspot-client-id"));
            Assert.That(run.Output, Does.Contain("3. list").And.Contain("1 HubSpot connection(s)"));
            Assert.That(run.Output, Does.Contain("4. explore").And.Contain("Hubspot.Contacts"));
            Assert.That(run.Output, Does.Contain("Hubspot.Contacts: Vid, ").And.Contain("Added_At"));
            Assert.That(run.Output, Does.Contain("5. dataflow POST /sourceConnections, /targetConnections, /mappingSets, /flows -> created dataflow " + flowId));
            Assert.That(run.Output, Does.Match($@"6\. run      GET /runs\?property=flowId=={flowId} -> first run {Guid} success: read [1-9][0-9]*, written [1-9][0-9]*, failed 0"));
            Assert.That(run.Output, Does.Match($@"7\. delete   DELETE /flows/{flowId}, /sourceConnections/{Guid}, /targetConnections/{Guid} -> deleted; reading the dataflow again finds nothing"));
            Assert.That(run.Output, Does.Contain($"8. delete   DELETE /connections/{id} -> deleted; reading it again finds nothing"));
            Assert.That(run.Output, Does.Not.Contain("emulated-hubspot-client-secret").And.Not.Contain("emulated-hubspot-refresh-token").And.Not.Contain("emulated-hubspot-access-token"));
            Assert.That(run.Output, Does.Not.Contain("emulator-access-token").And.Not.Contain("emulator-client-secret"));
            Assert.That(run.Error, Is.Empty);
            var steps = run.OutputLines.Where(line => Regex.IsMatch(line, @"^\d\. ")).Select(line => line[..1]);
            Assert.That(steps, Is.EqualTo(new[] { "1", "2", "3", "4", "5", "6", "7", "8" }), "the steps, in order");
        });
    }
}
