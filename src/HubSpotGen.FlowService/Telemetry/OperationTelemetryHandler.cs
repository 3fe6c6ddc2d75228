using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace HubSpotGen.FlowService;

/// <summary>
/// The outermost handler of a Platform call: one activity and one duration measurement per operation, whatever
/// retries and token renewals happen inside it. Everything it tags comes from the method, the configured host, the
/// spec's path template and the answer's status and request id: never a header value, a body, a query or the path.
/// </summary>
internal sealed class OperationTelemetryHandler : DelegatingHandler
{
    /// <summary>The spec's path template, such as <c>/connections/{connectionId}</c>, which the generated clients set on every request.</summary>
    public static readonly HttpRequestOptionsKey<string> UrlTemplate = new("HubSpotGen.UrlTemplate");

    private static readonly HttpRequestOptionsKey<StrongBox<int>> Attempts = new("HubSpotGen.Attempts");

    /// <summary>Called just above the transport for every attempt, so that the operation knows how often it was sent.</summary>
    public static void RecordAttempt(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(Attempts, out var attempts))
        {
            Interlocked.Increment(ref attempts.Value);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempts = new StrongBox<int>();
        request.Options.Set(Attempts, attempts);
        var tags = RequestTags(request, out var name);
        var started = Stopwatch.GetTimestamp();
        using var activity = PlatformInstruments.Source.StartActivity(name, ActivityKind.Client, parentContext: default, tags);
        HttpResponseMessage? response = null;
        Exception? failure = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception)
        {
            failure = exception;
            throw;
        }
        finally
        {
            Record(activity, tags, response, failure, Volatile.Read(ref attempts.Value) - 1, Stopwatch.GetElapsedTime(started));
        }
    }

    private static TagList RequestTags(HttpRequestMessage request, out string name)
    {
        var method = KnownMethod(request.Method);
        var tags = new TagList { { HttpTags.Method, method } };
        name = method;
        if (request.Options.TryGetValue(UrlTemplate, out var template))
        {
            tags.Add(HttpTags.UrlTemplate, template);
            name = method + " " + template;
        }

        if (request.RequestUri is { IsAbsoluteUri: true } address)
        {
            tags.Add(HttpTags.ServerAddress, address.Host);
            if (!address.IsDefaultPort)
            {
                tags.Add(HttpTags.ServerPort, address.Port);
            }
        }

        return tags;
    }

    private static void Record(Activity? activity, TagList tags, HttpResponseMessage? response, Exception? failure, int resends, TimeSpan duration)
    {
        if (resends > 0)
        {
            PlatformInstruments.Retries.Add(resends, tags);
        }

        var status = response is null ? (int?)null : (int)response.StatusCode;
        var errorType = failure is not null ? ErrorTypeOf(failure)
            : status >= 400 ? status.Value.ToString(CultureInfo.InvariantCulture)
            : null;
        if (status is { } code)
        {
            tags.Add(HttpTags.StatusCode, code);
        }

        if (errorType is not null)
        {
            tags.Add(HttpTags.ErrorType, errorType);
        }

        PlatformInstruments.RequestDuration.Record(duration.TotalSeconds, tags);
        if (activity is null)
        {
            return;
        }

        activity.SetTag(HttpTags.StatusCode, status);
        activity.SetTag(HttpTags.ErrorType, errorType);
        if (resends > 0)
        {
            activity.SetTag(HttpTags.ResendCount, resends);
        }

        if (RequestIds.Of(response) is { } requestId)
        {
            activity.SetTag(HttpTags.RequestId, new[] { requestId });
        }

        if (errorType is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }

    /// <summary>The method as OpenTelemetry names it: one of HTTP's own, else <c>_OTHER</c>, so a made-up method cannot grow the tag's values.</summary>
    private static string KnownMethod(HttpMethod method) => method.Method switch
    {
        "GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS" or "TRACE" or "CONNECT" => method.Method,
        _ => "_OTHER",
    };

    /// <summary>
    /// What failed, in few values: the transport's own error kind as .NET's HTTP metrics spell it
    /// (<c>connection_error</c>), else the exception's type. Never its message, which may quote an address.
    /// </summary>
    private static string ErrorTypeOf(Exception failure) =>
        failure is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http
            ? SnakeCase(http.HttpRequestError.ToString())
            : failure.GetType().FullName ?? failure.GetType().Name;

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        foreach (var character in name)
        {
            if (char.IsUpper(character) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(character));
        }

        return text.ToString();
    }
}
