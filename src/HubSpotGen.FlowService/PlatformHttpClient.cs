using Microsoft.Extensions.Logging;

namespace HubSpotGen.FlowService;

/// <summary>Builds an HttpClient whose pipeline applies the Platform header policy, tokens, retries and timeouts.</summary>
/// <remarks>In an application with dependency injection, <see cref="Microsoft.Extensions.DependencyInjection.FlowServiceServiceCollectionExtensions.AddFlowServiceClient"/> builds the same pipeline through IHttpClientFactory.</remarks>
public static class PlatformHttpClient
{
    /// <summary>
    /// Creates an HttpClient for Flow Service at <see cref="PlatformOptions.BaseAddress"/>. The caller owns
    /// and disposes it. <paramref name="transport"/> replaces the network, for tests and in-memory runs; IMS
    /// token requests go through it too.
    /// </summary>
    /// <remarks>
    /// The pipeline, outermost first: header policy and token (refreshed once on 401), timeout reporting,
    /// retries and timeouts (when <see cref="PlatformOptions.Resilience"/> is set), body buffering, transport.
    /// </remarks>
    /// <param name="options">Where and as whom; validated here, before any request.</param>
    /// <param name="transport">Replaces the network; null for a new <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="loggerFactory">Receives request, retry and token lines; never a header value or secret.</param>
    /// <exception cref="ArgumentException">The options are incomplete, or would send credentials over plain http to another machine.</exception>
    public static HttpClient Create(PlatformOptions options, HttpMessageHandler? transport = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var network = transport ?? new SocketsHttpHandler();
        var pipeline = new PlatformPipeline(options, network, loggerFactory);
        var http = new HttpClient(pipeline.Chain(network));
        pipeline.Configure(http);
        return http;
    }
}
