using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>
/// A retry never turns a success into a reported failure. Each stand-in applies the change, then drops the
/// connection without answering, so the client repeats a request the service already acted on.
/// </summary>
public sealed class TruthfulRetryTests
{
    private static readonly Guid Id = Guid.Parse("69f188b6-af07-4587-8061-e94d34637b41");
    private const string Etag0 = "\"etag-0\"";
    private const string Etag1 = "\"etag-1\"";

    private readonly List<HttpClient> _clients = [];

    private CapturedLogs Logs { get; } = new();

    [TearDown]
    public void DisposeClients() => _clients.ForEach(client => client.Dispose());

    [TearDown]
    public void NoLogLineCarriesASecret()
    {
        foreach (var line in Logs.Lines)
        {
            SecretAssert.ContainsNoSecret(line, "a log line");
        }
    }

    [Test]
    public async Task A_delete_whose_answer_was_lost_is_a_success_when_the_repeat_finds_nothing()
    {
        var deleted = false;
        using var server = new ScriptedHttpServer(request =>
        {
            if (!deleted)
            {
                deleted = true;
                return ScriptedAnswer.DropConnection;
            }

            return NotFound();
        });

        await Connections(server).DeleteAsync(Id);

        Assert.That(server.Received.Select(request => request.Method + " " + request.PathAndQuery), Is.EqualTo(new[]
        {
            "DELETE " + FakePlatform.BasePath + "/connections/" + Id,
            "DELETE " + FakePlatform.BasePath + "/connections/" + Id,
        }));
    }

