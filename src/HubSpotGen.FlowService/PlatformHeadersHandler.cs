using System.Net.Http.Headers;

namespace HubSpotGen.FlowService;

/// <summary>
/// The Platform header policy: every request carries the bearer token, API key, IMS org and sandbox,
/// and every body says it is JSON. A header the caller already set on the request wins.
/// </summary>
public sealed class PlatformHeadersHandler : DelegatingHandler
{
    private readonly PlatformOptions _options;

    /// <summary>Applies <paramref name="options"/>, which are validated here, at start-up, rather than at the first call.</summary>
    public PlatformHeadersHandler(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <inheritdoc/>
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers;
        headers.Authorization ??= new AuthenticationHeaderValue("Bearer", _options.AccessToken);
        AddIfAbsent(headers, "x-api-key", _options.ApiKey!);
        AddIfAbsent(headers, "x-gw-ims-org-id", _options.ImsOrgId!);
        AddIfAbsent(headers, "x-sandbox-name", _options.SandboxName!);
        if (request.Content is { } content && content.Headers.ContentType is null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return base.SendAsync(request, cancellationToken);
    }

    private static void AddIfAbsent(HttpRequestHeaders headers, string name, string value)
    {
        if (!headers.Contains(name))
        {
            headers.TryAddWithoutValidation(name, value);
        }
    }
}
