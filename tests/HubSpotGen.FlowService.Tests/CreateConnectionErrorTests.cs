using HubSpotGen.FlowService.Models;


namespace HubSpotGen.FlowService.Tests;

/// <summary>
/// Error answers of a create, in the shapes Platform really sends: Flow Service's FLOW-xxxx body, the gateway's
/// error_code body (as a string and as a number), and a proxy's HTML page.
/// </summary>
public sealed class CreateConnectionErrorTests : StubServerFixture
{
    private const string FlowServiceInvalidSpecBody = """
        {
          "type": "https://ns.adobe.com/aep/errors/FLOW-1413-400",
          "title": "Invalid spec id",
          "status": 400,
          "report": {
            "detailed-message": "The connection spec id is not valid.",
            "request-id": "test-request-id",
            "type": "connections"
          },
          "errorMessage": "The connection spec id is not valid.",
          "errorDetails": "The connection spec id is not valid."
        }
        """;

    private const string BadGatewayPage =
        "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";

    [Test]
    public void A_flow_service_error_is_read_into_code_and_summary()
    {
        AnswerEveryRequest(400, FlowServiceInvalidSpecBody);

        var exception = Assert.ThrowsAsync<ApiException<ErrorResponse>>(CreateAsync)!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(400));
            Assert.That(exception.Error, Is.Not.Null, "the typed error body");
            Assert.That(exception.Error?.Code, Is.EqualTo("FLOW-1413-400"));
            Assert.That(exception.Error?.Summary, Is.EqualTo("Invalid spec id"));
            Assert.That(exception.Error?.Status, Is.EqualTo(400));
            Assert.That(exception.Error?.Report?.RequestId, Is.EqualTo("test-request-id"));
            JsonAssert.AreEquivalent(FlowServiceInvalidSpecBody, exception.ResponseBody);
            SecretAssert.ExceptionContainsNoSecret(exception);
        });
    }

    // Adobe's own examples show error_code both ways; a number must not lose the typed view.
    [TestCase("""{"error_code":"401013","message":"Oauth token is not valid"}""", TestName = "Gateway error_code as a string")]
    [TestCase("""{"error_code":401013,"message":"Oauth token is not valid"}""", TestName = "Gateway error_code as a number")]
    public void A_gateway_error_is_read_into_code_and_summary(string body)
    {
        AnswerEveryRequest(401, body);

        var exception = Assert.ThrowsAsync<ApiException<ErrorResponse>>(CreateAsync)!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(401));
            Assert.That(exception.Error, Is.Not.Null, "the typed error body");
            Assert.That(exception.Error?.Code, Is.EqualTo("401013"));
            Assert.That(exception.Error?.Summary, Is.EqualTo("Oauth token is not valid"));
            SecretAssert.ExceptionContainsNoSecret(exception);
        });
    }

    [Test]
    public void An_html_error_page_still_makes_an_api_exception()
    {
        AnswerEveryRequest(502, BadGatewayPage, contentType: "text/html");

        var exception = Assert.CatchAsync<ApiException>(CreateAsync)!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(502));
            Assert.That(exception.ResponseBody, Does.StartWith("<html><head><title>502 Bad Gateway</title>"));
            Assert.That(exception.Message, Does.Contain("502"), "the message should say what the service answered");
            SecretAssert.ExceptionContainsNoSecret(exception);
        });
    }

    [Test]
    public void An_html_page_under_a_documented_status_keeps_the_body_without_a_typed_error()
    {
        // A gateway in front of Flow Service may answer 503 with its own page instead of JSON.
        AnswerEveryRequest(503, BadGatewayPage, contentType: "text/html");

        // 503 is a documented error status, so the exception is the typed one, only without a typed view.
        var exception = Assert.ThrowsAsync<ApiException<ErrorResponse>>(CreateAsync)!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.StatusCode, Is.EqualTo(503));
            Assert.That(exception.ResponseBody, Is.EqualTo(BadGatewayPage));
            Assert.That(exception.Error, Is.Null, "an HTML page has no typed error view");
        });
    }

    [Test]
    public void A_huge_error_body_is_kept_only_up_to_its_documented_start()
    {
        // ResponseBody promises at most 8192 characters, so an exception never holds a whole large page.
        var page = "<html>" + new string('x', 20_000) + "</html>";
        AnswerEveryRequest(502, page, contentType: "text/html");

        var exception = Assert.CatchAsync<ApiException>(CreateAsync)!;

        Assert.That(exception.ResponseBody, Is.EqualTo(page[..8192]));
    }

    private Task CreateAsync() =>
        new HubSpotConnections(CreateClient()).CreateAsync("HubSpot base connection", FakePlatform.Credentials(), "optional text");
}
