using HubSpotGen.FlowService.Catalog;
using HubSpotGen.FlowService.DataPrep;
using Microsoft.Extensions.DependencyInjection;
using static HubSpotGen.Testing.DataflowAnswers;

namespace HubSpotGen.FlowService.Tests.DependencyInjection;

/// <summary>
/// The container gives the three clients and <see cref="HubSpotDataflows"/> on one pipeline: the same options,
/// token provider and header policy, each client at its own service address.
/// </summary>
public sealed class AddFlowServiceClientDataflowTests : DataflowsFixture
{
    private readonly ServiceProviders _providers = new();

    [TearDown]
    public void DisposeProviders()
    {
        _providers.Dispose();
    }

    [Test]
    public void The_three_clients_point_at_their_services_under_the_flow_service_host()
    {
        var provider = _providers.Build(services => services.AddFlowServiceClient(Configure));

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<FlowServiceClient>().BaseUrl, Is.EqualTo(Server.Url + FlowServicePath));
            Assert.That(provider.GetRequiredService<CatalogClient>().BaseUrl, Is.EqualTo(Server.Url + CatalogPath));
            Assert.That(provider.GetRequiredService<DataPrepClient>().BaseUrl, Is.EqualTo(Server.Url + DataPrepPath));
        });
    }

    [Test]
    public void A_platform_address_moves_catalog_and_data_prep_but_not_an_explicit_flow_service_address()
    {
        var provider = _providers.Build(services => services.AddFlowServiceClient(options =>
        {
            Configure(options);
            options.PlatformAddress = new Uri("https://gateway.example");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<FlowServiceClient>().BaseUrl, Is.EqualTo(Server.Url + FlowServicePath));
            Assert.That(provider.GetRequiredService<CatalogClient>().BaseUrl, Is.EqualTo("https://gateway.example/data/foundation/catalog"));
            Assert.That(provider.GetRequiredService<DataPrepClient>().BaseUrl, Is.EqualTo("https://gateway.example/data/foundation/conversion"));
        });
    }

    [Test]
    public async Task A_dataflow_created_through_the_container_reaches_all_three_services_with_one_token_provider()
    {
        AnswerCreateChain();
        var tokens = new CountingTokens();
        var provider = _providers.Build(services =>
        {
            services.AddSingleton<IAccessTokenProvider>(tokens);
            services.AddFlowServiceClient(options =>
            {
                Configure(options);
                options.AccessToken = null;
            });
        });

        await provider.GetRequiredService<HubSpotDataflows>().CreateAsync(ContactsRequest());

        var requests = Requests();
        Assert.Multiple(() =>
        {
            Assert.That(requests.Select(request => request.AbsolutePath.Split('/')[3]).Distinct(), Is.EquivalentTo(new[] { "flowservice", "catalog", "conversion" }));
            Assert.That(tokens.Calls, Is.EqualTo(requests.Count), "every request of every service asked the one provider");
            foreach (var request in requests)
            {
                request.AssertPlatformHeaders();
            }
        });
    }

    [Test]
    public void The_catalog_and_data_prep_clients_have_their_own_names()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FlowServiceServiceCollectionExtensions.CatalogHttpClientName, Is.Not.EqualTo(FlowServiceServiceCollectionExtensions.HttpClientName));
            Assert.That(FlowServiceServiceCollectionExtensions.DataPrepHttpClientName, Is.Not.EqualTo(FlowServiceServiceCollectionExtensions.CatalogHttpClientName));
        });
    }

    private void Configure(PlatformOptions options)
    {
        options.BaseAddress = BaseAddress;
        options.AccessToken = FakePlatform.BearerToken;
        options.ApiKey = FakePlatform.ApiKey;
        options.ImsOrgId = FakePlatform.ImsOrgId;
        options.SandboxName = FakePlatform.SandboxName;
        options.Resilience = null;
    }

    private sealed class CountingTokens : IAccessTokenProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult(FakePlatform.BearerToken);
        }

        public ValueTask<string?> RefreshAccessTokenAsync(string rejectedToken, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
    }
}
