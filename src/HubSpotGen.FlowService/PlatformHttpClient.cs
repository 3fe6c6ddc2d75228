using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HubSpotGen.FlowService;

/// <summary>Builds an HttpClient whose pipeline applies the Platform header policy, tokens, retries and timeouts.</summary>
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
        options.Validate();
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("HubSpotGen.FlowService");
        var network = transport ?? new SocketsHttpHandler();
        HttpMessageHandler inner = new ResponseBufferingHandler { InnerHandler = network };
        if (options.Resilience is { } resilience)
        {
            var pipelines = new FlowServiceRetryPipelines(resilience, logger);
            inner = new TimeoutReportingHandler { InnerHandler = new ResilienceHandler(pipelines.For) { InnerHandler = inner } };
        }

        var tokens = options.TokenProvider ?? (options.Ims is { } ims ? new ImsAccessTokenProvider(ims, network, logger: logger) : null);
        var handler = new PlatformHeadersHandler(options, tokens, logger) { InnerHandler = inner };
        var http = new HttpClient(handler) { BaseAddress = options.BaseAddress };
        if (options.Resilience is not null)
        {
            // The pipeline's total timeout bounds each call; the client's own 100 s default would cut it short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        }

        return http;
    }
}
