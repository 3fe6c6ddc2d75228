using System.Globalization;
using HubSpotGen.FlowService;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli;

/// <summary>One line for stderr about a failed call: the service, status, its error code, title, detail and the request id.</summary>
internal static class ServiceErrorReport
{
    /// <summary>How much of the service's detail the line keeps: enough for any explanation Platform gives, short enough for one line.</summary>
    public const int DetailLimit = 300;

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
        var detail = DetailOf(view) is { } text ? ": " + text : "";
        var requestId = view.RequestId is null ? "" : $" (request id {view.RequestId})";
        var retryAfter = view.RetryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $"; it asked to retry after {Math.Ceiling(wait.TotalSeconds)} s") : "";
        return OneLine($"error: {ServiceOf(exception)} answered {exception.StatusCode}: {code}: {title}{detail}{requestId}{retryAfter}");
    }

    /// <summary>
    /// The service's longer explanation (its <c>detail</c>, <c>report.detailed-message</c> or <c>errorDetails</c>, else
    /// its <c>errorMessage</c>), unless it only repeats the title; cut at <see cref="DetailLimit"/> characters.
    /// </summary>
    private static string? DetailOf(FlowServiceError view)
    {
        var detail = view.Detail ?? ErrorMessageOf(view.RawBody);
        if (string.IsNullOrWhiteSpace(detail) || string.Equals(detail.Trim(), view.Title?.Trim(), StringComparison.Ordinal))
        {
            return null;
        }

        detail = OneLine(detail);
        return detail.Length > DetailLimit ? detail[..DetailLimit] + "…" : detail;
    }

    /// <summary>Flow Service's <c>errorMessage</c>, which the view folds into the title only when there is no title.</summary>
    private static string? ErrorMessageOf(string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JObject.Parse(body)["errorMessage"] is JValue { Type: JTokenType.String } message ? (string?)message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The dataflow facade hands Catalog's and Data Prep's errors on as Flow Service's type, the original inside.</summary>
    private static string ServiceOf(ApiException exception) => exception.InnerException switch
    {
        FlowService.Catalog.ApiException => "Catalog",
        FlowService.DataPrep.ApiException => "Data Prep",
        _ => "Flow Service",
    };

    /// <summary>
    /// An argument the library refused: its message without the " (Parameter 'name')" that .NET appends, which names
    /// a C# parameter the user of the command never sees.
    /// </summary>
    public static string Describe(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = exception.ParamName is { } name ? $" (Parameter '{name}')" : null;
        if (suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }

        return OneLine(message);
    }

    /// <summary>
    /// A dataflow step failed and so did deleting what it had made: the failure as usual, then every id that remains,
    /// so that the user can delete them by hand.
    /// </summary>
    public static string DescribeCleanupFailure(DataflowCleanupException exception)
    {
        var failure = exception.InnerException switch
        {
            ApiException service => Describe(service),
            { } other => "error: " + OneLine(other.Message),
            null => "error: a dataflow step failed",
        };
        return OneLine($"{failure}; cleaning up failed too, and these remain: {string.Join(", ", exception.RemainingIds)}");
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
    /// <param name="exception">The refusal.</param>
    /// <param name="group">The command group of the entity changed: <c>connections</c> or <c>dataflows</c>.</param>
    public static string DescribeStaleEtag(PreconditionFailedException exception, string group) =>
        $"{Describe(exception)}: etag {exception.SuppliedEtag} is stale, {group.TrimEnd('s')} {exception.EntityId} changed since it was read; " +
        $"run 'hubspotgen {group} get {exception.EntityId}' for its current etag and retry";
}
