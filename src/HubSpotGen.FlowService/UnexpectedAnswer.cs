namespace HubSpotGen.FlowService;

/// <summary>
/// The exception for an answer the client cannot use, shaped like the generated client's own
/// "not the JSON the spec describes" error so callers handle one type for every unusable answer.
/// </summary>
internal static class UnexpectedAnswer
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>
    /// <paramref name="what"/> describes the shape found, never its content, which may hold credentials.
    /// The status is the documented 200: the generated client hands the facade the body, not the status.
    /// </summary>
    public static ApiException Create(string operation, string what, Exception? innerException = null) =>
        new(operation + " answered 200 with " + what + ".", 200, null, NoHeaders, innerException);

    /// <summary>
    /// The pipeline's refusal of an answer it will not hand on (a redirect, a body over the size limit): the
    /// request's method and path, the status, then <paramref name="why"/>; the answer's headers, never its body.
    /// </summary>
    public static ApiException Refused(HttpRequestMessage request, HttpResponseMessage response, string why)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = header.Value;
        }

        var status = (int)response.StatusCode;
        return new ApiException($"{request.Method} {request.RequestUri?.AbsolutePath} answered {status}{why}", status, null, headers);
    }
}
