using Newtonsoft.Json.Linq;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.FlowService.Tests.Telemetry;

/// <summary>
/// Successful creates, changes and run starts hand back the service's request id, the one Adobe support asks for:
/// that of the answer that settled the call, not of a read before it.
/// </summary>
public sealed class RequestIdOnResultsTests : DataflowsFixture
{
    [Test]
    public async Task A_created_connection_carries_the_request_id_of_its_answer()
    {
        Server.Given(Request.Create().WithPath(DocumentedAnswers.ConnectionsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithHeader("x-request-id", "req-7f3a")
                .WithBody("""{ "id": "2fce94c1-9a93-4971-8e94-c19a93097129", "etag": "\"d403848a-0000-0200-0000-5e978f7b0000\"" }"""));

        var created = await new HubSpotConnections(CreateClient()).CreateAsync("HubSpot base connection", FakePlatform.Credentials());

        Assert.That(created, Is.EqualTo(new CreatedConnection(Guid.Parse("2fce94c1-9a93-4971-8e94-c19a93097129"), "\"d403848a-0000-0200-0000-5e978f7b0000\"") { RequestId = "req-7f3a" }));
    }

    [Test]
    public async Task A_created_connection_without_a_request_id_has_none()
    {
        Server.Given(Request.Create().WithPath(DocumentedAnswers.ConnectionsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("""{ "id": "2fce94c1-9a93-4971-8e94-c19a93097129", "etag": "\"e1\"" }"""));

        var created = await new HubSpotConnections(CreateClient()).CreateAsync("HubSpot base connection", FakePlatform.Credentials());

        Assert.That(created.RequestId, Is.Null);
    }

    [Test]
    public async Task A_created_dataflow_carries_the_request_id_of_the_flows_creation_not_of_a_step_before_it()
    {
        AnswerCreateChain();
        Server.Given(Request.Create().WithPath(FlowServicePath + "/targetConnections").UsingPost()).AtPriority(Override)
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithHeader("x-request-id", "req-target")
                .WithBody(Created(TargetConnectionId)));
        Server.Given(Request.Create().WithPath(FlowServicePath + "/flows").UsingPost()).AtPriority(Override)
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithHeader("x-request-id", "req-flow")
                .WithBody(FlowCreated));

        var created = await Dataflows().CreateAsync(ContactsRequest());

        Assert.Multiple(() =>
        {
            Assert.That(created.RequestId, Is.EqualTo("req-flow"));
            Assert.That(created.FlowId, Is.EqualTo(FlowId));
        });
    }

    private static readonly string FlowPath = FlowServicePath + "/flows/" + FlowId;

    /// <summary>The etag <see cref="Flow"/> answers carry, as a read back sees it.</summary>
    private const string ReadBackFlowEtag = "\"6802064a-0000-0200-0000-6387c6b90000\"";

    private readonly List<PlatformClients> _scriptedClients = [];

    [TearDown]
    public void DisposeScriptedClients() => _scriptedClients.ForEach(client => client.Dispose());

    [Test]
    public async Task A_connection_change_carries_the_request_id_of_the_patch_answer()
    {
        Server.Given(Request.Create().WithPath(DocumentedAnswers.ConnectionsPath + "/" + BaseConnectionId).UsingPatch())
            .RespondWith(JsonAnswer(200, "req-conn-patch", EntityReferenceJson(BaseConnectionId, NewEtag)));

        var renamed = await new HubSpotConnections(CreateClient()).RenameAsync(BaseConnectionId, Etag, "HubSpot (renamed)");

        Assert.That(renamed, Is.EqualTo(new UpdatedEntity(BaseConnectionId, NewEtag) { RequestId = "req-conn-patch" }));
    }

    [Test]
    public async Task A_dataflow_change_carries_the_request_id_of_the_patch_answer_not_of_the_read_before_it()
    {
        Server.Given(Request.Create().WithPath(FlowPath).UsingGet()).RespondWith(JsonAnswer(200, "req-flow-read", Page(null, Flow(FlowId))));
        Server.Given(Request.Create().WithPath(FlowPath).UsingPatch()).RespondWith(JsonAnswer(200, "req-flow-patch", EntityReferenceJson(FlowId, NewEtag)));

        var updated = await Dataflows().UpdateScheduleAsync(FlowId, Etag, DataflowSchedule.Every(DataflowFrequency.Hour, 2, StartTime));

        Assert.That(updated, Is.EqualTo(new UpdatedEntity(FlowId, NewEtag) { RequestId = "req-flow-patch" }));
    }

