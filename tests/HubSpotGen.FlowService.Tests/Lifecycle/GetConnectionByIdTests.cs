using HubSpotGen.FlowService.Models;

using static HubSpotGen.Testing.LifecycleAnswers;

namespace HubSpotGen.FlowService.Tests.Lifecycle;

/// <summary><see cref="HubSpotConnections.GetAsync"/>: the items envelope unwrapped, and null for a connection that is not there.</summary>
public sealed class GetConnectionByIdTests : LifecycleFixture
{
    [Test]
    public async Task Get_sends_a_get_to_the_connection_path_and_unwraps_the_envelope()
    {
        AnswerInTurn((200, Page(null, Connection(ConnectionId, "HubSpot base connection"))));

        var connection = await Connections().GetAsync(ConnectionId);

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo(ConnectionsPath + "/69f188b6-af07-4587-8061-e94d34637b41"));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);

            Assert.That(connection, Is.Not.Null);
            Assert.That(connection!.Id, Is.EqualTo(ConnectionId));
            Assert.That(connection.Name, Is.EqualTo("HubSpot base connection"));
            Assert.That(connection.Etag, Is.EqualTo(Etag));
            Assert.That(connection.State, Is.EqualTo(ConnectionState.Enabled));
            Assert.That(connection.Auth!.SpecName, Is.EqualTo(HubSpotConnectionSpec.AuthSpecName));
        });
    }

    [Test]
    public async Task A_404_is_null()
    {
        AnswerInTurn((404, NotFoundAnswer));

        Assert.That(await Connections().GetAsync(ConnectionId), Is.Null);
        Assert.That(Requests(), Has.Count.EqualTo(1));
    }

    [TestCase("""{ "items": [] }""", TestName = "Empty items is null")]
    [TestCase("""{ }""", TestName = "No items is null")]
    public async Task An_envelope_without_a_connection_is_null_not_an_index_error(string answer)
    {
        AnswerInTurn((200, answer));

        Assert.That(await Connections().GetAsync(ConnectionId), Is.Null);
    }

    [Test]
    public async Task Of_several_items_the_one_with_the_requested_id_is_returned()
    {
        var other = Guid.Parse("2fce94c1-9a93-4971-8e94-c19a93097129");
        AnswerInTurn((200, Page(null, Connection(other, "other"), Connection(ConnectionId, "wanted"))));

        var connection = await Connections().GetAsync(ConnectionId);

        Assert.That(connection?.Name, Is.EqualTo("wanted"));
    }

    [Test]
    public async Task The_short_not_found_body_is_null_too()
    {
        AnswerInTurn((404, $$"""{ "errorMessage": "connections not found with id = [{{ConnectionId}}]", "errorDetails": "connections not found with id = [{{ConnectionId}}]" }"""));

        Assert.That(await Connections().GetAsync(ConnectionId), Is.Null);
    }

    // A 404 that does not come from Flow Service says nothing about the connection: a wrong base path, a gateway's page.
    [TestCase("<html><body>Not Found</body></html>", TestName = "A 404 HTML page is thrown")]
    [TestCase("""{ "status": 404, "title": "Not Found" }""", TestName = "A 404 without a Flow Service code is thrown")]
    [TestCase(null, TestName = "A 404 without a body is thrown")]
    public void A_404_that_is_not_flow_services_not_found_is_thrown(string? body)
    {
        AnswerInTurn((404, body));

        var exception = Assert.CatchAsync<ApiException>(() => Connections().GetAsync(ConnectionId))!;

        Assert.That(exception.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public void An_envelope_holding_only_other_connections_is_thrown_not_handed_back()
    {
        var other = Guid.Parse("2fce94c1-9a93-4971-8e94-c19a93097129");
        AnswerInTurn((200, Page(null, Connection(other, "other"))));

        var exception = Assert.CatchAsync<ApiException>(() => Connections().GetAsync(ConnectionId))!;

        Assert.That(exception.Message, Is.EqualTo("GET /connections/{connectionId} answered 200 with 1 connection(s), none of them with the id asked for."));
    }

    // A wrong sandbox name is a configuration error, not "no such connection".
    [Test]
    public void A_404_for_a_missing_sandbox_is_still_thrown()
    {
        AnswerInTurn((404, """
            { "type": "https://ns.adobe.com/aep/errors/FLOW-2100-404", "title": "Sandbox not found", "status": 404 }
            """));

        var exception = Assert.CatchAsync<ApiException>(() => Connections().GetAsync(ConnectionId))!;

        Assert.That(exception.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public void Another_error_is_thrown()
    {
        AnswerInTurn((403, """{ "error_code": "403010", "message": "Oauth token is missing." }"""));

        var exception = Assert.CatchAsync<ApiException>(() => Connections().GetAsync(ConnectionId))!;

        Assert.That(exception.StatusCode, Is.EqualTo(403));
    }

    [Test]
    public void An_empty_id_is_refused_before_anything_is_sent()
    {
        var exception = Assert.CatchAsync<ArgumentException>(() => Connections().GetAsync(Guid.Empty))!;

        Assert.That(exception.ParamName, Is.EqualTo("id"));
        AssertNothingWasSent();
    }
}
