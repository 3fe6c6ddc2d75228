using Microsoft.Extensions.Logging;

namespace HubSpotGen.FlowService;

/// <summary>
/// Every log line of the library, one source-generated method per event. None takes a header, a body or a
/// credential: what a line may show is decided here, once, by the parameters.
/// </summary>
internal static partial class FlowServiceLog
{
    [LoggerMessage(EventId = FlowServiceEventIds.RequestSending, EventName = nameof(RequestSending), Level = LogLevel.Trace,
        Message = "Sending {Method} {Path}")]
    public static partial void RequestSending(ILogger logger, HttpMethod method, string? path);

    [LoggerMessage(EventId = FlowServiceEventIds.ResponseReceived, EventName = nameof(ResponseReceived), Level = LogLevel.Trace,
        Message = "{Method} {Path} answered {Status} (request id {RequestId})")]
    public static partial void ResponseReceived(ILogger logger, HttpMethod method, string? path, int status, string? requestId);

    [LoggerMessage(EventId = FlowServiceEventIds.RepeatingWithRenewedToken, EventName = nameof(RepeatingWithRenewedToken), Level = LogLevel.Information,
        Message = "Flow Service answered 401; repeating {Method} {Path} once with a renewed token")]
    public static partial void RepeatingWithRenewedToken(ILogger logger, HttpMethod method, string? path);

    [LoggerMessage(EventId = FlowServiceEventIds.Retrying, EventName = nameof(Retrying), Level = LogLevel.Warning,
        Message = "Retrying after {Reason} (retry {Retry} of {MaxRetries}, waiting {Delay})")]
    public static partial void Retrying(ILogger logger, string reason, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = FlowServiceEventIds.FetchingImsToken, EventName = nameof(FetchingImsToken), Level = LogLevel.Debug,
        Message = "Fetching an IMS access token from {TokenAddress}")]
    public static partial void FetchingImsToken(ILogger logger, string tokenAddress);

    [LoggerMessage(EventId = FlowServiceEventIds.FetchedImsToken, EventName = nameof(FetchedImsToken), Level = LogLevel.Information,
        Message = "Fetched an IMS access token valid for {Lifetime}")]
    public static partial void FetchedImsToken(ILogger logger, TimeSpan lifetime);
}
