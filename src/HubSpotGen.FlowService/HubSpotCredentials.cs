using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService;

/// <summary>
/// The four values Flow Service needs to reach a HubSpot account: with the client id, client secret and
/// refresh token it can mint new access tokens itself. Only the client id is ever shown.
/// </summary>
public sealed class HubSpotCredentials
{
    /// <summary>Creates the credentials; every value must be non-blank.</summary>
    /// <exception cref="ArgumentException">A value is null, empty or white space; the message names it.</exception>
    public HubSpotCredentials(string clientId, string clientSecret, string accessToken, string refreshToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        ClientId = clientId;
        ClientSecret = clientSecret;
        AccessToken = accessToken;
        RefreshToken = refreshToken;
    }

    /// <summary>The HubSpot app's client id; not a secret.</summary>
    public string ClientId { get; }

    /// <summary>The HubSpot app's client secret.</summary>
    public string ClientSecret { get; }

    /// <summary>A HubSpot OAuth access token.</summary>
    public string AccessToken { get; }

    /// <summary>The HubSpot OAuth refresh token, the long-lived credential.</summary>
    public string RefreshToken { get; }

    /// <summary>
    /// The auth params of a HubSpot connection, named as the connection spec names them. Internal: they are the
    /// wire form, free-form JSON in the generated model, and the facade is the public way to send them.
    /// </summary>
    internal IReadOnlyDictionary<string, JToken?> ToAuthParams() => new Dictionary<string, JToken?>
    {
        ["clientId"] = ClientId,
        ["clientSecret"] = ClientSecret,
        ["accessToken"] = AccessToken,
        ["refreshToken"] = RefreshToken,
    };

    /// <summary>Shows the client id only; the secrets are never part of any text this type produces.</summary>
    public override string ToString() => $"HubSpotCredentials {{ ClientId = {ClientId}, ClientSecret = ***, AccessToken = ***, RefreshToken = *** }}";
}
