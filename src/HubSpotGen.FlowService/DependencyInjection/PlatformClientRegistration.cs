using HubSpotGen.FlowService.Catalog;
using HubSpotGen.FlowService.DataPrep;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HubSpotGen.FlowService;

/// <summary>
/// One registration of the Platform clients, unnamed or keyed. Every service is registered under the same service
/// key, null for the unnamed one (which the container treats as no key at all), so both kinds take one path.
/// </summary>
internal static class PlatformClientRegistration
{
    /// <param name="services">The container.</param>
    /// <param name="serviceKey">The name of a keyed registration; null for the unnamed one.</param>
    /// <param name="configureOptions">Sets or binds the options of this registration.</param>
    /// <param name="sectionPath">The configuration section the options are bound from, for validation messages; null when set in code.</param>
    public static IHttpClientBuilder Add(IServiceCollection services, string? serviceKey, Action<OptionsBuilder<PlatformOptions>> configureOptions, string? sectionPath)
    {
        var optionsName = serviceKey ?? Options.DefaultName;
        var options = services.AddOptions<PlatformOptions>(optionsName);
        configureOptions(options);
        var flowServiceName = HttpClientName(FlowServiceServiceCollectionExtensions.HttpClientName, serviceKey);

        // A second call for the same name adds its settings to the options; the clients and handlers exist already,
        // and adding them again would put every handler in the pipeline twice.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(PlatformPipeline) && Equals(descriptor.ServiceKey, serviceKey)))
        {
            return services.AddHttpClient(flowServiceName);
        }

        options
            .PostConfigure<IServiceProvider>((platform, provider) => platform.TokenProvider ??= provider.GetKeyedService<IAccessTokenProvider>(serviceKey))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PlatformOptions>>(new PlatformOptionsValidator(optionsName, sectionPath));

        var imsName = HttpClientName(FlowServiceServiceCollectionExtensions.ImsHttpClientName, serviceKey);
        services.TryAddKeyedSingleton(serviceKey, (provider, _) =>
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            return new PlatformPipeline(
                provider.GetRequiredService<IOptionsMonitor<PlatformOptions>>().Get(optionsName),
                () => factory.CreateClient(imsName),
                imsNetwork: null,
                provider.GetService<ILoggerFactory>());
        });

        services.AddHttpClient(imsName)
            .ConfigurePrimaryHttpMessageHandler(PlatformTransport.Create)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) => AddAll(handlers, PipelineOf(provider, serviceKey).CreateImsHandlers()));

        var catalogName = HttpClientName(FlowServiceServiceCollectionExtensions.CatalogHttpClientName, serviceKey);
        var dataPrepName = HttpClientName(FlowServiceServiceCollectionExtensions.DataPrepHttpClientName, serviceKey);
        AddPlatformHttpClient(services, serviceKey, catalogName, platform => platform.CatalogAddress);
        AddPlatformHttpClient(services, serviceKey, dataPrepName, platform => platform.DataPrepAddress);
        var builder = AddPlatformHttpClient(services, serviceKey, flowServiceName, platform => platform.BaseAddress);

        // What a typed client registration does, by hand: the container cannot key a typed client.
        services.TryAddKeyedTransient(serviceKey, (provider, _) => new FlowServiceClient(HttpClientOf(provider, flowServiceName)));
        services.TryAddKeyedTransient(serviceKey, (provider, _) => new CatalogClient(HttpClientOf(provider, catalogName)));
        services.TryAddKeyedTransient(serviceKey, (provider, _) => new DataPrepClient(HttpClientOf(provider, dataPrepName)));
        services.TryAddKeyedTransient(serviceKey, (provider, _) => new HubSpotConnections(provider.GetRequiredKeyedService<FlowServiceClient>(serviceKey)));
        services.TryAddKeyedTransient(serviceKey, (provider, _) => new HubSpotDataflows(
            provider.GetRequiredKeyedService<FlowServiceClient>(serviceKey),
            provider.GetRequiredKeyedService<CatalogClient>(serviceKey),
            provider.GetRequiredKeyedService<DataPrepClient>(serviceKey)));
        return builder;
    }

    /// <summary>The unnamed registration's HttpClient name, or that name with <c>:</c> and the key appended.</summary>
    private static string HttpClientName(string unnamed, string? serviceKey) => serviceKey is null ? unnamed : unnamed + ":" + serviceKey;

    /// <summary>One HttpClient on the registration's pipeline, pointed at the service's address.</summary>
    private static IHttpClientBuilder AddPlatformHttpClient(IServiceCollection services, string? serviceKey, string name, Func<PlatformOptions, Uri> address) =>
        services
            .AddHttpClient(name)
            .ConfigurePrimaryHttpMessageHandler(PlatformTransport.Create)
            .ConfigureHttpClient((provider, http) => PipelineOf(provider, serviceKey).Configure(http, address))
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) => AddAll(handlers, PipelineOf(provider, serviceKey).CreateHandlers()));

    private static PlatformPipeline PipelineOf(IServiceProvider provider, string? serviceKey) => provider.GetRequiredKeyedService<PlatformPipeline>(serviceKey);

    private static HttpClient HttpClientOf(IServiceProvider provider, string name) => provider.GetRequiredService<IHttpClientFactory>().CreateClient(name);

    private static void AddAll(IList<DelegatingHandler> handlers, IEnumerable<DelegatingHandler> ours)
    {
        foreach (var handler in ours)
        {
            handlers.Add(handler);
        }
    }
}
