using System.Globalization;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli;

/// <summary>One line for stderr about a failed call: status, the service's error code, its title and the request id.</summary>
internal static class ServiceErrorReport
{
    public static string Describe(ApiException exception)
    {
        if (exception.ResponseBody is null)
        {
            // The client's own refusal of an answer it did not read (a redirect, an answer over the size limit, a
            // success of the wrong shape): its message says what and why, never the content.
            return "error: " + OneLine(exception.Message);
        }

        var view = exception.ToFlowServiceError();
        var code = view.Code ?? "no error code";
        var title = view.Title ?? "no error title";
        var requestId = view.RequestId is null ? "" : $" (request id {view.RequestId})";
        var retryAfter = view.RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $"; it asked to retry after {Math.Ceiling(wait.TotalSeconds)} s") : "";
        return OneLine($"error: Flow Service answered {exception.StatusCode}: {code}: {title}{requestId}{retryAfter}");
    }

    /// <summary><paramref name="text"/> with its line breaks and other control characters as spaces: stderr gets one line per failure.</summary>
    public static string OneLine(string text) =>
        string.Create(text.Length, text, (characters, source) =>
        {
            for (var index = 0; index < source.Length; index++)
            {
                characters[index] = char.IsControl(source[index]) ? ' ' : source[index];
            }
        }).Trim();

    /// <summary>A 412 on a change: the usual line, plus which etag was stale and what to do about it.</summary>
    public static string DescribeStaleEtag(PreconditionFailedException exception) =>
        $"{Describe(exception)}: etag {exception.SuppliedEtag} is stale, connection {exception.ConnectionId} changed since it was read; " +
        $"run 'hubspotgen connections get {exception.ConnectionId}' for its current etag and retry";
}
