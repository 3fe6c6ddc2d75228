using HubSpotGen.FlowService.Models;
using Newtonsoft.Json.Linq;
using Oracle = HubSpotGen.NSwagReference;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>The same recorded success answer must be read to the same values by both clients.</summary>
public sealed class ResponseDifferentialTests : DifferentialFixture
{
    private static readonly FlowOperation[] Reading =
        FlowOperations.All.Except(FlowOperations.Deletes).ToArray();

    [TestCaseSource(nameof(Reading))]
    public async Task The_documented_answer_is_read_to_the_same_values(FlowOperation operation)
    {
        var answer = RecordedAnswers.Success(operation);
        Answer(answer);

        var (ours, theirs) = await ReadBothAsync(operation);

        AssertSameRead(ours, theirs, answer.Body!);
    }

    [Test]
    public async Task The_page_link_count_and_etag_quotes_are_read_the_same()
    {
        Answer(RecordedAnswers.Success(FlowOperation.ListConnections));

        var (read, readByNSwag) = await ReadBothAsync(FlowOperation.ListConnections);
        var ours = (ConnectionList)read!;
        var theirs = (Oracle.ConnectionList)readByNSwag!;

        Assert.Multiple(() =>
        {
            Assert.That(ours.Links?.Next?.Href, Is.EqualTo(theirs._links.Next.Href).And.Contains("continuationToken="));
            Assert.That(ours.Count, Is.EqualTo(theirs.Count).And.EqualTo(95));
            Assert.That(ours.Items!.Single().Etag, Is.EqualTo(theirs.Items.Single().Etag).And.StartsWith("\""));
            Assert.That(ours.Items!.Single().State.Value, Is.EqualTo("enabled"));
            Assert.That(theirs.Items.Single().State, Is.EqualTo(Oracle.ConnectionState.Enabled));
        });
    }

    [Test]
    public async Task A_table_explore_object_is_read_the_same()
    {
        Answer(new RecordedAnswer("200 table", 200, RecordedAnswers.ExploreTable));

        var ours = await Ours().ExploreConnectionAsync(SameArguments.ConnectionId, ObjectType.Table, @object: SameArguments.TablePath);
        var theirs = await Theirs().ExploreConnectionAsync(null!, Oracle.ObjectType.Table, SameArguments.TablePath, SameArguments.ConnectionId);

        Assert.That(theirs, Is.InstanceOf<JObject>());
        AssertSameRead(ours, theirs, RecordedAnswers.ExploreTable);
    }

    [TestCase(204)]
    [TestCase(202)]
    public async Task Both_documented_delete_answers_complete_without_error(int status)
    {
        Answer(new RecordedAnswer(status + " no body", status, null));

        var (ours, theirs) = await ReadBothAsync(FlowOperation.DeleteConnection);

        Assert.That((ours, theirs), Is.EqualTo(((object?)null, (object?)null)));
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(2), "both calls reached the server");
    }

    [Test]
    public async Task A_count_only_answer_is_read_the_same()
    {
        // count=true: the body carries only the number (S10).
        const string body = """{"count":95}""";
        Answer(new RecordedAnswer("200 count", 200, body));

        var ours = await Ours().ListConnectionsAsync(count: true);
        var theirs = await Theirs().ListConnectionsAsync(null!, null!, null, null!, null!, true);

        Assert.Multiple(() =>
        {
            Assert.That(ours.Count, Is.EqualTo(theirs.Count).And.EqualTo(95));
            Assert.That(ours.Items, Is.Null);
            Assert.That(theirs.Items, Is.Null);
        });
    }

    /// <summary>
    /// The spec requires etag in {id, etag}. NSwag refuses an answer without it; ours reads what is there and
    /// leaves the missing member null, because the service leaves out members its own documents show.
    /// </summary>
    [Test]
    public async Task An_answer_missing_a_required_member_reads_as_null_in_ours_where_the_oracle_refuses()
    {
        const string body = """{ "id": "2fce94c1-9a93-4971-8e94-c19a93097129" }""";
        Answer(new RecordedAnswer("201 without etag", 201, body));

        var theirs = Assert.ThrowsAsync<Oracle.ApiException>(() => OperationCalls.TheirsAsync(Theirs(), FlowOperation.CreateConnection));
        Assert.That(theirs!.InnerException?.Message, Does.Contain("Required property 'etag' not found"), "the oracle refuses");

        var ours = (EntityReference?)await OperationCalls.OursAsync(Ours(), FlowOperation.CreateConnection);

        Assert.That(ours!.Id, Is.EqualTo(Guid.Parse("2fce94c1-9a93-4971-8e94-c19a93097129")));
        Assert.That(ours.Etag, Is.Null);
    }
}
