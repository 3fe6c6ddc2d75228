namespace HubSpotGen.FlowService;

/// <summary>A fixed token, such as one copied from the Developer Console; it cannot be renewed.</summary>
public sealed class StaticAccessTokenProvider : IAccessTokenProvider
{
    private readonly string _token;

    /// <summary>Uses <paramref name="accessToken"/> for every request.</summary>
    /// <param name="accessToken">The IMS access token; must not be blank.</param>
    /// <exception cref="ArgumentException">The token is blank.</exception>
    public StaticAccessTokenProvider(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        _token = accessToken;
    }

    /// <inheritdoc/>
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_token);

    /// <inheritdoc/>
    public ValueTask<string?> RefreshAccessTokenAsync(string rejectedToken, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    /// <summary>Never shows the token.</summary>
    public override string ToString() => "StaticAccessTokenProvider { AccessToken = *** }";
}
