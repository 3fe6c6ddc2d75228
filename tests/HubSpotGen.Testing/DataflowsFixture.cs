using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.Testing;

/// <summary>
/// One stub server playing Flow Service, Catalog and Data Prep at their base paths, and the facade built the way a
/// user builds it: options with only the Flow Service address, <see cref="PlatformClients.Create"/>.
/// </summary>
public abstract class DataflowsFixture : StubServerFixture
{
    /// <summary>The headers every read carries: the Platform identity headers and the JSON Accept.</summary>
    protected static readonly string[] ReadHeaders = ["Authorization", "x-api-key", "x-gw-ims-org-id", "x-sandbox-name", "Accept"];

    /// <summary>The headers a request with a JSON body carries.</summary>
    protected static readonly string[] BodyHeaders = [.. ReadHeaders, "Content-Type"];

    private readonly List<PlatformClients> _clients = [];

    /// <summary>A priority below the chain's, so a test's own answer for a step wins over the default one.</summary>
    protected const int Override = 1;

    private const int Default = 10;

    [TearDown]
    public void DisposePlatformClients()
    {
        foreach (var clients in _clients)
        {
            clients.Dispose();
        }

        _clients.Clear();
    }

    protected HubSpotDataflows Dataflows()
    {
        var clients = PlatformClients.Create(FakePlatform.Options(BaseAddress));
        _clients.Add(clients);
        return clients.Dataflows;
    }

    /// <summary>Answers <paramref name="method"/> on <paramref name="path"/> (and, when given, <c>objectType</c>) with the status and JSON body.</summary>
    protected void Answer(string method, string path, int status, string? body = null, string? objectType = null, int priority = Default)
    {
        var request = Request.Create().WithPath(path).UsingMethod(method);
        if (objectType is not null)
        {
            request = request.WithParam("objectType", objectType);
        }

        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        Server.Given(request).AtPriority(priority).RespondWith(response);
    }

    /// <summary>Answers <paramref name="method"/> on <paramref name="path"/> with each answer in turn, the last one from then on.</summary>
    protected void AnswerInTurn(string method, string path, params (int Status, string Body)[] answers)
    {
        var scenario = method + " " + path + " " + Guid.NewGuid().ToString("N");
        for (var index = 0; index < answers.Length; index++)
        {
            var (status, body) = answers[index];
            var mapping = Server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(Override).InScenario(scenario);
            if (index > 0)
            {
                mapping = mapping.WhenStateIs("answer " + index);
            }

            if (index < answers.Length - 1)
            {
                mapping = mapping.WillSetStateTo("answer " + (index + 1));
            }

            mapping.RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
        }
    }

    /// <summary>Every step of a successful create answered as documented.</summary>
    protected void AnswerCreateChain(string? table = null)
    {
        var connection = FlowServicePath + "/connections/" + BaseConnectionId + "/explore";
        Answer("GET", connection, 200, ExploreRoot, objectType: "root");
        Answer("GET", connection, 200, table ?? ContactsTable, objectType: "table");
        Answer("GET", CatalogPath + "/dataSets/" + DataSetId, 200, DataSet);
        Answer("POST", FlowServicePath + "/sourceConnections", 201, Created(SourceConnectionId));
        Answer("POST", FlowServicePath + "/targetConnections", 201, Created(TargetConnectionId));
        Answer("POST", DataPrepPath + "/mappingSets", 200, MappingSetCreated);
        Answer("GET", FlowServicePath + "/flowSpecs", 200, FlowSpecs());
        Answer("POST", FlowServicePath + "/flows", 201, FlowCreated);
        Answer("DELETE", FlowServicePath + "/sourceConnections/" + SourceConnectionId, 204);
        Answer("DELETE", FlowServicePath + "/targetConnections/" + TargetConnectionId, 204);
    }

    /// <summary>The requests that reached the server, oldest first.</summary>
    protected IReadOnlyList<IRequestMessage> Requests() =>
        Server.LogEntries.OrderBy(entry => entry.RequestMessage.DateTime).Select(entry => entry.RequestMessage).ToList();

    /// <summary>The requests as <c>METHOD path?query</c> lines, oldest first.</summary>
    protected IReadOnlyList<string> RequestLines() =>
        Requests().Select(request => request.Method + " " + request.AbsolutePath + (request.RawQuery ?? "")).ToList();

    /// <summary>A valid request for the documented Contacts table, scheduled once at <see cref="StartTime"/>.</summary>
    protected static HubSpotDataflowRequest ContactsRequest() =>
        new(BaseConnectionId, "Hubspot.Contacts", DataSetId,
            [new FieldMapping("Properties_Firstname_Value", "person.name.firstName"), new FieldMapping("Properties_Lastname_Value", "person.name.lastName")])
        {
            Schedule = DataflowSchedule.Once(StartTime),
            Name = "HubSpot contacts",
            Description = "HubSpot contacts into Platform",
        };

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
