namespace HubSpotGen.FlowService;

/// <summary>Supplies the bearer token sent to Flow Service, and a new one when the service rejects it.</summary>
public interface IAccessTokenProvider
{
    /// <summary>The token to send now; implementations cache it rather than fetch one per request.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The access token, without the <c>Bearer</c> prefix.</returns>
    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called once when Flow Service answered 401 to <paramref name="rejectedToken"/>. Returns a different token
    /// to repeat the request with, or null when there is none (a static token cannot be renewed). When several
    /// callers report the same rejected token at once, only one new token is fetched.
    /// </summary>
    /// <param name="rejectedToken">The token the 401 answered.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A new token, or null.</returns>
    ValueTask<string?> RefreshAccessTokenAsync(string rejectedToken, CancellationToken cancellationToken);
}
