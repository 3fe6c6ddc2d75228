using static HubSpotGen.Cli.Tests.CliAnswers;

namespace HubSpotGen.Cli.Tests;

/// <summary>`hubspotgen connections delete ID`.</summary>
public sealed class DeleteConnectionCommandTests : LifecycleFixture
{
    [Test]
    public async Task One_delete_goes_out_and_the_output_names_the_id()
    {
        AnswerInTurn((204, null));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "delete", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("DELETE"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ConnectionsPath + "/" + ConnectionId));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            Assert.That(request.Body, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            Assert.That(run.Output, Does.Contain(ConnectionId));
        });
    }

    [Test]
    public async Task An_unknown_connection_exits_1_with_status_code_and_title()
    {
        AnswerInTurn((404, NotFoundAnswer));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "delete", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain("404").And.Contain("FLOW-1101-404").And.Contain("Resource not found"));
    }

    [Test]
    public async Task An_id_that_is_not_a_guid_exits_2_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "delete", "69f188b6");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        AssertNothingWasSent();
    }

    [Test]
    public async Task Json_is_not_an_option_of_delete()
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "delete", ConnectionId, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        AssertNothingWasSent();
    }
}
