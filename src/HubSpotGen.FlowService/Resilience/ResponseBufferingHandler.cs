using System.Net;

namespace HubSpotGen.FlowService;

/// <summary>
/// Reads each answer's body inside the pipeline, so a connection that breaks mid-body is a failure the retry
/// policy sees, rather than one the caller meets later while parsing. An error answer whose body is cut off is
/// kept with the part that arrived, so it still becomes an <see cref="ApiException"/>.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream();
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            if (response.IsSuccessStatusCode)
            {
                response.Dispose();
                throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The answer ({(int)response.StatusCode}) was cut off before its end.", exception);
            }
        }

        var content = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        foreach (var header in response.Content.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content.Dispose();
        response.Content = content;
        return response;
    }
}
