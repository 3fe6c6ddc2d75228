namespace HubSpotGen.FlowService;

/// <summary>
/// Adobe IMS did not hand out an access token: it refused the client credentials (its <c>error</c>, such as
/// <c>invalid_client</c> or <c>invalid_scope</c>, is in <see cref="Error"/>), answered something unusable, could
/// not be reached, or did not answer in time. IMS is a service of its own, so its failures are not Flow Service's
/// <see cref="ApiException"/>.
/// </summary>
public sealed class ImsTokenException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> must hold no secret and no query string.</summary>
    /// <param name="message">One line for people.</param>
    /// <param name="tokenAddress">The token endpoint; only its scheme, host and path are kept.</param>
    /// <param name="statusCode">IMS's HTTP status; null when it gave none.</param>
    /// <param name="error">IMS's <c>error</c> code; null when the answer had none.</param>
    /// <param name="errorDescription">IMS's <c>error_description</c>; null when the answer had none.</param>
    /// <param name="innerException">The network failure or timeout behind it, if any.</param>
    public ImsTokenException(string message, Uri tokenAddress, int? statusCode = null, string? error = null, string? errorDescription = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(tokenAddress);
        TokenAddress = new Uri(tokenAddress.GetLeftPart(UriPartial.Path));
        StatusCode = statusCode;
        Error = error;
        ErrorDescription = errorDescription;
    }

    /// <summary>The token endpoint, without its query string.</summary>
    public Uri TokenAddress { get; }

    /// <summary>IMS's HTTP status; null when IMS could not be reached or did not answer in time.</summary>
    public int? StatusCode { get; }

    /// <summary>IMS's <c>error</c> code, such as <c>invalid_client</c>; null when there was none.</summary>
    public string? Error { get; }

    /// <summary>IMS's <c>error_description</c>; null when there was none.</summary>
    public string? ErrorDescription { get; }

    /// <summary>True when IMS answered and refused the credentials (a 4xx, or an OAuth error code): fix the configuration, do not retry.</summary>
    public bool IsCredentialRefusal => StatusCode is >= 400 and < 500 || Error is not null;
}
