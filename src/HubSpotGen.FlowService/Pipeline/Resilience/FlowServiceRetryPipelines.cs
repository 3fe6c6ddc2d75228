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

    public FlowServiceRetryPipelines(FlowServiceResilienceOptions options, ILogger logger, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        _idempotent = Build(options, logger, time, RetrySafety.Idempotent);
        _onlyIfNotActed = Build(options, logger, time, RetrySafety.OnlyIfNotActed);
    }

    /// <summary>Retries seen since start-up, for tests and diagnostics.</summary>
    public int RetryCount => Volatile.Read(ref _retryCount);

    private int _retryCount;

    public ResiliencePipeline<HttpResponseMessage> For(HttpRequestMessage request) =>
        SafetyOf(request) == RetrySafety.Idempotent ? _idempotent : _onlyIfNotActed;

    /// <summary>Marks a request that may be repeated whatever its method, such as an IMS token request: asking twice only mints two tokens.</summary>
    public static readonly HttpRequestOptionsKey<bool> SafeToRepeat = new("HubSpotGen.SafeToRepeat");

    public static RetrySafety SafetyOf(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(SafeToRepeat, out var safe) && safe)
        {
            return RetrySafety.Idempotent;
        }

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

    /// <summary>The wait a 429 or 503 asked for in Retry-After (seconds or HTTP date); null when it named none.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        if (response?.Headers.RetryAfter is not RetryConditionHeaderValue retryAfter)
        {
            return null;
        }

        var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - now : null);
        return wait is { } value && value < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>
    /// True when the server asked for a wait the client will not make: longer than <paramref name="cap"/>, or past
    /// the call's deadline. Retrying sooner than asked would be refused again, and waiting past the budget would
    /// end in a timeout that hides the answer saying when to come back, so the answer is returned at once.
    /// </summary>
    public static bool AskedForTooLongAWait(HttpResponseMessage? response, TimeSpan cap, DateTimeOffset now)
    {
        if (RetryAfter(response, now) is not { } wait)
        {
            return false;
        }

        return wait > cap
            || (response!.RequestMessage is { } request && request.Options.TryGetValue(CallBudgetHandler.Deadline, out var deadline) && now + wait > deadline);
    }

    /// <summary>True when the answer to the attempt may have been lost after the service acted on it.</summary>
    private static bool AnswerMayHaveBeenLost(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        // The connection was never made: nothing was sent.
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => false,
        not null => true,
        null => outcome.Result?.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout,
    };

    private ResiliencePipeline<HttpResponseMessage> Build(FlowServiceResilienceOptions options, ILogger logger, TimeProvider time, RetrySafety safety)
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
                ShouldHandle = arguments => ValueTask.FromResult(
                    IsRetryable(arguments.Outcome, safety) && !AskedForTooLongAWait(arguments.Outcome.Result, options.MaxRetryAfter, time.GetUtcNow())),
                DelayGenerator = arguments => ValueTask.FromResult(RetryAfter(arguments.Outcome.Result, time.GetUtcNow())),
                OnRetry = arguments =>
                {
                    Interlocked.Increment(ref _retryCount);
                    if (AnswerMayHaveBeenLost(arguments.Outcome))
                    {
                        AttemptHistory.RecordRepeatAfterLostAnswer();
                    }

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
