using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HubSpotGen.FlowService;

/// <summary>
/// The two Polly pipelines behind the client: one for requests that may be repeated freely, one for requests
/// that create something. Each is total timeout, then retry, then per-attempt timeout.
/// </summary>
internal sealed class FlowServiceRetryPipelines
{
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> _onlyIfNotActed;

    public FlowServiceRetryPipelines(FlowServiceResilienceOptions options, ILogger logger)
    {
        _idempotent = Build(options, logger, RetrySafety.Idempotent);
        _onlyIfNotActed = Build(options, logger, RetrySafety.OnlyIfNotActed);
    }

    /// <summary>Retries seen since start-up, for tests and diagnostics.</summary>
    public int RetryCount => Volatile.Read(ref _retryCount);

    private int _retryCount;

    public ResiliencePipeline<HttpResponseMessage> For(HttpRequestMessage request) =>
        SafetyOf(request) == RetrySafety.Idempotent ? _idempotent : _onlyIfNotActed;

    public static RetrySafety SafetyOf(HttpRequestMessage request)
    {
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete || method == HttpMethod.Put || method == HttpMethod.Options)
        {
            return RetrySafety.Idempotent;
        }

        // A repeated PATCH carries the same etag, so after a success it fails with 412 rather than applying twice.
        return method == HttpMethod.Patch && request.Headers.IfMatch.Count > 0 ? RetrySafety.Idempotent : RetrySafety.OnlyIfNotActed;
    }

    /// <summary>True when the answer or failure is worth another attempt for a request of <paramref name="safety"/>.</summary>
    public static bool IsRetryable(Outcome<HttpResponseMessage> outcome, RetrySafety safety)
    {
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            return status == 429 || (safety == RetrySafety.Idempotent && status is 502 or 503 or 504);
        }

        return outcome.Exception switch
        {
            null => false,
            OperationCanceledException => false,
            // The connection was never made: nothing reached the service, whatever the method.
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
            // Anything else may have failed after the service read the request (and acted on it).
            HttpRequestException or TimeoutRejectedException or IOException => safety == RetrySafety.Idempotent,
            _ => false,
        };
    }

    /// <summary>The wait a 429 or 503 asked for in Retry-After (seconds or HTTP date), at most <paramref name="cap"/>.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan cap, DateTimeOffset now)
    {
        if (response?.Headers.RetryAfter is not RetryConditionHeaderValue retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
        if (wait is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > cap ? cap : value;
    }

    private ResiliencePipeline<HttpResponseMessage> Build(FlowServiceResilienceOptions options, ILogger logger, RetrySafety safety)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = arguments => ValueTask.FromResult(IsRetryable(arguments.Outcome, safety)),
                DelayGenerator = arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome.Result, options.MaxRetryAfter, TimeProvider.System.GetUtcNow())),
                OnRetry = arguments =>
                {
                    Interlocked.Increment(ref _retryCount);
                    FlowServiceLog.Retrying(
                        logger,
                        Describe(arguments.Outcome),
                        arguments.AttemptNumber + 1,
                        options.MaxRetries,
                        arguments.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    // Status or exception type and message only: neither carries request headers.
    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + response.ReasonPhrase
            : outcome.Exception is { } exception ? exception.GetType().Name + ": " + exception.Message : "no answer";
}
