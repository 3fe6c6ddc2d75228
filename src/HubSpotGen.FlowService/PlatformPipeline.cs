using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HubSpotGen.FlowService;

/// <summary>
/// The message handlers for one set of Platform options, shared by <see cref="PlatformHttpClient.Create"/> and
/// <see cref="Microsoft.Extensions.DependencyInjection.FlowServiceServiceCollectionExtensions.AddFlowServiceClient"/> so both build the same pipeline.
/// The token provider and the retry pipelines live as long as this object; handlers are made fresh on request,
/// because IHttpClientFactory rebuilds its handler chain from time to time.
/// </summary>
internal sealed class PlatformPipeline : IDisposable
{
    private readonly PlatformOptions _options;
    private readonly IAccessTokenProvider _tokens;
    private readonly FlowServiceRetryPipelines? _retries;
    private readonly ILogger _logger;
    private readonly IDisposable? _ownedTokens;

    /// <param name="options">Validated here, before any request.</param>
    /// <param name="tokenTransport">Carries IMS token requests; null for the provider's own connection.</param>
    /// <param name="loggerFactory">Receives request, retry and token lines.</param>
    public PlatformPipeline(PlatformOptions options, HttpMessageHandler? tokenTransport, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(FlowServiceEventIds.Category);
        _tokens = options.CreateTokenProvider(tokenTransport, _logger);
        _ownedTokens = ReferenceEquals(_tokens, options.TokenProvider) ? null : _tokens as IDisposable;

        _retries = options.Resilience is { } resilience ? new FlowServiceRetryPipelines(resilience, _logger) : null;
    }

    /// <summary>The handlers, outermost first: header policy and token, timeout reporting and retries (when on), body buffering.</summary>
    public IEnumerable<DelegatingHandler> CreateHandlers()
    {
        yield return new PlatformHeadersHandler(_options, _tokens, _logger);
        if (_retries is not null)
        {
            yield return new TimeoutReportingHandler();
            yield return new ResilienceHandler(_retries.For);
        }

        yield return new ResponseBufferingHandler();
    }

    /// <summary>Points <paramref name="http"/> at Flow Service.</summary>
    public void Configure(HttpClient http)
    {
        http.BaseAddress = _options.BaseAddress;
        if (_retries is not null)
        {
            // The pipeline's total timeout bounds each call; the client's own 100 s default would cut it short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        }
    }

    /// <summary>Releases the IMS token connection this pipeline opened; a provider from the options stays the caller's.</summary>
    public void Dispose() => _ownedTokens?.Dispose();

    /// <summary>The handlers linked into one chain over <paramref name="transport"/>.</summary>
    public HttpMessageHandler Chain(HttpMessageHandler transport)
    {
        var handlers = CreateHandlers().ToList();
        for (var index = handlers.Count - 1; index >= 0; index--)
        {
            handlers[index].InnerHandler = transport;
            transport = handlers[index];
        }

        return transport;
    }
}
