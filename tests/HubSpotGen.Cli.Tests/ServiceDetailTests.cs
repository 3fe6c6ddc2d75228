using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static HubSpotGen.Cli.Tests.CliAnswers;

namespace HubSpotGen.Cli.Tests;

/// <summary>The error line carries what the service said about the failure, still on one line and without a secret.</summary>
public sealed class ServiceDetailTests : StubServerFixture
{
    private const string RequestId = "detail-request-id";

    [Test]
    public async Task The_line_carries_the_detail_between_the_title_and_the_request_id()
    {
        Answer(400, """{ "type": "https://ns.adobe.com/aep/errors/FLOW-1103-400", "title": "Bad request", "status": 400, "detail": "The name must be 1 to 128 characters." }""");

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "create-hubspot", "--name", "X");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"error: Flow Service answered 400: FLOW-1103-400: Bad request: The name must be 1 to 128 characters. (request id {RequestId})",
        }));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task The_reports_detailed_message_counts_as_detail_too()
    {
        Answer(404, """{ "type": "https://ns.adobe.com/aep/errors/FLOW-1101-404", "title": "Resource not found", "report": { "detailed-message": "No connection with that id in this sandbox." } }""");

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "delete", ConnectionId);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"error: Flow Service answered 404: FLOW-1101-404: Resource not found: No connection with that id in this sandbox. (request id {RequestId})",
        }));
    }

    [Test]
    public async Task A_detail_that_echoes_the_credentials_sent_is_masked()
    {
        // A service that quotes the request back: the HubSpot secret, the refresh token and the bearer token.
        Answer(400, $$"""
            { "type": "https://ns.adobe.com/aep/errors/FLOW-1103-400", "title": "Bad request",
              "detail": "clientSecret {{FakePlatform.HubSpotClientSecret}} and refreshToken {{FakePlatform.HubSpotRefreshToken}} were refused for Bearer {{FakePlatform.BearerToken}}" }
            """);

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "create-hubspot", "--name", "X");

        // CliRun itself fails the test on any secret in stdout or stderr; the line says what it could.
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"error: Flow Service answered 400: FLOW-1103-400: Bad request: clientSecret *** and refreshToken *** were refused for Bearer *** (request id {RequestId})",
        }));
    }

    [Test]
    public async Task A_token_that_is_not_ours_after_the_word_bearer_is_masked_too()
    {
        Answer(401, """{ "error_code": "401013", "message": "Oauth token is not valid", "detail": "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.someone-elses-token rejected" }""");

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[]
        {
            $"error: Flow Service answered 401: 401013: Oauth token is not valid: Authorization: Bearer *** rejected (request id {RequestId})",
        }));
    }

    [Test]
    public async Task A_detail_over_several_lines_and_very_long_stays_one_cut_line()
    {
        var detail = "first line\\nsecond line\\r\\n" + new string('x', 400);
        Answer(400, $$"""{ "type": "https://ns.adobe.com/aep/errors/FLOW-1103-400", "title": "Bad request", "detail": "{{detail}}" }""");

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1), run.Error);
        var expectedDetail = ("first line second line  " + new string('x', 400))[..300] + "…";
        Assert.That(run.ErrorLines[0], Is.EqualTo($"error: Flow Service answered 400: FLOW-1103-400: Bad request: {expectedDetail} (request id {RequestId})"));
    }

    [Test]
    public async Task Flow_services_error_message_is_the_detail_when_there_is_no_other()
    {
        Answer(412, StaleEtagAnswer);

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "update-hubspot", ConnectionId, "--etag", Etag, "--name", "X");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(
            run.ErrorLines[0],
            Does.StartWith($"error: Flow Service answered 412: FLOW-1404-412: Precondition failed: Supplied version=[{Etag}] does not match the current version (request id {RequestId}): etag {Etag} is stale"));
    }

    [Test]
    public async Task A_gateway_error_whose_message_is_the_title_does_not_repeat_it()
    {
        Answer(403, """{ "error_code": "403003", "message": "Api Key is invalid" }""");

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "connections", "list");

        Assert.That(run.ErrorLines, Is.EqualTo(new[] { $"error: Flow Service answered 403: 403003: Api Key is invalid (request id {RequestId})" }));
    }

    private void Answer(int status, string body) =>
        Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("x-request-id", RequestId).WithBody(body));
}
