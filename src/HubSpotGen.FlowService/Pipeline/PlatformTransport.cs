namespace HubSpotGen.FlowService;

/// <summary>The network handler the library creates when the caller gives none.</summary>
internal static class PlatformTransport
{
    /// <summary>How long a pooled connection is reused, so that a DNS change (a failover) is seen within minutes.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// No redirects (they would carry credentials to an address nobody configured), no cookies (the API is
    /// stateless, and a cookie set by one sandbox's answer must not ride along with another's request), and every
    /// request written counted, so that a repeat the transport makes on its own is seen.
    /// </summary>
    public static HttpMessageHandler Create() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = PooledConnectionLifetime,
        PlaintextStreamFilter = (context, _) => ValueTask.FromResult<Stream>(new RequestCountingStream(context.PlaintextStream)),
    };

    /// <summary>The caller's transport, which the chain above it must not dispose, or a new one of ours.</summary>
    public static HttpMessageHandler CallersOrNew(HttpMessageHandler? transport) =>
        transport is null ? Create() : new CallerOwnedHandler(transport);
}
