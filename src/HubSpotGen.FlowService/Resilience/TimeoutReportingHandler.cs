using Polly.Timeout;

namespace HubSpotGen.FlowService;

/// <summary>Turns Polly's timeout into the framework's <see cref="TimeoutException"/>, so callers need no Polly reference.</summary>
internal sealed class TimeoutReportingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
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
