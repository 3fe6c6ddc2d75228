using Polly.Timeout;

namespace HubSpotGen.FlowService;

/// <summary>
/// Wraps the retries: stamps each call with the moment its total budget runs out, so the retry policy can refuse
/// a wait that would pass it, and turns Polly's timeout into the framework's <see cref="TimeoutException"/>, so
/// callers need no Polly reference.
/// </summary>
internal sealed class CallBudgetHandler(TimeSpan totalTimeout, TimeProvider time) : DelegatingHandler
{
    /// <summary>When the call's total timeout ends.</summary>
    public static readonly HttpRequestOptionsKey<DateTimeOffset> Deadline = new("HubSpotGen.CallDeadline");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.Set(Deadline, time.GetUtcNow() + totalTimeout);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException exception)
        {
            throw new TimeoutException($"{request.Method} {request.RequestUri?.AbsolutePath} did not finish within {exception.Timeout}.", exception);
        }
    }
}
