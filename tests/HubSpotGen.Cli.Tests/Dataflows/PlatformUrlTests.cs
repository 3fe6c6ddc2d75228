using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.Cli.Tests.Dataflows;

/// <summary>
/// <c>AEP_PLATFORM_URL</c> places Flow Service, Catalog and Data Prep under one gateway; <c>AEP_FLOW_SERVICE_URL</c>
/// overrides Flow Service alone, and when only it is set the other two are at its host.
/// </summary>
public sealed class PlatformUrlTests : DataflowCommandFixture
{
    [Test]
    public async Task Only_the_flow_service_url_puts_all_three_services_on_its_host()
    {
        AnswerCreateChain();

        var run = await CliRun.RunAsync(CliRun.PlatformEnvironment(BaseAddress), CreateArguments());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(
            Requests().Select(request => request.AbsolutePath.Split('/')[3]).Distinct(),
            Is.EqualTo(new[] { "flowservice", "catalog", "conversion" }));
    }

    [Test]
    public async Task Only_the_platform_url_puts_all_three_services_under_it()
    {
        AnswerCreateChain();
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_FLOW_SERVICE_URL");
        environment["AEP_PLATFORM_URL"] = Server.Url;

        var run = await CliRun.RunAsync(environment, CreateArguments());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(RequestLines(), Has.Count.EqualTo(8));
    }

    [Test]
    public async Task The_platform_url_also_places_the_connection_commands()
    {
        Answer("DELETE", FlowServicePath + "/connections/" + BaseConnectionId, 204);
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_FLOW_SERVICE_URL");
        environment["AEP_PLATFORM_URL"] = Server.Url + "/";

        var run = await CliRun.RunAsync(environment, "connections", "delete", BaseConnectionId.ToString());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(RequestLines(), Is.EqualTo(new[] { "DELETE " + FlowServicePath + "/connections/" + BaseConnectionId }));
    }

    [Test]
    public async Task A_path_on_the_platform_url_is_kept_before_each_service_path()
    {
        Answer("POST", "/gateway" + FlowServicePath + "/flows/" + FlowId + "/action", 200, Updated);
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment.Remove("AEP_FLOW_SERVICE_URL");
        environment["AEP_PLATFORM_URL"] = Server.Url + "/gateway";

        var run = await CliRun.RunAsync(environment, "dataflows", "enable", FlowId.ToString());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(RequestLines(), Is.EqualTo(new[] { "POST /gateway" + FlowServicePath + "/flows/" + FlowId + "/action?op=enable" }));
    }

    [Test]
    public async Task With_both_set_catalog_and_data_prep_go_to_the_platform_url_and_flow_service_to_its_own()
    {
        AnswerCreateChain();
        using var gateway = WireMockServer.Start();
        gateway.Given(Request.Create().WithPath(CatalogPath + "/dataSets/" + DataSetId).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(DataSet));
        gateway.Given(Request.Create().WithPath(DataPrepPath + "/mappingSets").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(MappingSetCreated));
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment["AEP_PLATFORM_URL"] = gateway.Url;

        var run = await CliRun.RunAsync(environment, CreateArguments());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.Multiple(() =>
        {
            var atGateway = gateway.LogEntries.Select(entry => entry.RequestMessage).OrderBy(request => request.DateTime).ToList();
            Assert.That(
                atGateway.Select(request => request.Method + " " + request.AbsolutePath),
                Is.EqualTo(new[] { "GET " + CatalogPath + "/dataSets/" + DataSetId, "POST " + DataPrepPath + "/mappingSets" }));
            foreach (var request in atGateway)
            {
                request.AssertPlatformHeaders();
            }

            Assert.That(Requests().Select(request => request.AbsolutePath), Is.All.StartWith(FlowServicePath + "/"), "Flow Service alone at its own address");
            Assert.That(Requests(), Has.Count.EqualTo(6));
        });
    }

    [TestCase("http://example.invalid", "AEP_PLATFORM_URL (plain http to example.invalid would send credentials in clear text; use https, plain http is allowed only to a loopback address)")]
    [TestCase("platform.adobe.io", "AEP_PLATFORM_URL (not an absolute http or https URL)")]
    [TestCase("ftp://127.0.0.1/", "AEP_PLATFORM_URL (not an absolute http or https URL)")]
    public async Task A_platform_url_that_is_not_safe_or_not_an_address_exits_2_naming_it_and_sends_nothing(string url, string problem)
    {
        var environment = CliRun.PlatformEnvironment(BaseAddress);
        environment["AEP_PLATFORM_URL"] = url;

        var run = await CliRun.RunAsync(environment, "dataflows", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.ErrorLines, Is.EqualTo(new[] { "error: missing or invalid configuration: " + problem }));
        });
        AssertNothingWasSent();
    }
}
