using HubSpotGen.FlowService;
using HubSpotGen.FlowService.Catalog;
using HubSpotGen.FlowService.DataPrep;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The conventional namespace for registration methods, so they show up wherever services are configured.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Platform clients (Flow Service, Catalog, Data Prep) with IHttpClientFactory, Options and logging.</summary>
public static class FlowServiceServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient that carries Flow Service requests.</summary>
    public const string HttpClientName = "HubSpotGen.FlowService";

    /// <summary>
    /// The name of the HttpClient that carries IMS token requests, with the same retries, timeouts, limits and
    /// redirect rule; configure it (a proxy, a test handler) with <c>services.AddHttpClient(ImsHttpClientName)</c>.
    /// </summary>
    public const string ImsHttpClientName = "HubSpotGen.FlowService.Ims";

    /// <summary>The name of the HttpClient that carries Catalog requests, on the same pipeline as Flow Service's.</summary>
    public const string CatalogHttpClientName = "HubSpotGen.FlowService.Catalog";

    /// <summary>The name of the HttpClient that carries Data Prep requests, on the same pipeline as Flow Service's.</summary>
    public const string DataPrepHttpClientName = "HubSpotGen.FlowService.DataPrep";

    /// <summary>
    /// Registers <see cref="FlowServiceClient"/>, <see cref="CatalogClient"/> and <see cref="DataPrepClient"/> (typed
    /// HttpClients), <see cref="HubSpotConnections"/> and <see cref="HubSpotDataflows"/>, with the Platform header
    /// policy, the token provider, retries and timeouts in each client's handler pipeline.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The three clients share one set of options, one token provider and one retry policy; each sends to its own
    /// address (<see cref="PlatformOptions.BaseAddress"/>, <see cref="PlatformOptions.CatalogAddress"/>,
    /// <see cref="PlatformOptions.DataPrepAddress"/>). The builder returned is Flow Service's; configure the others by
    /// <see cref="CatalogHttpClientName"/> and <see cref="DataPrepHttpClientName"/>.
    /// </para>
    /// <para>
    /// The options are validated when the host starts (and otherwise at first use): a missing or unsafe value
    /// fails start-up with an <see cref="OptionsValidationException"/> that names every problem, before anything
    /// is sent.
    /// </para>
    /// <para>
    /// The bearer token comes from <see cref="PlatformOptions.TokenProvider"/>, else from an
    /// <see cref="IAccessTokenProvider"/> registered in the container, else from <see cref="PlatformOptions.Ims"/>,
    /// else from <see cref="PlatformOptions.AccessToken"/>. Handlers added to the returned builder run inside ours,
    /// once per attempt.
    /// </para>
    /// </remarks>
    /// <param name="services">The container.</param>
    /// <param name="configure">Sets the Platform values; called once, when the options are first needed.</param>
    /// <returns>The builder of the Flow Service HttpClient, for further configuration.</returns>
    public static IHttpClientBuilder AddFlowServiceClient(this IServiceCollection services, Action<PlatformOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PlatformOptions>()
            .Configure(configure)
            .PostConfigure<IServiceProvider>((options, provider) => options.TokenProvider ??= provider.GetService<IAccessTokenProvider>())
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlatformOptions>, PlatformOptionsValidator>());
        services.TryAddSingleton(provider =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new PlatformPipeline(
                provider.GetRequiredService<IOptions<PlatformOptions>>().Value,
                () => factory.CreateClient(ImsHttpClientName),
                imsNetwork: null,
                provider.GetService<ILoggerFactory>());
        });
        services.TryAddTransient<HubSpotConnections>();
        services.TryAddTransient<HubSpotDataflows>();

        services.AddHttpClient(ImsHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(PlatformTransport.Create)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) => AddAll(handlers, provider.GetRequiredService<PlatformPipeline>().CreateImsHandlers()));

        AddPlatformClient<CatalogClient>(services, CatalogHttpClientName, options => options.CatalogAddress);
        AddPlatformClient<DataPrepClient>(services, DataPrepHttpClientName, options => options.DataPrepAddress);
        return AddPlatformClient<FlowServiceClient>(services, HttpClientName, options => options.BaseAddress);
    }

    /// <summary>One typed client on the shared pipeline, its HttpClient pointed at the service's address.</summary>
    private static IHttpClientBuilder AddPlatformClient<TClient>(IServiceCollection services, string name, Func<PlatformOptions, Uri> address)
        where TClient : class =>
        services
            .AddHttpClient<TClient>(name)
            .ConfigurePrimaryHttpMessageHandler(PlatformTransport.Create)
            .ConfigureHttpClient((provider, http) => provider.GetRequiredService<PlatformPipeline>().Configure(http, address))
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) => AddAll(handlers, provider.GetRequiredService<PlatformPipeline>().CreateHandlers()));

    private static void AddAll(IList<DelegatingHandler> handlers, IEnumerable<DelegatingHandler> ours)
    {
        foreach (var handler in ours)
        {
            handlers.Add(handler);
        }
    }
}
