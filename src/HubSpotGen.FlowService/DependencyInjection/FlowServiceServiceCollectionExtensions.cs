using HubSpotGen.FlowService;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The conventional namespace for registration methods, so they show up wherever services are configured.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Flow Service client with IHttpClientFactory, Options and logging.</summary>
public static class FlowServiceServiceCollectionExtensions
{
    /// <summary>The name of the HttpClient that carries Flow Service requests.</summary>
    public const string HttpClientName = "HubSpotGen.FlowService";

    /// <summary>
    /// The name of the HttpClient that carries IMS token requests, with the same retries, timeouts, limits and
    /// redirect rule; configure it (a proxy, a test handler) with <c>services.AddHttpClient(ImsHttpClientName)</c>.
    /// </summary>
    public const string ImsHttpClientName = "HubSpotGen.FlowService.Ims";

    /// <summary>
    /// Registers <see cref="FlowServiceClient"/> (a typed HttpClient) and <see cref="HubSpotConnections"/>, with
    /// the Platform header policy, the token provider, retries and timeouts in the client's handler pipeline.
    /// </summary>
    /// <remarks>
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

        services.AddHttpClient(ImsHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(PlatformTransport.Create)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) => AddAll(handlers, provider.GetRequiredService<PlatformPipeline>().CreateImsHandlers()));

        return services
            .AddHttpClient<FlowServiceClient>(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(PlatformTransport.Create)
            .ConfigureHttpClient((provider, http) => provider.GetRequiredService<PlatformPipeline>().Configure(http))
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) => AddAll(handlers, provider.GetRequiredService<PlatformPipeline>().CreateHandlers()));
    }

    private static void AddAll(IList<DelegatingHandler> handlers, IEnumerable<DelegatingHandler> ours)
    {
        foreach (var handler in ours)
        {
            handlers.Add(handler);
        }
    }
}
