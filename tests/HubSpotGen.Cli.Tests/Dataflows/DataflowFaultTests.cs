using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.Cli.Tests.Dataflows;

/// <summary>A server that never answers: the dataflow commands end as the connection commands do, on one line.</summary>
public sealed class DataflowFaultTests
{
    [Test]
    public async Task Runs_the_server_never_answers_exits_1_with_one_line_when_the_attempt_times_out()
    {
        using var server = ScriptedHttpServer.InTurn(ScriptedAnswer.Never);
        var environment = CliRun.PlatformEnvironment(new Uri(server.Url, FakePlatform.BasePath));
        environment["AEP_ATTEMPT_TIMEOUT"] = "1";
        environment["AEP_TOTAL_TIMEOUT"] = "1.5";

        var run = await CliRun.RunAsync(environment, "dataflows", "runs", FlowId.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.Error);
            Assert.That(run.ErrorLines[0], Does.StartWith($"error: Flow Service at {server.Url}data/foundation/flowservice did not answer in time: GET {FlowServicePath}/runs did not finish within "));
            Assert.That(run.ShowsStackTrace, Is.False, run.Error);
            Assert.That(run.Output, Is.Empty);
        });
    }

    [Test]
    public async Task Ctrl_c_during_a_create_is_one_quiet_line_and_exit_130()
    {
        using var server = ScriptedHttpServer.InTurn(ScriptedAnswer.Never);
        using var ctrlC = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        string[] args =
        [
            "dataflows", "create-hubspot", "--connection", BaseConnectionId.ToString(), "--table", "Hubspot.Contacts",
            "--dataset", DataSetId, "--map", "Properties_Firstname_Value=person.name.firstName",
        ];

        var run = await CliRun.RunUntilAsync(ctrlC.Token, CliRun.PlatformEnvironment(new Uri(server.Url, FakePlatform.BasePath)), args);

        Assert.That(run.ExitCode, Is.EqualTo(130));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { "cancelled" }));
        Assert.That(server.Received.Select(request => request.Method), Is.All.EqualTo("GET"), "it was still reading when it was stopped");
    }
}
