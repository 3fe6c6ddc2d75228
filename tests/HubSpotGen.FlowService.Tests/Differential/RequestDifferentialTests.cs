using HubSpotGen.FlowService.Models;

using Oracle = HubSpotGen.NSwagReference;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>The same arguments through both clients must put the same request on the wire.</summary>
public sealed class RequestDifferentialTests : DifferentialFixture
{
    private static readonly FlowOperation[] Operations = FlowOperations.SameOnTheWire;

    [TestCaseSource(nameof(Operations))]
    public async Task Every_operation_sends_the_same_request(FlowOperation operation)
    {
        Answer(RecordedAnswers.Success(operation));

        var (ours, theirs) = await SendBothAsync(
            client => OperationCalls.OursAsync(client, operation),
            client => OperationCalls.TheirsAsync(client, operation));

        WireAssert.SameRequest(ours, theirs);
        // Equal could also mean equally wrong; the header policy must have run on both.
        ours.AssertPlatformHeaders();
    }

    [TestCaseSource(nameof(Operations))]
    public async Task A_sandbox_given_per_call_wins_over_the_policy_in_both(FlowOperation operation)
    {
        Answer(RecordedAnswers.Success(operation));

        var (ours, theirs) = await SendBothAsync(
            client => OperationCalls.OursAsync(client, operation, sandbox: "dev-sandbox"),
            client => OperationCalls.TheirsAsync(client, operation, sandbox: "dev-sandbox"));

        WireAssert.SameRequest(ours, theirs);
        ours.AssertHeader("x-sandbox-name", "dev-sandbox");
    }

    [Test]
    public async Task A_null_description_is_left_out_by_both()
    {
        Answer(RecordedAnswers.Success(FlowOperation.CreateConnection));

        var (ours, theirs) = await SendBothAsync(
            client => client.CreateConnectionAsync(SameArguments.OurCreate(description: null)),
            client => client.CreateConnectionAsync(null!, SameArguments.TheirCreate(description: null)));

        WireAssert.SameRequest(ours, theirs);
        // NJsonSchema also marks optional members NullValueHandling.Ignore, so this is common ground, not a difference.
        Assert.That(JsonAssert.Parse(ours.Body!)["description"], Is.Null, "description key");
    }

    [Test]
    public async Task A_list_without_arguments_has_no_query_in_both()
    {
        Answer(RecordedAnswers.Success(FlowOperation.ListConnections));

        var (ours, theirs) = await SendBothAsync(
            client => client.ListConnectionsAsync(),
            client => client.ListConnectionsAsync(null!, null!, null, null!, null!, null));

        WireAssert.SameRequest(ours, theirs);
        Assert.That(ours.RawQuery, Is.Null.Or.Empty);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Count_is_sent_the_same_way(bool count)
    {
        Answer(new RecordedAnswer("200 count", 200, """{"count":95}"""));

        var (ours, theirs) = await SendBothAsync(
            client => client.ListConnectionsAsync(property: ["state==enabled"], count: count),
            client => client.ListConnectionsAsync(null!, ["state==enabled"], null, null!, null!, count));

        WireAssert.SameRequest(ours, theirs);
    }

    [Test]
    public async Task Exploring_a_table_sends_the_same_object_type_and_path()
    {
        Answer(new RecordedAnswer("200 table", 200, RecordedAnswers.ExploreTable));

        var (ours, theirs) = await SendBothAsync(
            client => client.ExploreConnectionAsync(SameArguments.ConnectionId, ObjectType.Table, @object: SameArguments.TablePath),
            client => client.ExploreConnectionAsync(null!, Oracle.ObjectType.Table, SameArguments.TablePath, SameArguments.ConnectionId));

        WireAssert.SameRequest(ours, theirs);
        // The spec's enum is lowercase; both send it so (the S1 uppercase ROOT/TABLE is not what either sends).
        Assert.That(WireAssert.Query(ours.RawQuery), Is.EqualTo("object=[Hubspot.Contacts]\nobjectType=[table]\n"));
    }
}
