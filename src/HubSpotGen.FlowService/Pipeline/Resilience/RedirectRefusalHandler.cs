namespace HubSpotGen.FlowService;

/// <summary>
/// Refuses every 3xx answer. Following one would resend the request, headers and body (a create carries the
/// HubSpot client secret and tokens), to an address nobody configured; the transport the library creates does not
/// follow redirects, and this turns the answer into an error that says where it pointed. Sitting right above the
/// transport, it also counts the attempts sent (for the operation's resend count) and the answers the transport
/// hands back (see <see cref="AttemptHistory"/>).
/// </summary>
internal sealed class RedirectRefusalHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        OperationTelemetryHandler.RecordAttempt(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        AttemptHistory.RecordAnswerReceived();
        var status = (int)response.StatusCode;
        if (status is < 300 or >= 400)
        {
            return response;
        }

        using (response)
        {
            var location = response.Headers.Location;
            var target = location is null ? "no Location"
                : location.IsAbsoluteUri ? "host " + location.Host
                : "a path on the same host";
            throw UnexpectedAnswer.Refused(request, response, $" ({response.ReasonPhrase}), a redirect to {target}; redirects are not followed, so nothing was sent there.");
        }
    }
}
