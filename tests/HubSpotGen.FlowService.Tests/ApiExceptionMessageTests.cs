using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests;

/// <summary>An error's message carries method, path, status, the service's code and title, and the request id: what a log line needs.</summary>
public sealed class ApiExceptionMessageTests : StubServerFixture
{
    [Test]
    public void A_flow_service_error_message_carries_the_code_title_and_request_id()
    {
        Answer(400, """{ "type": "https://ns.adobe.com/aep/errors/FLOW-1401-400", "title": "Bad request", "status": 400 }""", requestId: "req-123");

        var failure = Assert.CatchAsync<ApiException>(() => CreateClient().ListConnectionsAsync())!;

        Assert.That(failure.Message, Is.EqualTo("GET /connections answered 400 (Bad Request): FLOW-1401-400 Bad request; request id req-123."));
    }

    [Test]
    public void A_gateway_error_message_carries_its_code_and_message()
    {
        Answer(403, """{ "error_code": "403010", "message": "Oauth token is missing." }""", requestId: null);

        var failure = Assert.CatchAsync<ApiException>(() => CreateClient().ListConnectionsAsync())!;

        Assert.That(failure.Message, Is.EqualTo("GET /connections answered 403 (Forbidden): 403010 Oauth token is missing."));
    }

    [Test]
    public void An_error_without_facts_keeps_the_plain_message()
    {
        Answer(500, "<html>oops</html>", requestId: null, contentType: "text/html");

        var failure = Assert.CatchAsync<ApiException>(() => CreateClient().ListConnectionsAsync())!;

        Assert.That(failure.Message, Is.EqualTo("GET /connections answered 500 (Internal Server Error)."));
    }

    [Test]
    public void A_create_refusal_message_holds_no_secret()
    {
        Answer(400, """{ "type": "https://ns.adobe.com/aep/errors/FLOW-1415-400", "title": "Auth spec not found", "status": 400 }""", requestId: "req-9");

        var failure = Assert.CatchAsync<ApiException>(() => new HubSpotConnections(CreateClient()).CreateAsync("x", FakePlatform.Credentials()))!;

        Assert.That(failure.Message, Is.EqualTo("POST /connections answered 400 (Bad Request): FLOW-1415-400 Auth spec not found; request id req-9."));
        SecretAssert.ExceptionContainsNoSecret(failure);
    }

    private void Answer(int status, string body, string? requestId, string contentType = "application/json")
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        if (requestId is not null)
        {
            response = response.WithHeader("x-request-id", requestId);
        }

        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
    }
}
