using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;

namespace HubSpotGen.FlowService;

/// <summary>
/// Adobe IMS OAuth server-to-server: posts <c>grant_type=client_credentials</c> with the client id, secret and
/// scopes to the IMS token endpoint, and caches the token until shortly before <c>expires_in</c>. One fetch runs
/// at a time, however many callers wait for it.
/// </summary>
public sealed class ImsAccessTokenProvider : IAccessTokenProvider, IDisposable
{
    private readonly ImsCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _current;

    /// <summary>The lifetime assumed when IMS names none, or zero or a negative one: a token is then kept this long, and a 401 before that renews it.</summary>
    public static readonly TimeSpan AssumedLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The longest a token is kept, whatever <c>expires_in</c> says (IMS's own tokens last 24 hours).</summary>
    public static readonly TimeSpan LongestLifetime = TimeSpan.FromHours(24);

    private readonly Func<HttpClient> _clients;
    private readonly IDisposable? _ownedClient;

    /// <summary>
    /// Fetches tokens for <paramref name="credentials"/>, which are copied and validated here, at start-up. Token
    /// requests are retried and bounded in time by <see cref="FlowServiceResilienceOptions"/>' defaults, and never
    /// follow redirects.
    /// </summary>
    /// <param name="credentials">The project's client credentials and the token address.</param>
    /// <param name="transport">Replaces the network, for tests; it is not disposed with this provider.</param>
    /// <param name="timeProvider">The clock that decides expiry; the system clock by default.</param>
    /// <param name="logger">Receives one line per fetch; never a token or the secret.</param>
    /// <exception cref="ArgumentException">The credentials are incomplete or the address is plain http to another machine.</exception>
    public ImsAccessTokenProvider(ImsCredentials credentials, HttpMessageHandler? transport = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(credentials, OwnClient(transport, logger), timeProvider, logger)
    {
    }

    private ImsAccessTokenProvider(ImsCredentials credentials, HttpClient ownedClient, TimeProvider? timeProvider, ILogger? logger)
        : this(credentials, () => ownedClient, ownedClient, timeProvider, logger)
    {
    }

    /// <param name="credentials">Copied and validated here.</param>
    /// <param name="clients">Gives the HttpClient for one fetch, whose handlers carry the retry and timeout policy (IHttpClientFactory's named client, with DI).</param>
    /// <param name="ownedClient">Disposed with this provider; null when <paramref name="clients"/> belongs to someone else.</param>
    /// <param name="timeProvider">The clock that decides expiry.</param>
    /// <param name="logger">Receives one line per fetch.</param>
    internal ImsAccessTokenProvider(ImsCredentials credentials, Func<HttpClient> clients, IDisposable? ownedClient, TimeProvider? timeProvider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        credentials.Validate();
        _credentials = credentials.Snapshot();
        _clients = clients;
        _ownedClient = ownedClient;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How many tokens this provider has fetched from IMS.</summary>
    public int FetchCount => Volatile.Read(ref _fetchCount);

    private int _fetchCount;

    /// <inheritdoc/>
    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever held the gate before may have fetched the token this caller was waiting for.
            return Fresh() ?? await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask<string?> RefreshAccessTokenAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Many requests may be rejected with the same token; only the first report fetches a new one.
            if (_current is { } current && current.Token != rejectedToken && Fresh() is { } fresher)
            {
                return fresher;
            }

            _current = null;
            return await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Releases the HTTP client this provider made (never a transport that was passed in).</summary>
    public void Dispose()
    {
        _ownedClient?.Dispose();
        _gate.Dispose();
    }

    private static HttpClient OwnClient(HttpMessageHandler? transport, ILogger? logger)
    {
        var network = PlatformTransport.CallersOrNew(transport);
        var resilience = new FlowServiceResilienceOptions();
        var http = new HttpClient(PlatformPipeline.Link(PlatformPipeline.ImsHandlers(new FlowServiceRetryPipelines(resilience, logger ?? NullLogger.Instance), resilience), network));
        http.Timeout = Timeout.InfiniteTimeSpan;
        return http;
    }

    /// <summary>Never shows a token or the secret.</summary>
    public override string ToString() => $"ImsAccessTokenProvider {{ {_credentials} }}";

    private string? Fresh() => _current is { } current && _time.GetUtcNow() < current.RefreshAt ? current.Token : null;

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _credentials.TokenAddress)
        {
            Content = new FormUrlEncodedContent(
            [
                new("grant_type", "client_credentials"),
                new("client_id", _credentials.ClientId!),
                new("client_secret", _credentials.ClientSecret!),
                new("scope", _credentials.Scopes),
            ]),
        };

        // Asking twice only mints two tokens, so a token request may be repeated after any failure.
        request.Options.Set(FlowServiceRetryPipelines.SafeToRepeat, true);
        var address = TransportSecurity.Displayed(_credentials.TokenAddress);
        FlowServiceLog.FetchingImsToken(_logger, address);
        Interlocked.Increment(ref _fetchCount);
        PlatformInstruments.TokenFetches.Add(1, new KeyValuePair<string, object?>(HttpTags.ServerAddress, _credentials.TokenAddress.Host));
        HttpResponseMessage response;
        string body;
        try
        {
            response = await _clients().SendAsync(request, cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new ImsTokenException($"IMS at {address} could not be reached: {exception.Message}", _credentials.TokenAddress, innerException: exception);
        }
        catch (Exception exception) when (exception is TimeoutException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ImsTokenException($"IMS at {address} did not answer in time.", _credentials.TokenAddress, innerException: exception);
        }
        catch (ApiException exception)
        {
            // A redirect or an oversized answer, refused by the pipeline; its message names no secret.
            throw new ImsTokenException("IMS token request: " + exception.Message, _credentials.TokenAddress, exception.StatusCode, innerException: exception);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status < 200 || status >= 300)
            {
                throw Refusal(status, body, address);
            }

            var answer = TryRead<ImsTokenAnswer>(body);
            if (answer?.AccessToken is not { Length: > 0 } token)
            {
                // The body is not quoted: a malformed answer could hold a token.
                throw new ImsTokenException($"IMS at {address} answered {status} without an access_token.", _credentials.TokenAddress, status);
            }

            var lifetime = LifetimeOf(SecondsOf(answer.ExpiresIn));
            var margin = _credentials.RefreshMargin < lifetime / 2 ? _credentials.RefreshMargin : lifetime / 2;
            _current = new CachedToken(token, _time.GetUtcNow() + lifetime - margin);
            FlowServiceLog.FetchedImsToken(_logger, lifetime);
            return token;
        }
    }

    /// <summary>
    /// How long a token is kept: <c>expires_in</c> within sane bounds. A missing, zero or negative value would
    /// otherwise cache nothing (a fetch per call), and a huge one would overflow the clock.
    /// </summary>
    internal static TimeSpan LifetimeOf(double? expiresInSeconds) =>
        expiresInSeconds is not { } seconds || double.IsNaN(seconds) || seconds <= 0 ? AssumedLifetime
        : seconds >= LongestLifetime.TotalSeconds ? LongestLifetime
        : TimeSpan.FromSeconds(seconds);

    private static double? SecondsOf(Newtonsoft.Json.Linq.JToken? value)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.ToString(Formatting.None).Trim('"');
        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
    }

