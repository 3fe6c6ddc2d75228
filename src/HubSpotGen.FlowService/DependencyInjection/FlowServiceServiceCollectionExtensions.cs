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
        services.TryAddSingleton(provider => new PlatformPipeline(
            provider.GetRequiredService<IOptions<PlatformOptions>>().Value,
            tokenTransport: null,
            provider.GetService<ILoggerFactory>()));
        services.TryAddTransient<HubSpotConnections>();

        return services
            .AddHttpClient<FlowServiceClient>(HttpClientName)
            .ConfigureHttpClient((provider, http) => provider.GetRequiredService<PlatformPipeline>().Configure(http))
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                foreach (var handler in provider.GetRequiredService<PlatformPipeline>().CreateHandlers())
                {
                    handlers.Add(handler);
                }
            });
    }
}
