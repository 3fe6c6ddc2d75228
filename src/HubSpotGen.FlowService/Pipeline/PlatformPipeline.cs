using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HubSpotGen.FlowService;

/// <summary>
/// The message handlers for one set of Platform options, shared by <see cref="PlatformHttpClient.Create"/> and
/// <see cref="Microsoft.Extensions.DependencyInjection.FlowServiceServiceCollectionExtensions"/> so both build the same pipeline.
/// The options are copied when this is built. The token provider and the retry pipelines live as long as this
/// object; handlers are made fresh on request, because IHttpClientFactory rebuilds its handler chain from time to time.
/// </summary>
internal sealed class PlatformPipeline : IDisposable
{
    private readonly PlatformOptions _options;
    private readonly IAccessTokenProvider _tokens;
    private readonly FlowServiceRetryPipelines? _retries;
    private readonly ILogger _logger;
    private readonly IDisposable? _ownedTokens;

    /// <param name="options">Copied and validated here, before any request.</param>
    /// <param name="imsClients">Gives the HttpClient of one IMS token request; null for one over <paramref name="imsNetwork"/>.</param>
    /// <param name="imsNetwork">Carries IMS token requests when <paramref name="imsClients"/> is null; null for a new transport. Never disposed here.</param>
    /// <param name="loggerFactory">Receives request, retry and token lines.</param>
    public PlatformPipeline(PlatformOptions options, Func<HttpClient>? imsClients, HttpMessageHandler? imsNetwork, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Snapshot();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(FlowServiceEventIds.Category);
        _retries = _options.Resilience is { } resilience ? new FlowServiceRetryPipelines(resilience, _logger) : null;

        if (_options.TokenProvider is { } provider)
        {
            _tokens = provider;
        }
        else if (_options.Ims is { } ims)
        {
            HttpClient? ownedClient = null;
            if (imsClients is null)
            {
                var network = PlatformTransport.CallersOrNew(imsNetwork);
                ownedClient = new HttpClient(Link(CreateImsHandlers(), network));
                Configure(ownedClient, baseAddress: null);
                imsClients = () => ownedClient;
            }

            var imsProvider = new ImsAccessTokenProvider(ims, imsClients, ownedClient, timeProvider: null, _logger);
            _tokens = imsProvider;
            _ownedTokens = imsProvider;
        }
        else
        {
            _tokens = new StaticAccessTokenProvider(_options.AccessToken!);
        }
    }

    /// <summary>The handlers of a Flow Service call, outermost first: its activity and duration, header policy and token, the call's budget and retries (when on), body buffering, redirect refusal.</summary>
    public IEnumerable<DelegatingHandler> CreateHandlers()
    {
        yield return new OperationTelemetryHandler();
        yield return new PlatformHeadersHandler(_options, _tokens, _logger);
        foreach (var handler in ResilienceHandlers(_retries, _options.Resilience, _options.MaxResponseBytes))
        {
            yield return handler;
        }
    }

    /// <summary>The handlers of an IMS token request: the same retries, timeouts, limits and redirect rule as a Flow Service call, without Platform's headers.</summary>
    public IEnumerable<DelegatingHandler> CreateImsHandlers() => ResilienceHandlers(_retries, _options.Resilience, _options.MaxResponseBytes);

    /// <summary>The handlers a token provider built outside a pipeline uses: the production retry defaults.</summary>
    public static IEnumerable<DelegatingHandler> ImsHandlers(FlowServiceRetryPipelines retries, FlowServiceResilienceOptions resilience) =>
        ResilienceHandlers(retries, resilience, PlatformOptions.DefaultMaxResponseBytes);

    /// <summary>Points <paramref name="http"/> at Flow Service.</summary>
    public void Configure(HttpClient http) => Configure(http, _options.BaseAddress);

    /// <summary>Points <paramref name="http"/> at the service <paramref name="address"/> picks from the copied options.</summary>
    public void Configure(HttpClient http, Func<PlatformOptions, Uri> address) => Configure(http, address(_options));

    /// <summary>Releases the IMS token provider this pipeline made; a provider from the options stays the caller's.</summary>
    public void Dispose() => _ownedTokens?.Dispose();

    /// <summary><paramref name="handlers"/> linked into one chain over <paramref name="transport"/>, outermost first.</summary>
    public static HttpMessageHandler Link(IEnumerable<DelegatingHandler> handlers, HttpMessageHandler transport)
    {
        var list = handlers.ToList();
        for (var index = list.Count - 1; index >= 0; index--)
        {
            list[index].InnerHandler = transport;
            transport = list[index];
        }

        return transport;
    }

    private void Configure(HttpClient http, Uri? baseAddress)
    {
        http.BaseAddress = baseAddress;
        if (_retries is not null)
        {
            // The pipeline's total timeout bounds each call; the client's own 100 s default would cut it short.
            http.Timeout = Timeout.InfiniteTimeSpan;
        }
    }

    private static IEnumerable<DelegatingHandler> ResilienceHandlers(FlowServiceRetryPipelines? retries, FlowServiceResilienceOptions? resilience, long maxResponseBytes)
    {
        if (retries is not null)
        {
            yield return new CallBudgetHandler(resilience!.TotalTimeout, TimeProvider.System);
            yield return new ResilienceHandler(retries.For);
        }

        yield return new ResponseBufferingHandler(maxResponseBytes);
        yield return new RedirectRefusalHandler();
    }
}
