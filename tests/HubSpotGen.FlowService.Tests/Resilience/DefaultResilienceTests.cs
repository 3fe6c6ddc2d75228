using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>A user who sets nothing gets retries: the production defaults are on.</summary>
public sealed class DefaultResilienceTests : StubServerFixture
{
    [Test]
    public void Options_retry_by_default_with_the_production_values()
    {
        var options = new PlatformOptions();

        Assert.That(options.Resilience, Is.Not.Null);
        Assert.That(options.Resilience!.MaxRetries, Is.EqualTo(3));
    }

    [Test]
    public async Task A_get_answered_503_once_is_retried_with_default_options()
    {
        const string connectionId = "69f188b6-af07-4587-8061-e94d34637b41";
        Server.Given(Request.Create().UsingGet()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().UsingGet()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"items":[]}"""));
        var options = FakePlatform.Options(BaseAddress);
        options.Resilience = new FlowServiceResilienceOptions();
        using var http = PlatformHttpClient.Create(options);

        var list = await new FlowServiceClient(http).GetConnectionAsync(Guid.Parse(connectionId));

        Assert.That(list.Items, Is.Empty);
        Assert.That(Server.LogEntries.Count(), Is.EqualTo(2), "one 503, then the retry");
    }
}
