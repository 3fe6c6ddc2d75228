namespace HubSpotGen.FlowService;

/// <summary>Builds an HttpClient whose pipeline applies the Platform header policy.</summary>
public static class PlatformHttpClient
{
    /// <summary>
    /// Creates an HttpClient for Flow Service at <see cref="PlatformOptions.BaseAddress"/>. The caller owns
    /// and disposes it. <paramref name="transport"/> replaces the network, for tests and in-memory runs.
    /// </summary>
    /// <exception cref="ArgumentException">The options are incomplete.</exception>
    public static HttpClient Create(PlatformOptions options, HttpMessageHandler? transport = null)
    {
        var handler = new PlatformHeadersHandler(options) { InnerHandler = transport ?? new SocketsHttpHandler() };
        return new HttpClient(handler) { BaseAddress = options.BaseAddress };
    }
}
