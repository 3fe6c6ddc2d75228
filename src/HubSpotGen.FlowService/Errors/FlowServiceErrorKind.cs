namespace HubSpotGen.FlowService;

/// <summary>What kind of refusal an error answer is, so callers can branch on it without reading status numbers or text.</summary>
public enum FlowServiceErrorKind
{
    /// <summary>Any status not named below.</summary>
    Other = 0,

    /// <summary>400: the request was malformed or not allowed as sent.</summary>
    BadRequest,

    /// <summary>401: the bearer token is missing, invalid or expired.</summary>
    Unauthorized,

    /// <summary>403: the token, API key or org may not do this.</summary>
    Forbidden,

    /// <summary>404: the connection (or sandbox) does not exist.</summary>
    NotFound,

    /// <summary>412: the etag sent in <c>If-Match</c> is stale.</summary>
    PreconditionFailed,

    /// <summary>422: the request was understood but its content is not acceptable.</summary>
    UnprocessableEntity,

    /// <summary>429: throttled; see <see cref="FlowServiceError.RetryAfter"/>.</summary>
    TooManyRequests,

    /// <summary>500 and other 5xx not named below: the service failed.</summary>
    ServerError,

    /// <summary>502, 503 or 504: a gateway or the service was briefly unavailable.</summary>
    Unavailable,
}
