using HubSpotGen.FlowService.Models;
using Newtonsoft.Json.Linq;
using Oracle = HubSpotGen.NSwagReference;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>
/// Where the two clients read the same success answer differently on purpose: each test names one difference
/// and pins both sides.
/// </summary>
public sealed class IntendedResponseDifferenceTests : DifferentialFixture
{
    private static string ConnectionWith(Action<JObject> change)
    {
        var connection = (JObject)JsonAssert.Parse(RecordedAnswers.Connection);
        change(connection);
        return new JObject { ["items"] = new JArray(connection) }.ToString();
    }

    /// <summary>
    /// Optional members the answer leaves out: ours reads null (nullability follows the spec); NSwag's value-type
    /// members cannot be null and read 0 or an empty Guid, indistinguishable from a real 0.
    /// </summary>
    [Test]
    public async Task Absent_optional_numbers_and_ids_read_as_null_in_ours_and_as_defaults_in_NSwag()
    {
        Answer(new RecordedAnswer("200 sparse", 200, ConnectionWith(connection =>
        {
            connection.Remove("createdAt");
            connection.Remove("updatedAt");
        })));
        var (read, readByNSwag) = await ReadBothAsync(FlowOperation.GetConnection);
        var ours = (ConnectionList)read!;
        var theirs = (Oracle.ConnectionList)readByNSwag!;

        Server.Reset();
        Answer(new RecordedAnswer("200 spec without providerId", 200, RecordedAnswers.HubSpotSpec.Replace(
            "\"providerId\": \"0ed90a81-07f4-4586-8190-b40eccef1c5a\",", string.Empty, StringComparison.Ordinal)));
        var ourSpec = (ConnectionSpecList)(await OperationCalls.OursAsync(Ours(), FlowOperation.GetConnectionSpec))!;
        var theirSpec = (Oracle.ConnectionSpecList)(await OperationCalls.TheirsAsync(Theirs(), FlowOperation.GetConnectionSpec))!;

        Assert.Multiple(() =>
        {
            Assert.That((ours.Count, ours.Items![0].CreatedAt, ours.Items[0].UpdatedAt), Is.EqualTo(((long?)null, (long?)null, (long?)null)));
            Assert.That((theirs.Count, theirs.Items.Single().CreatedAt, theirs.Items.Single().UpdatedAt), Is.EqualTo((0L, 0L, 0L)));
            Assert.That(ourSpec.Items!.Single().ProviderId, Is.Null);
            Assert.That(theirSpec.Items.Single().ProviderId, Is.EqualTo(Guid.Empty));
        });
    }

    /// <summary>A state the spec does not list: ours keeps the text (the design tolerates unknown enum values); NSwag fails the call.</summary>
    [Test]
    public async Task An_unknown_state_is_read_by_ours_and_fails_the_call_in_NSwag()
    {
        Answer(new RecordedAnswer("200 unknown state", 200, ConnectionWith(connection => connection["state"] = "paused")));

        var ours = await OperationCalls.OursAsync(Ours(), FlowOperation.GetConnection);
        var theirs = Assert.ThrowsAsync<Oracle.ApiException>(() => OperationCalls.TheirsAsync(Theirs(), FlowOperation.GetConnection));

        Assert.Multiple(() =>
        {
            Assert.That(((ConnectionList)ours!).Items!.Single().State, Is.EqualTo(new ConnectionState("paused")));
            Assert.That(theirs!.StatusCode, Is.EqualTo(200));
            Assert.That(theirs.Message, Does.StartWith("Could not deserialize the response body stream as HubSpotGen.NSwagReference.ConnectionList."));
        });
    }

    /// <summary>
    /// A member the spec does not name: NSwag keeps it in AdditionalProperties on every model; ours has a place for
    /// extra members only where the schema says additionalProperties, so it is dropped. Known members read the same.
    /// </summary>
    [Test]
    public async Task An_unknown_member_is_kept_by_NSwag_and_dropped_by_ours()
    {
        Answer(new RecordedAnswer("200 extra member", 200, ConnectionWith(connection => connection["lastOperation"] = new JObject { ["status"] = "success" })));

        var (ours, theirs) = await ReadBothAsync(FlowOperation.GetConnection);

        AssertSameRead(ours, theirs, RecordedAnswers.OneConnection);
        var extra = ((Oracle.ConnectionList)theirs!).Items.Single().AdditionalProperties;
        Assert.That(JToken.FromObject(extra), Is.EqualTo(JToken.Parse("""{"lastOperation":{"status":"success"}}""")).Using<JToken>(JToken.DeepEquals));
    }

    /// <summary>
    /// Free-form JSON (explore results, auth params, attributes): ours never parses date-like strings, so the text
    /// stays as sent; NSwag's default settings turn them into dates, losing the original text and offset.
    /// </summary>
    [Test]
    public async Task A_date_like_string_in_free_form_json_stays_text_in_ours_and_becomes_a_date_in_NSwag()
    {
        const string sent = "2024-01-15T10:00:00.000+02:00";
        Answer(new RecordedAnswer("200 preview", 200, $$"""{"format":"flat","data":[{"lastmodifieddate":"{{sent}}"}]}"""));

        var ours = await Ours().ExploreConnectionAsync(SameArguments.ConnectionId, ObjectType.Table, @object: SameArguments.TablePath);
        var theirs = (JToken)await Theirs().ExploreConnectionAsync(null!, Oracle.ObjectType.Table, SameArguments.TablePath, SameArguments.ConnectionId);

        var ourValue = ours.SelectToken("data[0].lastmodifieddate")!;
        var theirValue = theirs.SelectToken("data[0].lastmodifieddate")!;
        Assert.Multiple(() =>
        {
            Assert.That((ourValue.Type, ourValue.Value<string>()), Is.EqualTo((JTokenType.String, sent)));
            Assert.That(theirValue.Type, Is.EqualTo(JTokenType.Date));
            Assert.That(((JValue)theirValue).Value, Is.InstanceOf<DateTime>());
        });
    }

    /// <summary>
    /// A 2xx the spec does not list for the operation: ours treats every 2xx as success; NSwag accepts only the
    /// documented status (201 for create, 202/204 for delete) and throws for the rest.
    /// </summary>
    [TestCase(FlowOperation.CreateConnection, 200, RecordedAnswers.Created)]
    [TestCase(FlowOperation.DeleteConnection, 200, null)]
    [TestCase(FlowOperation.GetConnectionSpec, 203, """{"items":[]}""")]
    public async Task An_undocumented_success_status_is_accepted_by_ours_and_refused_by_NSwag(FlowOperation operation, int status, string? body)
    {
        Answer(new RecordedAnswer(status + " undocumented", status, body));

        await OperationCalls.OursAsync(Ours(), operation);
        var theirs = Assert.ThrowsAsync<Oracle.ApiException>(() => OperationCalls.TheirsAsync(Theirs(), operation));

        Assert.That(theirs!.Message, Does.StartWith($"The HTTP status code of the response was not expected ({status})."));
    }
}
