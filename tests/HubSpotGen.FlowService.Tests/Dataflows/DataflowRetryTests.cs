using HubSpotGen.FlowService.Tests.Resilience;
using Newtonsoft.Json.Linq;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.FlowService.Tests.Dataflows;

/// <summary>
/// Retries that tell the truth, with retries on: a create is never repeated after its answer was lost (no
/// duplicate), a delete whose answer was lost and whose repeat finds nothing succeeded, and a change whose answer
/// was lost and whose repeat is refused as stale succeeded when the flow reads back changed.
/// </summary>
public sealed class DataflowRetryTests
{
    private static readonly string FlowPath = FlowServicePath + "/flows/" + FlowId;

    private readonly List<PlatformClients> _clients = [];

    private CapturedLogs Logs { get; } = new();

    [TearDown]
    public void DisposeClients() => _clients.ForEach(clients => clients.Dispose());

    [TearDown]
    public void NoLogLineCarriesASecret()
    {
        foreach (var line in Logs.Lines)
        {
            SecretAssert.ContainsNoSecret(line, "a log line");
        }
    }

    [Test]
    public void A_flow_create_whose_answer_was_lost_is_not_repeated_and_the_connections_are_deleted()
    {
        using var server = new ScriptedHttpServer(request => (request.Method, Path(request)) switch
        {
            ("GET", var path) when path.EndsWith("/explore", StringComparison.Ordinal) =>
                ScriptedAnswer.Json(200, request.PathAndQuery.Contains("objectType=root", StringComparison.Ordinal) ? ExploreRoot : ContactsTable),
            ("GET", var path) when path.StartsWith(CatalogPath, StringComparison.Ordinal) => ScriptedAnswer.Json(200, DataSet),
            ("POST", var path) when path.EndsWith("/sourceConnections", StringComparison.Ordinal) => ScriptedAnswer.Json(201, Created(SourceConnectionId)),
            ("POST", var path) when path.EndsWith("/targetConnections", StringComparison.Ordinal) => ScriptedAnswer.Json(201, Created(TargetConnectionId)),
            ("POST", var path) when path.EndsWith("/mappingSets", StringComparison.Ordinal) => ScriptedAnswer.Json(200, MappingSetCreated),
            ("GET", var path) when path.EndsWith("/flowSpecs", StringComparison.Ordinal) => ScriptedAnswer.Json(200, FlowSpecs()),
            ("POST", var path) when path.EndsWith("/flows", StringComparison.Ordinal) => ScriptedAnswer.DropConnection,
            ("DELETE", _) => new ScriptedAnswer(204),
            _ => ScriptedAnswer.Json(500, "{}"),
        });

        Assert.CatchAsync<Exception>(() => Dataflows(server).CreateAsync(ContactsRequest()));

        var lines = server.Received.Select(request => request.Method + " " + Path(request)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(lines.Count(line => line == "POST " + FlowServicePath + "/flows"), Is.EqualTo(1), "a create is not repeated after a lost answer");
            Assert.That(lines.TakeLast(2), Is.EqualTo(new[]
            {
                "DELETE " + FlowServicePath + "/targetConnections/" + TargetConnectionId,
                "DELETE " + FlowServicePath + "/sourceConnections/" + SourceConnectionId,
            }));
        });
    }

    [Test]
    public async Task A_delete_whose_answer_was_lost_is_a_success_when_the_repeat_finds_nothing()
    {
        var deleted = false;
        using var server = new ScriptedHttpServer(_ =>
        {
            if (!deleted)
            {
                deleted = true;
                return ScriptedAnswer.DropConnection;
            }

            return ScriptedAnswer.Json(404, NotFound);
        });

        await Dataflows(server).DeleteAsync(FlowId);

        Assert.That(server.Received.Select(request => request.Method + " " + Path(request)), Is.EqualTo(new[] { "DELETE " + FlowPath, "DELETE " + FlowPath }));
    }

    [Test]
    public void A_delete_answered_not_found_at_the_first_attempt_is_still_an_error()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedAnswer.Json(404, NotFound));

        var failure = Assert.CatchAsync<ApiException>(() => Dataflows(server).DeleteAsync(FlowId))!;

        Assert.That(failure.StatusCode, Is.EqualTo(404));
        Assert.That(server.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_rename_whose_answer_was_lost_succeeds_when_the_flow_reads_back_renamed()
    {
        var name = "old";
        var etag = Etag;
        using var server = new ScriptedHttpServer(request =>
        {
            if (request.Method == "PATCH")
            {
                if (request.Headers.TryGetValue("If-Match", out var ifMatch) && ifMatch == etag)
                {
                    name = (string)JArray.Parse(request.Body)[0]["value"]!;
                    etag = NewEtag;
                    return ScriptedAnswer.DropConnection;
                }

                return ScriptedAnswer.Json(412, StaleEtag);
            }

            return ScriptedAnswer.Json(200, Page(null, Flow(FlowId, name).Replace(Etag.Replace("\"", "\\\""), etag.Replace("\"", "\\\""))));
        });

        var renamed = await Dataflows(server).RenameAsync(FlowId, Etag, "new");

        Assert.Multiple(() =>
        {
            Assert.That(renamed.Etag, Is.EqualTo(NewEtag), "the etag the change made, read back");
            Assert.That(server.Received.Select(request => request.Method), Is.EqualTo(new[] { "PATCH", "PATCH", "GET" }));
        });
    }

    [Test]
    public void A_stale_refusal_of_a_repeat_is_still_stale_when_the_flow_reads_back_unchanged()
    {
        var first = true;
        using var server = new ScriptedHttpServer(request =>
        {
            if (request.Method == "PATCH")
            {
                if (first)
                {
                    first = false;
                    return ScriptedAnswer.DropConnection;
                }

                return ScriptedAnswer.Json(412, StaleEtag);
            }

            return ScriptedAnswer.Json(200, Page(null, Flow(FlowId, "someone else's name")));
        });

        Assert.ThrowsAsync<PreconditionFailedException>(() => Dataflows(server).RenameAsync(FlowId, Etag, "new"));
    }

    private static string Path(ScriptedRequest request) => request.PathAndQuery.Split('?')[0];

    private HubSpotDataflows Dataflows(ScriptedHttpServer server)
    {
        var options = FakePlatform.ScriptedOptions(server.Url);
        var clients = PlatformClients.Create(options, loggerFactory: Logs);
        _clients.Add(clients);
        return clients.Dataflows;
    }

    private static HubSpotDataflowRequest ContactsRequest() =>
        new(BaseConnectionId, "Hubspot.Contacts", DataSetId, [new FieldMapping("Properties_Firstname_Value", "person.name.firstName")])
        {
            Schedule = DataflowSchedule.Once(StartTime),
        };
}
