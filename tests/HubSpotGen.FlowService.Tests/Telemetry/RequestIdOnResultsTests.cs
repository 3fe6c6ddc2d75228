using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.FlowService.Tests.Telemetry;

/// <summary>Successful creates hand back the service's request id, the one Adobe support asks for.</summary>
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
}
