using HubSpotGen.FlowService;

namespace HubSpotGen.Cli;

/// <summary>One line for stderr about a failed call: status, the service's error code, its title and the request id.</summary>
internal static class ServiceErrorReport
{
    public static string Describe(ApiException exception)
    {
        var error = (exception as ApiException<ErrorResponse>)?.Error;
        if (error is null && exception.StatusCode is >= 200 and < 300)
        {
            // A success answer the client could not use; its message describes the shape, never the content.
            return "error: " + exception.Message;
        }

        var view = exception.ToFlowServiceError();
        var code = view.Code ?? "no error code";
        var title = view.Title ?? "no error title";
        var requestId = view.RequestId is null ? "" : $" (request id {view.RequestId})";
        return $"error: Flow Service answered {exception.StatusCode}: {code}: {title}{requestId}";
    }

    /// <summary>A 412 on a change: the usual line, plus which etag was stale and what to do about it.</summary>
    public static string DescribeStaleEtag(PreconditionFailedException exception) =>
        $"{Describe(exception)}: etag {exception.SuppliedEtag} is stale, connection {exception.ConnectionId} changed since it was read; " +
        $"run 'hubspotgen connections get {exception.ConnectionId}' for its current etag and retry";
}
