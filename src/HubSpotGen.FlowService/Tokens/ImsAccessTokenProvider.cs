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
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _current;

    /// <summary>Fetches tokens for <paramref name="credentials"/>, which are validated here, at start-up.</summary>
    /// <param name="credentials">The project's client credentials and the token address.</param>
    /// <param name="transport">Replaces the network, for tests; it is not disposed with this provider.</param>
    /// <param name="timeProvider">The clock that decides expiry; the system clock by default.</param>
    /// <param name="logger">Receives one line per fetch; never a token or the secret.</param>
    /// <exception cref="ArgumentException">The credentials are incomplete or the address is plain http to another machine.</exception>
    public ImsAccessTokenProvider(ImsCredentials credentials, HttpMessageHandler? transport = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        credentials.Validate();
        _credentials = credentials;
        _http = transport is null ? new HttpClient() : new HttpClient(transport, disposeHandler: false);
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

    /// <summary>Releases the HTTP client (not a transport that was passed in).</summary>
    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    /// <summary>Never shows a token or the secret.</summary>
    public override string ToString() => $"ImsAccessTokenProvider {{ {_credentials} }}";

    private string? Fresh() => _current is { } current && _time.GetUtcNow() < current.RefreshAt ? current.Token : null;

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", _credentials.ClientId!),
            new("client_secret", _credentials.ClientSecret!),
            new("scope", _credentials.Scopes),
        ]);
        // Scheme, host and path: a query string could carry a client secret.
        FlowServiceLog.FetchingImsToken(_logger, _credentials.TokenAddress.GetLeftPart(UriPartial.Path));
        Interlocked.Increment(ref _fetchCount);
        using var response = await _http.PostAsync(_credentials.TokenAddress, form, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status < 200 || status >= 300)
        {
            throw Refusal(response, status, body, "answered " + status + DescribeImsError(body));
        }

        ImsTokenAnswer? answer;
        try
        {
            answer = JsonConvert.DeserializeObject<ImsTokenAnswer>(body);
        }
        catch (JsonException)
        {
            answer = null;
        }

        if (answer?.AccessToken is not { Length: > 0 } token)
        {
            // The body is not quoted: a malformed answer could hold a token.
            throw Refusal(response, status, null, "answered " + status + " without an access_token");
        }

        var lifetime = TimeSpan.FromSeconds(Math.Max(answer.ExpiresIn ?? 0, 0));
        var margin = _credentials.RefreshMargin < lifetime / 2 ? _credentials.RefreshMargin : lifetime / 2;
        _current = new CachedToken(token, _time.GetUtcNow() + lifetime - margin);
        FlowServiceLog.FetchedImsToken(_logger, lifetime);
        return token;
    }

    private ApiException Refusal(HttpResponseMessage response, int status, string? body, string what)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        // IMS error bodies hold an error code and description; the secret is scrubbed in case one ever echoes it.
        var safeBody = body?.Replace(_credentials.ClientSecret!, "***", StringComparison.Ordinal);
        if (safeBody is { Length: > 8192 })
        {
            safeBody = safeBody[..8192];
        }

        return new ApiException($"IMS token request to {_credentials.TokenAddress} {what}.", status, safeBody, headers);
    }

    private static string DescribeImsError(string body)
    {
        try
        {
            var error = JsonConvert.DeserializeObject<ImsErrorAnswer>(body);
            return error?.Error is { Length: > 0 } code && code.Length <= 100 ? " (" + code + ")" : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);

    private sealed class ImsTokenAnswer
    {
        [JsonProperty("access_token")]
        public string? AccessToken { get; set; }

        [JsonProperty("expires_in")]
        public long? ExpiresIn { get; set; }
    }

    private sealed class ImsErrorAnswer
    {
        [JsonProperty("error")]
        public string? Error { get; set; }
    }
}
