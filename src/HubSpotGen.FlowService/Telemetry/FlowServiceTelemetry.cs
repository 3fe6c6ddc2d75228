namespace HubSpotGen.FlowService;

/// <summary>
/// The names under which the library traces and measures its calls, for an OpenTelemetry registration:
/// <c>tracing.AddSource(FlowServiceTelemetry.ActivitySourceName)</c> and <c>metrics.AddMeter(FlowServiceTelemetry.MeterName)</c>.
/// </summary>
/// <remarks>
/// Every operation of the generated clients over the library's pipeline (<see cref="PlatformHttpClient.Create"/>,
/// <see cref="PlatformClients.Create"/> or <c>AddFlowServiceClient</c>), one method call with its retries, is one activity of kind
/// Client, named <c>{method} {route template}</c>, with OpenTelemetry's HTTP client tags: <c>http.request.method</c>,
/// <c>url.template</c> (the spec's path template, such as <c>/connections/{connectionId}</c>, never the path with
/// its ids), <c>server.address</c>, <c>server.port</c> (when not the scheme's default),
/// <c>http.response.status_code</c>, <c>http.request.resend_count</c> (when the request was sent more than once),
/// <c>error.type</c> (on failure) and <c>http.response.header.x-request-id</c> (the service's request id, which
/// Adobe support asks for). No tag carries a header value, a body, a query string or an id from the path.
/// </remarks>
public static class FlowServiceTelemetry
{
    /// <summary>The name of the library's ActivitySource.</summary>
    public const string ActivitySourceName = "HubSpotGen.FlowService";

    /// <summary>The name of the library's Meter.</summary>
    public const string MeterName = "HubSpotGen.FlowService";

    /// <summary>
    /// A histogram of how long each operation took, in seconds, retries and their waits included, tagged like the
    /// activity (without the resend count and the request id).
    /// </summary>
    public const string RequestDurationInstrument = "http.client.request.duration";

    /// <summary>A counter of the times a request was sent again: a retry after a transient failure, or the one repeat with a renewed token after a 401.</summary>
    public const string RetriesInstrument = "hubspotgen.client.request.retries";

    /// <summary>A counter of the access tokens asked of IMS, tagged with the IMS host as <c>server.address</c>.</summary>
    public const string TokenFetchesInstrument = "hubspotgen.ims.token.fetches";
}
