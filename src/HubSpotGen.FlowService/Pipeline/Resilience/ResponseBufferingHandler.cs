using System.Buffers;
using System.Globalization;

namespace HubSpotGen.FlowService;

/// <summary>
/// Reads each answer's body inside the pipeline, so a connection that breaks mid-body is a failure the retry
/// policy sees, rather than one the caller meets later while parsing. An error answer whose body is cut off is
/// kept with the part that arrived, so it still becomes an <see cref="ApiException"/>. A body larger than the
/// configured limit is refused, not retried: the same request would bring the same body.
/// </summary>
internal sealed class ResponseBufferingHandler(long maxResponseBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var declared = response.Content.Headers.ContentLength;
        if (declared > maxResponseBytes)
        {
            throw TooLarge(request, response);
        }

        var buffer = new MemoryStream(declared is { } length ? (int)length : 0);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxResponseBytes)
                    {
                        throw TooLarge(request, response);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
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

    private ApiException TooLarge(HttpRequestMessage request, HttpResponseMessage response)
    {
        using (response)
        {
            return UnexpectedAnswer.Refused(
                request,
                response,
                $" with a body larger than MaxResponseBytes ({maxResponseBytes.ToString(CultureInfo.InvariantCulture)} bytes); it was not read, and the request is not repeated.");
        }
    }
}
