using static HubSpotGen.Cli.Tests.CliAnswers;

namespace HubSpotGen.Cli.Tests;

/// <summary>`hubspotgen specs get [ID] [--json]`, HubSpot's spec by default.</summary>
public sealed class GetSpecCommandTests : LifecycleFixture
{
    private const string OtherSpecId = "0ed90a81-07f4-4586-8190-b40eccef1c5a";

    [Test]
    public async Task Without_an_id_it_gets_hubspots_spec_and_json_output_is_the_spec()
    {
        AnswerInTurn((200, "{ \"items\": [" + HubSpotSpec + "] }"));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "specs", "get", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Method, Is.EqualTo("GET"));
            Assert.That(request.AbsolutePath, Is.EqualTo(FakePlatform.BasePath + "/connectionSpecs/cc6a4487-9e91-433e-a3a3-9cf6626c1806"));
            Assert.That(request.RawQuery, Is.Null.Or.Empty);
            request.AssertPlatformHeaders();
            request.AssertOnlyHeaders(ReadHeaders);
        });
        JsonAssert.AreEquivalent(HubSpotSpec, run.Output);
    }

    [Test]
    public async Task With_an_id_it_gets_that_spec_and_text_output_names_it_and_its_auth_params()
    {
        AnswerInTurn((200, "{ \"items\": [" + HubSpotSpec + "] }"));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "specs", "get", OtherSpecId);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(SingleRequest().AbsolutePath, Is.EqualTo(FakePlatform.BasePath + "/connectionSpecs/" + OtherSpecId));
        Assert.That(run.OutputLines, Has.Some.Match(@"^id:\s+cc6a4487-9e91-433e-a3a3-9cf6626c1806$"));
        Assert.That(run.OutputLines, Has.Some.Match(@"^name:\s+hubspot$"));
        Assert.That(run.OutputLines, Has.Some.Contains("Basic Authentication").And.Some.Contains("clientId, clientSecret, accessToken, refreshToken"));
    }

    [Test]
    public async Task An_empty_envelope_exits_1()
    {
        AnswerInTurn((200, """{ "items": [] }"""));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "specs", "get", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_service_error_exits_1_with_status_code_and_title()
    {
        AnswerInTurn((404, """{"type":"https://ns.adobe.com/aep/errors/FLOW-1101-404","title":"Resource not found","status":404}"""));

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "specs", "get", OtherSpecId);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Has.Count.EqualTo(1));
        Assert.That(run.ErrorLines[0], Does.Contain("404").And.Contain("FLOW-1101-404").And.Contain("Resource not found"));
    }

    [Test]
    public async Task An_id_that_is_not_a_guid_exits_2_and_sends_nothing()
    {
        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), "specs", "get", "hubspot");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("'hubspot'"));
        AssertNothingWasSent();
    }

    [Test]
    public async Task A_missing_platform_variable_exits_2_and_sends_nothing()
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment["AEP_FLOW_SERVICE_URL"] = "ftp://example.invalid/";

        var run = await CliRun.RunAsync(environment, "specs", "get");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("AEP_FLOW_SERVICE_URL"));
        AssertNothingWasSent();
    }
}