    private ImsTokenException Refusal(int status, string body, string address)
    {
        var error = TryRead<ImsErrorAnswer>(body);
        var code = Short(error?.Error);
        var description = Short(error?.ErrorDescription);

        // IMS error bodies hold a code and a description; the secret is scrubbed in case one ever echoes it.
        description = description?.Replace(_credentials.ClientSecret!, "***", StringComparison.Ordinal);
        var what = code is null ? "" : description is null ? ": " + code : ": " + code + " (" + description + ")";
        var message = status is >= 400 and < 500
            ? $"IMS refused the client credentials{what}; it answered {status} at {address}."
            : $"IMS at {address} answered {status}{what}.";
        return new ImsTokenException(message, _credentials.TokenAddress, status, code, description);
    }

    private static string? Short(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= 300 ? text : text[..300] + "…";

    private static T? TryRead<T>(string body)
        where T : class
    {
        try
        {
            return JsonConvert.DeserializeObject<T>(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);

    private sealed class ImsTokenAnswer
    {
        [JsonProperty("access_token")]
        public string? AccessToken { get; set; }

        // Read as a token: IMS documents a number, but a string or a value beyond any integer type must not fail the read.
        [JsonProperty("expires_in")]
        public Newtonsoft.Json.Linq.JToken? ExpiresIn { get; set; }
    }

    private sealed class ImsErrorAnswer
    {
        [JsonProperty("error")]
        public string? Error { get; set; }

        [JsonProperty("error_description")]
        public string? ErrorDescription { get; set; }
    }
}
