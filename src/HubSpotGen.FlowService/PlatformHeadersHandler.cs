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

    /// <summary>Applies <paramref name="options"/>, which are validated here, at start-up, rather than at the first call.</summary>
    /// <param name="options">The Platform values; see <see cref="PlatformOptions.Validate"/>.</param>
    /// <exception cref="ArgumentException">The options are incomplete or unsafe.</exception>
    public PlatformHeadersHandler(PlatformOptions options)
        : this(options, null, null)
    {
    }

    internal PlatformHeadersHandler(PlatformOptions options, IAccessTokenProvider? tokens, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _tokens = tokens ?? options.CreateTokenProvider(imsTransport: null, _logger);
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
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

        if (_logger.IsEnabled(LogLevel.Trace))
        {
            // The request id is what Adobe support asks for; it identifies the call and carries no credential.
            var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
            FlowServiceLog.ResponseReceived(_logger, request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, requestId);
        }
        return response;
    }

    private static void AddIfAbsent(HttpRequestHeaders headers, string name, string value)
    {
        if (!headers.Contains(name))
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }
}
