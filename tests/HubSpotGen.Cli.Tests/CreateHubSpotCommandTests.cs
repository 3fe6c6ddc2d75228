using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Tests;

/// <summary>`hubspotgen connections create-hubspot`, run in process against the stub.</summary>
public sealed class CreateHubSpotCommandTests : StubServerFixture
{
    private const string CreatedBody = """{"id":"2fce94c1-9a93-4971-8e94-c19a93097129","etag":"\"d403848a-0000-0200-0000-5e978f7b0000\""}""";

    [Test]
    public async Task Json_output_is_the_id_and_etag_and_the_documented_request_goes_out()
    {
        AnswerEveryRequest(201, CreatedBody);

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "create-hubspot", "--name", "HubSpot base connection", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        JsonAssert.AreEquivalent(CreatedBody, run.Output);
        var request = SingleRequest();
        Assert.That(request.Method, Is.EqualTo("POST"));
        Assert.That(request.AbsolutePath, Is.EqualTo(FakePlatform.BasePath + "/connections"));
        Assert.That(request.Headers!["Authorization"], Is.EqualTo(new[] { "Bearer " + FakePlatform.BearerToken }));
        Assert.That(request.Headers!["x-sandbox-name"], Is.EqualTo(new[] { FakePlatform.SandboxName }));
        JsonAssert.AreEquivalent(
            """
            {
              "name": "HubSpot base connection",
              "auth": {
                "specName": "Basic Authentication",
                "params": {
                  "clientId": "test-hubspot-client-id",
                  "clientSecret": "test-client-secret",
                  "accessToken": "test-hubspot-access-token",
                  "refreshToken": "test-hubspot-refresh-token"
                }
              },
              "connectionSpec": { "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0" }
            }
            """,
            request.Body);
    }

    [Test]
    public async Task Text_output_names_the_created_id_and_the_description_is_sent()
    {
        AnswerEveryRequest(201, CreatedBody);

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "create-hubspot", "--name", "n", "--description", "d");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("2fce94c1-9a93-4971-8e94-c19a93097129"));
        Assert.That(JsonAssert.Parse(SingleRequest().Body!)["description"]?.Value<string>(), Is.EqualTo("d"));
    }

    [Test]
    public async Task Missing_configuration_exits_2_naming_each_variable_and_sends_nothing()
    {
        var environment = CliRun.FullEnvironment(BaseAddress);
        environment.Remove("AEP_API_KEY");
        environment["HUBSPOT_REFRESH_TOKEN"] = "  ";

        var run = await CliRun.RunAsync(environment, "connections", "create-hubspot", "--name", "n");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("AEP_API_KEY").And.Contain("HUBSPOT_REFRESH_TOKEN"));
        Assert.That(run.Error, Does.Not.Contain("AEP_IMS_ORG"), "only what is missing is named");
        AssertNothingWasSent();
    }

    [Test]
    public async Task Missing_name_exits_2_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "create-hubspot");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--name"));
        AssertNothingWasSent();
    }

    [Test]
    public async Task A_service_error_exits_1_with_one_line_giving_status_code_and_title()
    {
        AnswerEveryRequest(400, """{"type":"https://ns.adobe.com/aep/errors/FLOW-1413-400","title":"Invalid spec id","status":400}""");

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "create-hubspot", "--name", "n");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.Contain("400").And.Contain("FLOW-1413-400").And.Contain("Invalid spec id"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public async Task A_gateway_error_reports_its_error_code()
    {
        AnswerEveryRequest(401, """{"error_code":"401013","message":"Oauth token is not valid"}""");

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "create-hubspot", "--name", "n");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("401").And.Contain("401013").And.Contain("Oauth token is not valid"));
    }

    [Test]
    public async Task An_invalid_flow_service_url_exits_2()
    {
        var environment = CliRun.FullEnvironment(BaseAddress);
        environment["AEP_FLOW_SERVICE_URL"] = "not a url";

        var run = await CliRun.RunAsync(environment, "connections", "create-hubspot", "--name", "n");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("AEP_FLOW_SERVICE_URL"));
    }

    [Test]
    public async Task A_service_error_line_carries_the_request_id_and_no_stack_trace()
    {
        Server.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod())
            .RespondWith(WireMock.ResponseBuilders.Response.Create()
                .WithStatusCode(400)
                .WithHeader("Content-Type", "application/json")
                .WithHeader("x-request-id", "req-7f3a")
                .WithBody("""{"type":"https://ns.adobe.com/aep/errors/FLOW-1413-400","title":"Invalid spec id","status":400}"""));

        var run = await CliRun.RunAsync(CliRun.FullEnvironment(BaseAddress), "connections", "create-hubspot", "--name", "n");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim(), Is.EqualTo("error: Flow Service answered 400: FLOW-1413-400: Invalid spec id (request id req-7f3a)"));
    }
}
