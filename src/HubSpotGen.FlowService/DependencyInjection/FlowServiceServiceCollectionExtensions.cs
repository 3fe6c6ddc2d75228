using HubSpotGen.FlowService;
using HubSpotGen.FlowService.Catalog;
using HubSpotGen.FlowService.DataPrep;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

// The conventional namespace for registration methods, so they show up wherever services are configured.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Platform clients (Flow Service, Catalog, Data Prep) with IHttpClientFactory, Options and logging.</summary>
/// <remarks>
/// <para>
/// Each registration adds <see cref="FlowServiceClient"/>, <see cref="CatalogClient"/>, <see cref="DataPrepClient"/>,
/// <see cref="HubSpotConnections"/> and <see cref="HubSpotDataflows"/>, with the Platform header policy, the token
/// provider, retries and timeouts in each client's handler pipeline. The three clients of one registration share one
/// set of options, one token provider and one retry policy; each sends to its own address
/// (<see cref="PlatformOptions.BaseAddress"/>, <see cref="PlatformOptions.CatalogAddress"/>,
/// <see cref="PlatformOptions.DataPrepAddress"/>). The builder returned is Flow Service's.
/// </para>
/// <para>
/// The unnamed registration serves plain constructor injection. A named one, <c>AddFlowServiceClient("prod", …)</c>,
/// registers the same services keyed by that name (<c>[FromKeyedServices("prod")] HubSpotConnections</c>), with
/// named options, a token provider and a pipeline of its own, so that one program can work in several sandboxes or
/// organizations. Its HttpClients are named after the unnamed ones with <c>:</c> and the name appended, such as
/// <c>HubSpotGen.FlowService.Catalog:prod</c>.
/// </para>
/// <para>
/// The options are validated when the host starts (and otherwise at first use): a missing or unsafe value fails
/// start-up with an <see cref="OptionsValidationException"/> that names every problem, before anything is sent.
/// Options bound from configuration name the configuration key (<c>FlowService:ApiKey is required</c>); no message
/// carries a value. They are read once, when the clients are first built; a configuration reload changes nothing sent.
/// </para>
/// <para>
/// The bearer token comes from <see cref="PlatformOptions.TokenProvider"/>, else from an
/// <see cref="IAccessTokenProvider"/> registered in the container (for a named registration: keyed by its name),
/// else from <see cref="PlatformOptions.Ims"/>, else from <see cref="PlatformOptions.AccessToken"/>. Handlers added
/// to the returned builder run inside ours, once per attempt.
/// </para>
/// </remarks>
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

    /// <summary>Registers the unnamed Platform clients and facades, with options set in code.</summary>
    /// <param name="services">The container.</param>
    /// <param name="configure">Sets the Platform values; called once, when the options are first needed.</param>
    /// <returns>The builder of the Flow Service HttpClient, for further configuration.</returns>
    public static IHttpClientBuilder AddFlowServiceClient(this IServiceCollection services, Action<PlatformOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return PlatformClientRegistration.Add(services, serviceKey: null, options => options.Configure(configure), sectionPath: null);
    }

    /// <summary>
    /// Registers the unnamed Platform clients and facades, with options bound from <paramref name="configuration"/>,
    /// a section such as <c>"FlowService": { "BaseAddress", "AccessToken", "ApiKey", "ImsOrgId", "SandboxName",
    /// "Ims": { … }, "Resilience": { … } }</c>. Environment variables bind the usual way (<c>FlowService__SandboxName</c>).
    /// </summary>
    /// <param name="services">The container.</param>
    /// <param name="configuration">The section that holds <see cref="PlatformOptions"/>' properties.</param>
    /// <returns>The builder of the Flow Service HttpClient, for further configuration.</returns>
    public static IHttpClientBuilder AddFlowServiceClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var sectionPath = SectionPath(configuration);
        return PlatformClientRegistration.Add(
            services,
            serviceKey: null,
            options => options.Configure(platform => PlatformOptionsBinding.Bind(configuration, sectionPath, Microsoft.Extensions.Options.Options.DefaultName, platform)),
            sectionPath);
    }

    /// <summary>Registers Platform clients and facades keyed by <paramref name="name"/>, with options set in code.</summary>
    /// <param name="services">The container.</param>
    /// <param name="name">The service key and options name, such as <c>prod</c>; must not be blank.</param>
    /// <param name="configure">Sets the Platform values of this client alone.</param>
    /// <returns>The builder of this registration's Flow Service HttpClient.</returns>
    public static IHttpClientBuilder AddFlowServiceClient(this IServiceCollection services, string name, Action<PlatformOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);
        return PlatformClientRegistration.Add(services, name, options => options.Configure(configure), sectionPath: null);
    }

    /// <summary>Registers Platform clients and facades keyed by <paramref name="name"/>, with options bound from <paramref name="configuration"/>.</summary>
    /// <param name="services">The container.</param>
    /// <param name="name">The service key and options name, such as <c>prod</c>; must not be blank.</param>
    /// <param name="configuration">The section that holds this client's <see cref="PlatformOptions"/>' properties.</param>
    /// <returns>The builder of this registration's Flow Service HttpClient.</returns>
    public static IHttpClientBuilder AddFlowServiceClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configuration);
        var sectionPath = SectionPath(configuration);
        return PlatformClientRegistration.Add(
            services,
            name,
            options => options.Configure(platform => PlatformOptionsBinding.Bind(configuration, sectionPath, name, platform)),
            sectionPath);
    }

    /// <summary>Where the options come from in configuration terms: a section's path, or nothing for the root.</summary>
    private static string SectionPath(IConfiguration configuration) => configuration is IConfigurationSection section ? section.Path : "";
}
