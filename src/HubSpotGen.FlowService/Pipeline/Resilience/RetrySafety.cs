namespace HubSpotGen.FlowService;

/// <summary>Which failures a request may be repeated after without the service acting twice.</summary>
internal enum RetrySafety
{
    /// <summary>Repeating has the same effect as sending once: GET, HEAD, DELETE, PUT, and PATCH guarded by If-Match.</summary>
    Idempotent,

    /// <summary>POST and unguarded PATCH: repeated only when the service certainly did not act.</summary>
    OnlyIfNotActed,
}
