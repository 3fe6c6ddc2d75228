using HubSpotGen.FlowService.Models;
using System.Net.Http.Headers;
using Newtonsoft.Json;

namespace HubSpotGen.FlowService;

/// <summary>
/// The Flow Service view of an error answer: status, service code, title, detail and request id, read from
/// whichever of Platform's error shapes the body has. Bodies that are HTML, empty, cut off or of another shape
/// still give a view: the status, the request id header and the raw body are always there.
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Kind">The status as a kind to branch on.</param>
/// <param name="Code">The gateway's <c>error_code</c> (such as 401013) or the FLOW-xxxx-yyy code from <c>type</c>; null when the body has neither.</param>
/// <param name="Title">Flow Service's <c>title</c>, or the gateway's <c>message</c>; null when the body has neither.</param>
/// <param name="Detail">The longer explanation: <c>detail</c>, <c>report.detailed-message</c> or <c>errorDetails</c>.</param>
/// <param name="RequestId">The <c>x-request-id</c> header, or the body's <c>report.request-id</c>; quote it to Adobe support.</param>
/// <param name="RetryAfter">How long the service asked to wait (<c>Retry-After</c>, seconds or date); null when it did not say.</param>
/// <param name="RawBody">The start of the body, at most <see cref="RawBodyLimit"/> characters; empty when there was none.</param>
public sealed record FlowServiceError(
    int Status,
    FlowServiceErrorKind Kind,
    string? Code,
    string? Title,
    string? Detail,
    string? RequestId,
    TimeSpan? RetryAfter,
    string RawBody)
{
    /// <summary>How many characters of the body the view keeps: enough for any Platform error, small enough to log.</summary>
    public const int RawBodyLimit = 4096;

    /// <summary>True for 404.</summary>
    public bool IsNotFound => Kind == FlowServiceErrorKind.NotFound;

    /// <summary>True for 412 (stale etag).</summary>
    public bool IsPreconditionFailed => Kind == FlowServiceErrorKind.PreconditionFailed;

    /// <summary>True for 401 and 403: the caller's credentials, not the request, are the problem.</summary>
    public bool IsAuthenticationProblem => Kind is FlowServiceErrorKind.Unauthorized or FlowServiceErrorKind.Forbidden;

    /// <summary>True for 429, 502, 503 and 504: trying again later may succeed.</summary>
    public bool IsTransient => Kind is FlowServiceErrorKind.TooManyRequests or FlowServiceErrorKind.Unavailable;

    /// <summary>Reads the view from an exception the generated client (or the facade) raised.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>The view; never null.</returns>
    public static FlowServiceError From(ApiException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var body = exception.ResponseBody ?? string.Empty;
        var error = (exception as ApiException<ErrorResponse>)?.Error ?? TryRead(body);
        var detail = FirstNonBlank(error?.Detail, error?.Report?.DetailedMessage, error?.ErrorDetails);
        return new FlowServiceError(
            exception.StatusCode,
            KindOf(exception.StatusCode),
            FirstNonBlank(error?.Code),
            FirstNonBlank(error?.Summary),
            detail,
            FirstNonBlank(HeaderValue(exception, "x-request-id"), error?.Report?.RequestId),
            RetryAfterOf(exception),
            body.Length > RawBodyLimit ? body[..RawBodyLimit] : body);
    }

    /// <summary>Maps a status to its kind.</summary>
    /// <param name="status">An HTTP status.</param>
    /// <returns>The kind; <see cref="FlowServiceErrorKind.Other"/> for statuses without one.</returns>
    public static FlowServiceErrorKind KindOf(int status) => status switch
    {
        400 => FlowServiceErrorKind.BadRequest,
        401 => FlowServiceErrorKind.Unauthorized,
        403 => FlowServiceErrorKind.Forbidden,
        404 => FlowServiceErrorKind.NotFound,
        412 => FlowServiceErrorKind.PreconditionFailed,
        422 => FlowServiceErrorKind.UnprocessableEntity,
        429 => FlowServiceErrorKind.TooManyRequests,
        502 or 503 or 504 => FlowServiceErrorKind.Unavailable,
        >= 500 and < 600 => FlowServiceErrorKind.ServerError,
        _ => FlowServiceErrorKind.Other,
    };

    /// <summary>One line for people: status, code, title and request id, whichever are known. Never the body.</summary>
    public string Describe()
    {
        var text = Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Code is not null)
        {
            text += " " + Code;
        }

        if (Title is not null)
        {
            text += " " + Title;
        }

        return RequestId is null ? text : text + " (request id " + RequestId + ")";
    }

    /// <summary>Shows <see cref="Describe"/> and the detail; the raw body is left out because it is for diagnosis, not display.</summary>
    public override string ToString() => Detail is null ? Describe() : Describe() + ": " + Detail;

    private static ErrorResponse? TryRead(string body)
    {
        var trimmed = body.TrimStart();
        if (!trimmed.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonConvert.DeserializeObject<ErrorResponse>(body);
        }
        catch (JsonException)
        {
            // A cut-off or odd body still yields the status, header request id and raw text.
            return null;
        }
    }

    private static string? HeaderValue(ApiException exception, string name)
    {
        foreach (var header in exception.Headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return FirstNonBlank(header.Value.FirstOrDefault());
            }
        }

        return null;
    }

    private static TimeSpan? RetryAfterOf(ApiException exception)
    {
        var value = HeaderValue(exception, "Retry-After");
        if (value is null || !RetryConditionHeaderValue.TryParse(value, out var parsed))
        {
            return null;
        }

        if (parsed.Delta is { } delta)
        {
            return delta;
        }

        return parsed.Date is { } date ? Max(date - DateTimeOffset.UtcNow, TimeSpan.Zero) : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string? FirstNonBlank(params string?[] values)
    {
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }
}
