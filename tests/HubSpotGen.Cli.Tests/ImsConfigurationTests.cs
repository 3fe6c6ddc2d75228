using System.Web;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.Cli.Tests;

/// <summary>AEP_CLIENT_ID, AEP_CLIENT_SECRET and AEP_SCOPES in place of AEP_ACCESS_TOKEN: the command fetches its own token.</summary>
public sealed class ImsConfigurationTests : StubServerFixture
{
    private const string ImsPath = "/ims/token/v3";
    private const string ClientId = "test-ims-client-id";
    private const string ClientSecret = "test-ims-client-secret-value";
    private const string IssuedToken = "test-token-issued-by-ims";

    [Test]
    public async Task Client_credentials_are_exchanged_at_ims_and_the_client_id_is_the_api_key()
    {
        AnswerIms();
        AnswerSpec();

        var run = await CliRun.RunAsync(ImsEnvironment(scopes: "openid,AdobeID"), "specs", "get");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var ims = Server.LogEntries.Single(entry => entry.RequestMessage.Path == ImsPath).RequestMessage;
        var flow = Server.LogEntries.Single(entry => entry.RequestMessage.Path != ImsPath).RequestMessage;
        var form = HttpUtility.ParseQueryString(ims.Body!);
        Assert.Multiple(() =>
        {
            Assert.That(form["grant_type"], Is.EqualTo("client_credentials"));
            Assert.That(form["client_id"], Is.EqualTo(ClientId));
            Assert.That(form["client_secret"], Is.EqualTo(ClientSecret));
            Assert.That(form["scope"], Is.EqualTo("openid,AdobeID"));
            Assert.That(flow.Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + IssuedToken));
            Assert.That(flow.Headers["x-api-key"].Single(), Is.EqualTo(ClientId));
            Assert.That(run.Output + run.Error, Does.Not.Contain(ClientSecret).And.Not.Contain(IssuedToken));
        });
    }

    [Test]
    public async Task Without_scopes_platforms_scopes_are_asked_for()
    {
        AnswerIms();
        AnswerSpec();

        await CliRun.RunAsync(ImsEnvironment(scopes: null), "specs", "get");

        var ims = Server.LogEntries.Single(entry => entry.RequestMessage.Path == ImsPath).RequestMessage;
        Assert.That(HttpUtility.ParseQueryString(ims.Body!)["scope"], Is.EqualTo(ImsCredentials.PlatformScopes));
    }

    [Test]
    public async Task A_client_id_without_its_secret_exits_2_naming_the_secret_and_sends_nothing()
    {
        var environment = ImsEnvironment(scopes: null);
        environment.Remove("AEP_CLIENT_SECRET");

        var run = await CliRun.RunAsync(environment, "specs", "get");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("AEP_CLIENT_SECRET"));
        AssertNothingWasSent();
    }

    [Test]
    public async Task Neither_a_token_nor_client_credentials_exits_2_naming_both_ways()
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_ACCESS_TOKEN");

        var run = await CliRun.RunAsync(environment, "specs", "get");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("AEP_ACCESS_TOKEN (or AEP_CLIENT_ID and AEP_CLIENT_SECRET)"));
        AssertNothingWasSent();
    }

    private Dictionary<string, string?> ImsEnvironment(string? scopes)
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_ACCESS_TOKEN");
        environment.Remove("AEP_API_KEY");
        environment["AEP_CLIENT_ID"] = ClientId;
        environment["AEP_CLIENT_SECRET"] = ClientSecret;
        environment["AEP_SCOPES"] = scopes;
        environment["AEP_IMS_URL"] = Server.Url + ImsPath;
        return environment;
    }

    private void AnswerIms() =>
        Server.Given(Request.Create().WithPath(ImsPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody($$"""{ "access_token": "{{IssuedToken}}", "token_type": "bearer", "expires_in": 86399 }"""));

    private void AnswerSpec() =>
        Server.Given(Request.Create().WithPath(FakePlatform.BasePath + "/connectionSpecs/*").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(DocumentedAnswers.HubSpotSpec));
}
