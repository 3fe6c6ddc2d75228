using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.Cli.Tests.Dataflows;

/// <summary><c>hubspotgen dataflows enable ID</c>, <c>disable ID</c> and <c>delete ID [--with-connections]</c>.</summary>
public sealed class DataflowStateCommandTests : DataflowCommandFixture
{
    [TestCase("enable", "Enabled")]
    [TestCase("disable", "Disabled")]
    public async Task Enable_and_disable_post_the_action_without_a_body_and_print_one_line(string op, string done)
    {
        Answer("POST", FlowPath + "/action", 200, Updated);

        var run = await RunAsync("dataflows", op, FlowId.ToString());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method + " " + request.AbsolutePath + request.RawQuery, Is.EqualTo("POST " + FlowPath + "/action?op=" + op));
            Assert.That(request.Body, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);
            Assert.That(run.OutputLines, Is.EqualTo(new[] { $"{done} dataflow {FlowId}" }));
        });
    }

    [Test]
    public async Task Enabling_an_unknown_flow_exits_1_with_one_line()
    {
        Answer("POST", FlowPath + "/action", 404, NotFound);

        var run = await RunAsync("dataflows", "enable", FlowId.ToString());

        AssertServiceError(run, "error: Flow Service answered 404: FLOW-1439-404: Resource not found: The requested resource is not found. (request id test-request-id)");
    }

    [Test]
    public async Task Delete_removes_only_the_flow_by_default()
    {
        Answer("DELETE", FlowPath, 204);

        var run = await RunAsync("dataflows", "delete", FlowId.ToString());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method + " " + request.AbsolutePath + request.RawQuery, Is.EqualTo("DELETE " + FlowPath));
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(DeleteHeaders);
            Assert.That(run.OutputLines, Is.EqualTo(new[] { $"Deleted dataflow {FlowId}" }));
        });
    }

    [Test]
    public async Task Delete_with_connections_deletes_the_flow_then_its_source_and_target()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        Answer("DELETE", FlowPath, 204);
        Answer("DELETE", FlowServicePath + "/sourceConnections/" + SourceConnectionId, 204);
        Answer("DELETE", FlowServicePath + "/targetConnections/" + TargetConnectionId, 204);

        var run = await RunAsync("dataflows", "delete", FlowId.ToString(), "--with-connections");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.Multiple(() =>
        {
            Assert.That(RequestLines(), Is.EqualTo(new[]
            {
                "GET " + FlowPath,
                "DELETE " + FlowPath,
                "DELETE " + FlowServicePath + "/sourceConnections/" + SourceConnectionId,
                "DELETE " + FlowServicePath + "/targetConnections/" + TargetConnectionId,
            }));
            foreach (var request in Requests())
            {
                request.AssertPlatformHeaders();
            }

            Assert.That(run.OutputLines, Is.EqualTo(new[] { $"Deleted dataflow {FlowId} and its source and target connections" }));
        });
    }

    [Test]
    public async Task A_connection_left_behind_exits_1_with_one_line_naming_it()
    {
        Answer("GET", FlowPath, 200, Page(null, Flow(FlowId)));
        Answer("DELETE", FlowPath, 204);
        Answer("DELETE", FlowServicePath + "/sourceConnections/" + SourceConnectionId, 400, InUse);
        Answer("DELETE", FlowServicePath + "/targetConnections/" + TargetConnectionId, 204);

        var run = await RunAsync("dataflows", "delete", FlowId.ToString(), "--with-connections");

        AssertServiceError(run, "error: Flow Service answered 400: FLOW-1418-400: Invalid request: The connection is used by flows. (request id test-request-id)");
        Assert.That(run.ErrorLines[0], Does.EndWith("; cleaning up failed too, and these remain: source connection " + SourceConnectionId));
    }

    [TestCase("get")]
    [TestCase("runs")]
    [TestCase("enable")]
    [TestCase("disable")]
    [TestCase("delete")]
    [TestCase("update")]
    public async Task An_id_that_is_not_a_guid_exits_2_naming_it_and_sends_nothing(string command)
    {
        string[] args = command == "update"
            ? ["dataflows", command, "contacts-flow", "--etag", Etag, "--name", "x"]
            : ["dataflows", command, "contacts-flow"];

        var run = await RunAsync(args);

        AssertUsageError(run, "'contacts-flow' is not a valid dataflow id");
    }

    [TestCase("get")]
    [TestCase("delete")]
    public async Task The_empty_guid_exits_2_and_sends_nothing(string command)
    {
        var run = await RunAsync("dataflows", command, Guid.Empty.ToString());

        AssertUsageError(run, "the dataflow id must not be the empty GUID");
    }

    [Test]
    public async Task Missing_configuration_exits_2_naming_each_variable_and_sends_nothing()
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_IMS_ORG");

        var run = await CliRun.RunAsync(environment, "dataflows", "list");

        AssertUsageError(run, "missing or invalid configuration: AEP_IMS_ORG");
    }
}