    [Test]
    public void A_delete_answered_not_found_at_the_first_attempt_is_still_an_error()
    {
        using var server = new ScriptedHttpServer(_ => NotFound());

        var failure = Assert.CatchAsync<ApiException>(() => Connections(server).DeleteAsync(Id))!;

        Assert.That(failure.StatusCode, Is.EqualTo(404));
        Assert.That(server.Received, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_lost_delete_answer_then_a_404_that_is_not_flow_services_is_still_an_error()
    {
        var first = true;
        using var server = new ScriptedHttpServer(_ =>
        {
            if (first)
            {
                first = false;
                return ScriptedAnswer.DropConnection;
            }

            return new ScriptedAnswer(404, "<html>no such route</html>", new Dictionary<string, string> { ["Content-Type"] = "text/html" });
        });

        var failure = Assert.CatchAsync<ApiException>(() => Connections(server).DeleteAsync(Id))!;

        Assert.That(failure.StatusCode, Is.EqualTo(404));
        Assert.That(server.Received, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_rename_whose_answer_was_lost_succeeds_with_the_current_etag_when_the_connection_holds_the_new_name()
    {
        var connection = new StoredConnection();
        using var server = new ScriptedHttpServer(connection.ApplyThenDropFirstPatch);

        var renamed = await Connections(server).RenameAsync(Id, Etag0, "New name");

        Assert.That(renamed.Id, Is.EqualTo(Id));
        Assert.That(renamed.Etag, Is.EqualTo(Etag1));
        Assert.That(server.Received.Select(request => request.Method), Is.EqualTo(new[] { "PATCH", "PATCH", "GET" }));
        Assert.That(server.Received.Take(2).Select(request => request.Headers["If-Match"]), Is.All.EqualTo(Etag0));
    }

    [Test]
    public async Task A_description_change_whose_answer_was_lost_succeeds_when_the_description_holds()
    {
        var connection = new StoredConnection();
        using var server = new ScriptedHttpServer(connection.ApplyThenDropFirstPatch);

        var changed = await Connections(server).UpdateDescriptionAsync(Id, Etag0, "now described");

        Assert.That(changed.Etag, Is.EqualTo(Etag1));
        JsonAssert.AreEquivalent("""[{ "op": "add", "path": "/description", "value": "now described" }]""", server.Received[0].Body);
    }

    [Test]
    public void A_rename_refused_as_stale_at_the_first_attempt_is_a_precondition_failure_and_nothing_is_read()
    {
        using var server = new ScriptedHttpServer(_ => Stale());

        var failure = Assert.ThrowsAsync<PreconditionFailedException>(() => Connections(server).RenameAsync(Id, Etag0, "New name"))!;

        Assert.That(failure.SuppliedEtag, Is.EqualTo(Etag0));
        Assert.That(server.Received.Select(request => request.Method), Is.EqualTo(new[] { "PATCH" }));
    }

    [Test]
    public void A_rename_whose_answer_was_lost_is_stale_when_someone_else_renamed_it()
    {
        var connection = new StoredConnection { NameAfterPatch = "Someone else's name" };
        using var server = new ScriptedHttpServer(connection.ApplyThenDropFirstPatch);

        Assert.ThrowsAsync<PreconditionFailedException>(() => Connections(server).RenameAsync(Id, Etag0, "New name"));
        Assert.That(server.Received.Select(request => request.Method), Is.EqualTo(new[] { "PATCH", "PATCH", "GET" }));
    }

    [Test]
    public void A_credentials_change_whose_answer_was_lost_may_have_been_applied_and_says_so_with_the_current_etag()
    {
        var connection = new StoredConnection();
        using var server = new ScriptedHttpServer(connection.ApplyThenDropFirstPatch);

        var failure = Assert.ThrowsAsync<ChangeOutcomeUnknownException>(() => Connections(server).UpdateCredentialsAsync(Id, Etag0, FakePlatform.Credentials()))!;

        Assert.Multiple(() =>
        {
            Assert.That(failure, Is.Not.InstanceOf<PreconditionFailedException>());
            Assert.That(failure.ConnectionId, Is.EqualTo(Id));
            Assert.That(failure.SuppliedEtag, Is.EqualTo(Etag0));
            Assert.That(failure.CurrentEtag, Is.EqualTo(Etag1));
            Assert.That(failure.Message, Does.Contain("may have been changed").And.Contain(Etag1));
            SecretAssert.ContainsNoSecret(failure.ToString(), "the exception");
        });
    }

    private HubSpotConnections Connections(ScriptedHttpServer server)
    {
        var options = FakePlatform.ScriptedOptions(server.Url);
        var http = PlatformHttpClient.Create(options, loggerFactory: Logs);
        _clients.Add(http);
        return new HubSpotConnections(new FlowServiceClient(http));
    }

    private static ScriptedAnswer NotFound() => ScriptedAnswer.Json(404, $$"""
        { "type": "https://ns.adobe.com/aep/errors/FLOW-1101-404", "title": "Resource not found", "status": 404,
          "report": { "detailed-message": "connections not found with id = [{{Id}}]" } }
        """);

    private static ScriptedAnswer Stale() => ScriptedAnswer.Json(412, """
        { "type": "https://ns.adobe.com/aep/errors/FLOW-1404-412", "title": "Precondition failed", "status": 412 }
        """);

    /// <summary>A connection that takes the first PATCH (applying it, as the service would) and drops its answer.</summary>
    private sealed class StoredConnection
    {
        private string _etag = Etag0;
        private string _name = "Old name";
        private string? _description;

        /// <summary>When set, what the name is after the first PATCH, as if someone else's change came in between.</summary>
        public string? NameAfterPatch { get; init; }

        public ScriptedAnswer ApplyThenDropFirstPatch(ScriptedRequest request)
        {
            lock (this)
            {
                if (request.Method == "GET")
                {
                    var connection = new JObject
                    {
                        ["id"] = Id.ToString(),
                        ["name"] = _name,
                        ["connectionSpec"] = new JObject { ["id"] = HubSpotConnectionSpec.Id, ["version"] = "1.0" },
                        ["state"] = "enabled",
                        ["etag"] = _etag,
                    };
                    if (_description is not null)
                    {
                        connection["description"] = _description;
                    }

                    return ScriptedAnswer.Json(200, new JObject { ["items"] = new JArray(connection) }.ToString());
                }

                if (request.Headers["If-Match"] != _etag)
                {
                    return Stale();
                }

                foreach (var operation in JArray.Parse(request.Body))
                {
                    switch ((string?)operation["path"])
                    {
                        case "/name":
                            _name = (string)operation["value"]!;
                            break;
                        case "/description":
                            _description = (string)operation["value"]!;
                            break;
                    }
                }

                _name = NameAfterPatch ?? _name;
                _etag = Etag1;
                return ScriptedAnswer.DropConnection;
            }
        }
    }
}
