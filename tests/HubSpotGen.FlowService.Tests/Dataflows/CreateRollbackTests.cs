using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.FlowService.Tests.Dataflows;

/// <summary>
/// Nothing left behind: when a step after the first create fails, what was created is deleted in reverse order and
/// the step's own failure is rethrown; when a delete fails too, the exception names what remains.
/// </summary>
public sealed class CreateRollbackTests : DataflowsFixture
{
    private static readonly string DeleteSource = "DELETE " + FlowServicePath + "/sourceConnections/" + SourceConnectionId;
    private static readonly string DeleteTarget = "DELETE " + FlowServicePath + "/targetConnections/" + TargetConnectionId;

    [Test]
    public void A_refused_source_connection_leaves_nothing_to_delete()
    {
        AnswerCreateChain();
        Answer("POST", FlowServicePath + "/sourceConnections", 400, BadRequest, priority: Override);

        var exception = Assert.CatchAsync<ApiException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.That(exception.StatusCode, Is.EqualTo(400));
        Assert.That(RequestLines().Where(line => line.StartsWith("DELETE", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void A_refused_target_connection_deletes_the_source_connection()
    {
        AnswerCreateChain();
        Answer("POST", FlowServicePath + "/targetConnections", 400, BadRequest, priority: Override);

        var exception = Assert.CatchAsync<ApiException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.That(exception.ToFlowServiceError().Code, Is.EqualTo("FLOW-1400-400"), "the step's own failure");
        Assert.That(StepsAfterTheReads(), Is.EqualTo(new[]
        {
            "POST " + FlowServicePath + "/sourceConnections",
            "POST " + FlowServicePath + "/targetConnections",
            DeleteSource,
        }));
    }

    [Test]
    public void A_refused_mapping_set_deletes_the_target_then_the_source_connection()
    {
        AnswerCreateChain();
        Answer("POST", DataPrepPath + "/mappingSets", 400, """{ "title": "Bad request", "status": 400, "detail": "Unknown XDM path." }""", priority: Override);

        var exception = Assert.CatchAsync<ApiException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(400));
            Assert.That(exception.InnerException, Is.InstanceOf<DataPrep.ApiException>(), "Data Prep's refusal, as the one exception type");
            Assert.That(StepsAfterTheReads().TakeLast(2), Is.EqualTo(new[] { DeleteTarget, DeleteSource }));
        });
    }

    [Test]
    public void A_missing_flow_spec_deletes_both_connections()
    {
        AnswerCreateChain();
        Answer("GET", FlowServicePath + "/flowSpecs", 200, """{ "items": [] }""", priority: Override);

        var exception = Assert.CatchAsync<ApiException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.That(exception.Message, Does.Contain("no flow spec named CRMToAEP"));
        Assert.That(StepsAfterTheReads().TakeLast(2), Is.EqualTo(new[] { DeleteTarget, DeleteSource }));
    }

    [Test]
    public void A_refused_flow_deletes_both_connections_in_reverse_order_and_rethrows_the_refusal()
    {
        AnswerCreateChain();
        Answer("POST", FlowServicePath + "/flows", 400, BadRequest, priority: Override);

        var exception = Assert.CatchAsync<ApiException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.ToFlowServiceError().Code, Is.EqualTo("FLOW-1400-400"));
            Assert.That(StepsAfterTheReads(), Is.EqualTo(new[]
            {
                "POST " + FlowServicePath + "/sourceConnections",
                "POST " + FlowServicePath + "/targetConnections",
                "POST " + DataPrepPath + "/mappingSets",
                "GET " + FlowServicePath + "/flowSpecs?property=name%3D%3D%22CRMToAEP%22",
                "POST " + FlowServicePath + "/flows",
                DeleteTarget,
                DeleteSource,
            }));
            foreach (var delete in Requests().Where(request => request.Method == "DELETE"))
            {
                delete.AssertPlatformHeaders();
            }
        });
    }

    [Test]
    public void A_failed_clean_up_names_what_remains_and_keeps_the_first_failure_inside()
    {
        AnswerCreateChain();
        Answer("POST", FlowServicePath + "/flows", 400, BadRequest, priority: Override);
        Answer("DELETE", FlowServicePath + "/targetConnections/" + TargetConnectionId, 500, """{ "type": "https://ns.adobe.com/aep/errors/FLOW-1400-500", "title": "Internal Error", "status": 500 }""", priority: Override);

        var exception = Assert.CatchAsync<DataflowCleanupException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.RemainingIds, Is.EqualTo(new[] { "target connection " + TargetConnectionId }), "the source connection was still deleted");
            Assert.That(exception.InnerException, Is.InstanceOf<ApiException>().With.Property(nameof(ApiException.StatusCode)).EqualTo(400));
            Assert.That(exception.CleanupFailures.Single(), Is.InstanceOf<ApiException>().With.Property(nameof(ApiException.StatusCode)).EqualTo(500));
            Assert.That(exception.Message, Does.Contain(TargetConnectionId.ToString()));
            Assert.That(StepsAfterTheReads().TakeLast(2), Is.EqualTo(new[] { DeleteTarget, DeleteSource }));
            SecretAssert.ExceptionContainsNoSecret(exception);
        });
    }

    [Test]
    public void When_every_delete_fails_both_connections_are_named()
    {
        AnswerCreateChain();
        Answer("POST", DataPrepPath + "/mappingSets", 503, """{ "title": "Service unavailable", "status": 503 }""", priority: Override);
        Answer("DELETE", FlowServicePath + "/targetConnections/" + TargetConnectionId, 400, InUse, priority: Override);
        Answer("DELETE", FlowServicePath + "/sourceConnections/" + SourceConnectionId, 400, InUse, priority: Override);

        var exception = Assert.CatchAsync<DataflowCleanupException>(() => Dataflows().CreateAsync(ContactsRequest()))!;

        Assert.That(exception.RemainingIds, Is.EqualTo(new[] { "target connection " + TargetConnectionId, "source connection " + SourceConnectionId }));
        Assert.That(exception.CleanupFailures, Has.Count.EqualTo(2));
    }

    [Test]
    public void A_cancelled_create_still_deletes_what_it_made()
    {
        AnswerCreateChain();
        using var cancellation = new CancellationTokenSource();
        Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(FlowServicePath + "/targetConnections").UsingPost())
            .AtPriority(Override)
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithCallback(_ =>
            {
                cancellation.Cancel();
                return new WireMock.ResponseMessage { StatusCode = 201, BodyData = new WireMock.Util.BodyData { BodyAsString = Created(TargetConnectionId), DetectedBodyType = WireMock.Types.BodyType.String } };
            }));

        Assert.CatchAsync<OperationCanceledException>(() => Dataflows().CreateAsync(ContactsRequest(), cancellation.Token));

        Assert.That(RequestLines(), Does.Contain(DeleteSource));
    }

    /// <summary>The requests after the three reads (explore root, explore table, dataset).</summary>
    private IReadOnlyList<string> StepsAfterTheReads() => RequestLines().Skip(3).ToList();
}