    [Test]
    public async Task A_started_run_carries_the_request_id_of_its_creation()
    {
        Server.Given(Request.Create().WithPath(FlowServicePath + "/runs").UsingPost()).RespondWith(JsonAnswer(201, "req-run", EntityReferenceJson(FirstRunId, NewEtag)));

        var run = await Dataflows().StartRunAsync(FlowId, StartTime, StartTime.AddHours(1), "Added_At");

        Assert.That(run, Is.EqualTo(new StartedRun(FirstRunId, NewEtag) { RequestId = "req-run" }));
    }

    [Test]
    public async Task A_connection_change_confirmed_by_reading_it_back_carries_the_request_id_of_the_read()
    {
        var patches = 0;
        using var server = new ScriptedHttpServer(request =>
        {
            if (request.Method == "GET")
            {
                var connection = new JObject
                {
                    ["id"] = BaseConnectionId.ToString(),
                    ["name"] = "HubSpot (renamed)",
                    ["connectionSpec"] = new JObject { ["id"] = HubSpotConnectionSpec.Id, ["version"] = "1.0" },
                    ["state"] = "enabled",
                    ["etag"] = NewEtag,
                };
                return ScriptedJson(200, "req-conn-read", new JObject { ["items"] = new JArray(connection) }.ToString());
            }

            // The first PATCH is applied and its answer lost; the repeat then meets the etag that change made.
            return patches++ == 0 ? ScriptedAnswer.DropConnection : ScriptedJson(412, "req-conn-stale", StaleEtag);
        });

        var renamed = await Scripted(server).Connections.RenameAsync(BaseConnectionId, Etag, "HubSpot (renamed)");

        Assert.Multiple(() =>
        {
            Assert.That(renamed, Is.EqualTo(new UpdatedEntity(BaseConnectionId, NewEtag) { RequestId = "req-conn-read" }));
            Assert.That(server.Received.Select(request => request.Method), Is.EqualTo(new[] { "PATCH", "PATCH", "GET" }));
        });
    }

    [Test]
    public async Task A_dataflow_change_confirmed_by_a_read_that_names_no_request_id_has_none()
    {
        var patches = 0;
        using var server = new ScriptedHttpServer(request =>
            request.Method == "GET" ? ScriptedAnswer.Json(200, Page(null, Flow(FlowId)))
            : patches++ == 0 ? ScriptedAnswer.DropConnection
            : ScriptedJson(412, "req-flow-stale", StaleEtag));

        var renamed = await Scripted(server).Dataflows.RenameAsync(FlowId, Etag, "HubSpot contacts");

        Assert.Multiple(() =>
        {
            Assert.That(renamed, Is.EqualTo(new UpdatedEntity(FlowId, ReadBackFlowEtag) { RequestId = null }), "the stale refusal's id is not the success's");
            Assert.That(server.Received.Select(request => request.Method), Is.EqualTo(new[] { "PATCH", "PATCH", "GET" }));
        });
    }

    private static IResponseBuilder JsonAnswer(int status, string requestId, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("x-request-id", requestId).WithBody(body);

    private static string EntityReferenceJson(Guid id, string etag) => new JObject { ["id"] = id.ToString(), ["etag"] = etag }.ToString();

    private static ScriptedAnswer ScriptedJson(int status, string requestId, string body) =>
        new(status, body, new Dictionary<string, string> { ["Content-Type"] = "application/json", ["x-request-id"] = requestId });

    /// <summary>The facades over <paramref name="server"/>, with quick retries so a dropped answer is repeated at once.</summary>
    private PlatformClients Scripted(ScriptedHttpServer server)
    {
        var options = FakePlatform.ScriptedOptions(server.Url);
        var clients = PlatformClients.Create(options);
        _scriptedClients.Add(clients);
        return clients;
    }
}
