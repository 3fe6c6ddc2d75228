using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HubSpotGen.FlowService;

/// <summary>
/// The Platform header policy: every request carries the bearer token, API key, IMS org and sandbox,
/// and every body says it is JSON. A header the caller already set on the request wins. When Flow Service
/// answers 401 to a token this handler added, the token is refreshed once and the request repeated.
/// </summary>
public sealed class PlatformHeadersHandler : DelegatingHandler
{
    private readonly PlatformOptions _options;
    private readonly IAccessTokenProvider _tokens;
    private readonly ILogger _logger;

    /// <summary>
    /// Applies <paramref name="options"/>, which are copied and validated here, at start-up, rather than at the
    /// first call. The bearer token comes from <paramref name="tokens"/>, else <see cref="PlatformOptions.TokenProvider"/>,
    /// else <see cref="PlatformOptions.AccessToken"/>. This handler creates no token provider of its own: for IMS
    /// credentials, pass an <see cref="ImsAccessTokenProvider"/> (and dispose it), or use <see cref="PlatformHttpClient.Create"/>.
    /// </summary>
    /// <param name="options">The Platform values; see <see cref="PlatformOptions.Validate"/>.</param>
    /// <param name="tokens">Supplies the bearer token; stays the caller's.</param>
    /// <exception cref="ArgumentException">The options are incomplete or unsafe, or name only IMS credentials and no token source.</exception>
    public PlatformHeadersHandler(PlatformOptions options, IAccessTokenProvider? tokens = null)
        : this(Checked(options).Snapshot(), tokens ?? options.TokenProvider ?? StaticTokenOf(options), null)
    {
    }

    /// <param name="options">Already validated and copied, once, by whoever builds the pipeline.</param>
    /// <param name="tokens">Supplies the bearer token.</param>
    /// <param name="logger">Receives request lines.</param>
    internal PlatformHeadersHandler(PlatformOptions options, IAccessTokenProvider tokens, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _tokens = tokens;
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } address || !TransportSecurity.MayCarryCredentials(address))
        {
            // The configured addresses are checked at start-up; this catches an absolute address given per call.
            throw new InvalidOperationException(
                $"Refusing to send Platform credentials to {TransportSecurity.Displayed(request.RequestUri)}: only https, or http to a loopback address, may carry them.");
        }

        var headers = request.Headers;
        string? token = null;
        if (headers.Authorization is null)
        {
            token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        AddIfAbsent(headers, "x-api-key", _options.ApiKey!);
        AddIfAbsent(headers, "x-gw-ims-org-id", _options.ImsOrgId!);
        AddIfAbsent(headers, "x-sandbox-name", _options.SandboxName!);
        if (request.Content is { } content && content.Headers.ContentType is null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        // Method and path only: the headers hold the token, and the body may hold credentials.
        FlowServiceLog.RequestSending(_logger, request.Method, request.RequestUri?.AbsolutePath);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (token is not null && response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // A 401 means the service did not act, so repeating even a POST is safe; once, so a bad
            // credential fails instead of looping.
            var renewed = await _tokens.RefreshAccessTokenAsync(token, cancellationToken).ConfigureAwait(false);
            if (renewed is not null && renewed != token)
            {
                FlowServiceLog.RepeatingWithRenewedToken(_logger, request.Method, request.RequestUri?.AbsolutePath);
                response.Dispose();
                headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }

        // The request id is what Adobe support asks for; it identifies the call and carries no credential.
        var requestId = RequestIds.Of(response);
        AttemptHistory.RecordRequestId(requestId);
        FlowServiceLog.ResponseReceived(_logger, request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, requestId);
        return response;
    }

    private static PlatformOptions Checked(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    private static IAccessTokenProvider StaticTokenOf(PlatformOptions options) =>
        options.Ims is not null || string.IsNullOrWhiteSpace(options.AccessToken)
            ? throw new ArgumentException(
                "The header handler creates no IMS token provider: pass one (new ImsAccessTokenProvider(options.Ims)), which you then dispose, or set TokenProvider or AccessToken.",
                nameof(options))
            : new StaticAccessTokenProvider(options.AccessToken);

    private static void AddIfAbsent(HttpRequestHeaders headers, string name, string value)
    {
        if (!headers.Contains(name))
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }
}
