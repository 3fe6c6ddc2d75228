using Microsoft.Extensions.Logging;

namespace HubSpotGen.FlowService;

/// <summary>Builds an HttpClient whose pipeline applies the Platform header policy, tokens, retries and timeouts.</summary>
/// <remarks>In an application with dependency injection, <see cref="Microsoft.Extensions.DependencyInjection.FlowServiceServiceCollectionExtensions"/> builds the same pipeline through IHttpClientFactory.</remarks>
public static class PlatformHttpClient
{
    /// <summary>
    /// Creates an HttpClient for Flow Service at <see cref="PlatformOptions.BaseAddress"/>. The caller owns
    /// and disposes it; disposing it also releases the IMS token connection it opened. <paramref name="transport"/>
    /// replaces the network, for tests and in-memory runs; IMS token requests go through it too, and it stays the
    /// caller's: it is never disposed here.
    /// </summary>
    /// <remarks>
    /// The options are copied: changing them afterwards changes nothing this client sends. The pipeline, outermost
    /// first: header policy and token (refreshed once on 401), the call's total timeout, retries with per-attempt
    /// timeouts (when <see cref="PlatformOptions.Resilience"/> is set), body buffering up to
    /// <see cref="PlatformOptions.MaxResponseBytes"/>, redirect refusal, transport. The transport created when none
    /// is given follows no redirects and keeps no cookies; one passed in should do the same.
    /// </remarks>
    /// <param name="options">Where and as whom; copied and validated here, before any request.</param>
    /// <param name="transport">Replaces the network; null for a new <see cref="SocketsHttpHandler"/>.</param>
    /// <param name="loggerFactory">Receives request, retry and token lines; never a header value or secret.</param>
    /// <exception cref="ArgumentException">The options are incomplete, or would send credentials over plain http to another machine.</exception>
    public static HttpClient Create(PlatformOptions options, HttpMessageHandler? transport = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pipeline = new PlatformPipeline(options, imsClients: null, transport, loggerFactory);
        var network = PlatformTransport.CallersOrNew(transport);
        var http = new HttpClient(new PipelineOwner(pipeline, PlatformPipeline.Link(pipeline.CreateHandlers(), network)));
        pipeline.Configure(http);
        return http;
    }

    /// <summary>Ties the pipeline's lifetime (its IMS token provider) to the HttpClient's.</summary>
    private sealed class PipelineOwner(PlatformPipeline pipeline, HttpMessageHandler chain) : DelegatingHandler(chain)
    {
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                pipeline.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
