using HubSpotGen.FlowService.Catalog;
using HubSpotGen.FlowService.DataPrep;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.DependencyInjection;

/// <summary>
/// <c>AddFlowServiceClient("prod", …)</c>: several keyed registrations in one container, each with its own options,
/// token and pipeline, resolved with <c>[FromKeyedServices]</c>, beside the unnamed one.
/// </summary>
public sealed class KeyedClientTests : StubServerFixture
{
    private const string ProdOrg = "PRODORG000000000000000@AdobeOrg";
    private const string DevOrg = "DEVORG0000000000000000@AdobeOrg";

    private readonly ServiceProviders _providers = new();

    [TearDown]
    public void DisposeProviders()
    {
        _providers.Dispose();
    }

    [Test]
    public async Task Two_keyed_clients_send_their_own_sandbox_org_and_token()
    {
        AnswerCount();
        var provider = _providers.Build(services =>
        {
            services.AddFlowServiceClient("prod", options => Configure(options, "prod", ProdOrg, "prod-token"));
            services.AddFlowServiceClient("dev", options => Configure(options, "dev", DevOrg, "dev-token"));
            services.AddTransient<TwoSandboxes>();
        });
        var sandboxes = provider.GetRequiredService<TwoSandboxes>();

        await sandboxes.Prod.CountAsync();
        await sandboxes.Dev.CountAsync();

        var requests = Server.LogEntries.Select(entry => entry.RequestMessage).ToList();
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(requests[0].Headers!["x-sandbox-name"], Is.EqualTo(new[] { "prod" }));
            Assert.That(requests[0].Headers!["x-gw-ims-org-id"], Is.EqualTo(new[] { ProdOrg }));
            Assert.That(requests[0].Headers!["Authorization"], Is.EqualTo(new[] { "Bearer prod-token" }));
            Assert.That(requests[0].Headers!["x-api-key"], Is.EqualTo(new[] { FakePlatform.ApiKey }));
            Assert.That(requests[1].Headers!["x-sandbox-name"], Is.EqualTo(new[] { "dev" }));
            Assert.That(requests[1].Headers!["x-gw-ims-org-id"], Is.EqualTo(new[] { DevOrg }));
            Assert.That(requests[1].Headers!["Authorization"], Is.EqualTo(new[] { "Bearer dev-token" }));
        });
    }

    [Test]
    public async Task Keyed_clients_bind_from_their_own_configuration_sections()
    {
        AnswerCount();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Prod:BaseAddress"] = BaseAddress.AbsoluteUri,
            ["Platform:Prod:AccessToken"] = "prod-token",
            ["Platform:Prod:ApiKey"] = FakePlatform.ApiKey,
            ["Platform:Prod:ImsOrgId"] = ProdOrg,
            ["Platform:Prod:SandboxName"] = "prod",
            ["Platform:Dev:BaseAddress"] = BaseAddress.AbsoluteUri,
            ["Platform:Dev:AccessToken"] = "dev-token",
            ["Platform:Dev:ApiKey"] = FakePlatform.ApiKey,
            ["Platform:Dev:ImsOrgId"] = DevOrg,
            ["Platform:Dev:SandboxName"] = "dev",
        }).Build();
        var provider = _providers.Build(services =>
        {
            services.AddFlowServiceClient("prod", configuration.GetSection("Platform:Prod"));
            services.AddFlowServiceClient("dev", configuration.GetSection("Platform:Dev"));
        });

        await provider.GetRequiredKeyedService<HubSpotConnections>("dev").CountAsync();
        await provider.GetRequiredKeyedService<HubSpotConnections>("prod").CountAsync();

        var requests = Server.LogEntries.Select(entry => entry.RequestMessage).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(request => request.Headers!["x-sandbox-name"].Single()), Is.EqualTo(new[] { "dev", "prod" }));
            Assert.That(requests.Select(request => request.Headers!["x-gw-ims-org-id"].Single()), Is.EqualTo(new[] { DevOrg, ProdOrg }));
        });
    }

    [Test]
    public async Task The_unnamed_registration_keeps_its_own_options_beside_keyed_ones()
    {
        AnswerCount();
        var provider = _providers.Build(services =>
        {
            services.AddFlowServiceClient(options => Configure(options, "default", FakePlatform.ImsOrgId, FakePlatform.BearerToken));
            services.AddFlowServiceClient("prod", options => Configure(options, "prod", ProdOrg, "prod-token"));
        });

        await provider.GetRequiredService<HubSpotConnections>().CountAsync();
        await provider.GetRequiredKeyedService<HubSpotConnections>("prod").CountAsync();

        Assert.That(
            Server.LogEntries.Select(entry => entry.RequestMessage.Headers!["x-sandbox-name"].Single()),
            Is.EqualTo(new[] { "default", "prod" }));
    }

    [Test]
    public void Every_client_and_facade_is_keyed_and_the_keyed_ones_are_not_the_unnamed_ones()
    {
        var provider = _providers.Build(services => services.AddFlowServiceClient("prod", options => Configure(options, "prod", ProdOrg, "prod-token")));

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetKeyedService<FlowServiceClient>("prod"), Is.Not.Null);
            Assert.That(provider.GetKeyedService<CatalogClient>("prod")?.BaseUrl, Is.EqualTo(Server.Url + PlatformOptions.CatalogPath));
            Assert.That(provider.GetKeyedService<DataPrepClient>("prod")?.BaseUrl, Is.EqualTo(Server.Url + PlatformOptions.DataPrepPath));
            Assert.That(provider.GetKeyedService<HubSpotConnections>("prod"), Is.Not.Null);
            Assert.That(provider.GetKeyedService<HubSpotDataflows>("prod"), Is.Not.Null);
            Assert.That(provider.GetService<HubSpotConnections>(), Is.Null, "a keyed registration adds no unnamed client");
            Assert.That(provider.GetKeyedService<HubSpotConnections>("dev"), Is.Null);
        });
    }

    [Test]
    public async Task A_token_provider_keyed_by_the_name_serves_that_client_alone()
    {
        AnswerCount();
        var provider = _providers.Build(services =>
        {
            services.AddKeyedSingleton<IAccessTokenProvider>("prod", new StaticAccessTokenProvider("keyed-prod-token"));
            services.AddSingleton<IAccessTokenProvider>(new StaticAccessTokenProvider("unnamed-token"));
            services.AddFlowServiceClient("prod", options =>
            {
                Configure(options, "prod", ProdOrg, accessToken: null);
            });
        });

        await provider.GetRequiredKeyedService<HubSpotConnections>("prod").CountAsync();

        Assert.That(SingleRequest().Headers!["Authorization"], Is.EqualTo(new[] { "Bearer keyed-prod-token" }));
    }

    [Test]
    public void Each_keyed_registration_is_validated_at_start_up_under_its_own_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Prod:BaseAddress"] = BaseAddress.AbsoluteUri,
            ["Platform:Prod:AccessToken"] = "prod-token",
            ["Platform:Prod:ApiKey"] = FakePlatform.ApiKey,
            ["Platform:Prod:ImsOrgId"] = ProdOrg,
        }).Build();
        var provider = _providers.Build(services =>
        {
            services.AddFlowServiceClient("prod", configuration.GetSection("Platform:Prod"));
            services.AddFlowServiceClient("dev", options => Configure(options, "dev", DevOrg, "dev-token"));
        });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.Multiple(() =>
        {
            Assert.That(failure.Failures, Is.EqualTo(new[] { "Platform:Prod:SandboxName is required" }));
            Assert.That(failure.OptionsName, Is.EqualTo("prod"));
        });
        AssertNothingWasSent();
    }

    [Test]
    public async Task Registering_a_name_twice_adds_its_settings_without_doubling_the_pipeline()
    {
        var attempts = 0;
        Server.Given(Request.Create().WithPath(DocumentedAnswers.ConnectionsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "count": 1 }"""));
        var provider = _providers.Build(services =>
        {
            services.AddFlowServiceClient("prod", options => Configure(options, "prod", ProdOrg, "prod-token"));
            services.AddFlowServiceClient("prod", options => options.SandboxName = "prod-2")
                .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref attempts)));
        });

        await provider.GetRequiredKeyedService<HubSpotConnections>("prod").CountAsync();

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Headers!["x-sandbox-name"], Is.EqualTo(new[] { "prod-2" }));
            Assert.That(request.Headers["Authorization"], Is.EqualTo(new[] { "Bearer prod-token" }), "one header policy: a second would not add a second token, but the count below tells");
            Assert.That(attempts, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_blank_name_is_refused()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddFlowServiceClient(" ", options => { }));
    }

    private void Configure(PlatformOptions options, string sandbox, string org, string? accessToken)
    {
        options.BaseAddress = BaseAddress;
        options.AccessToken = accessToken;
        options.ApiKey = FakePlatform.ApiKey;
        options.ImsOrgId = org;
        options.SandboxName = sandbox;
        options.Resilience = null;
    }

    private void AnswerCount() =>
        Server.Given(Request.Create().WithPath(DocumentedAnswers.ConnectionsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "count": 2 }"""));

    /// <summary>A service of the application that works in two sandboxes at once.</summary>
    private sealed class TwoSandboxes([FromKeyedServices("prod")] HubSpotConnections prod, [FromKeyedServices("dev")] HubSpotConnections dev)
    {
        public HubSpotConnections Prod { get; } = prod;

        public HubSpotConnections Dev { get; } = dev;
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
