namespace HubSpotGen.FlowService;

/// <summary>The OpenTelemetry HTTP client attribute names the library's activities and measurements use.</summary>
internal static class HttpTags
{
    public const string Method = "http.request.method";
    public const string UrlTemplate = "url.template";
    public const string StatusCode = "http.response.status_code";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string ResendCount = "http.request.resend_count";
    public const string ErrorType = "error.type";
    public const string RequestId = "http.response.header.x-request-id";
}
