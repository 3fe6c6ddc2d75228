namespace HubSpotGen.FlowService;

/// <summary>The OAuth server-to-server credentials of an Adobe Developer Console project, exchanged at IMS for access tokens.</summary>
public sealed class ImsCredentials
{
    /// <summary>The production IMS token endpoint.</summary>
    public static readonly Uri DefaultTokenAddress = new("https://ims-na1.adobelogin.com/ims/token/v3");

    /// <summary>The scopes Experience Platform needs.</summary>
    public const string PlatformScopes = "openid,session,AdobeID,read_organizations,additional_info.projectedProductContext";

    /// <summary>The project's client id (also sent to Flow Service as <c>x-api-key</c>).</summary>
    public string? ClientId { get; set; }

    /// <summary>The project's client secret; never shown.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The comma-separated scopes asked for; <see cref="PlatformScopes"/> by default.</summary>
    public string Scopes { get; set; } = PlatformScopes;

    /// <summary>Where tokens are fetched; configurable for tests. Must be https, or http to a loopback address.</summary>
    public Uri TokenAddress { get; set; } = DefaultTokenAddress;

    /// <summary>How long before its expiry a token is replaced; at most half of the token's lifetime is used.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Adds every unusable value to <paramref name="problems"/>, by name and without its value.</summary>
    internal void CollectProblems(List<OptionProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add(new("Ims.ClientId", "is required"));
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            problems.Add(new("Ims.ClientSecret", "is required"));
        }

        if (string.IsNullOrWhiteSpace(Scopes))
        {
            problems.Add(new("Ims.Scopes", "is required"));
        }

        if (TokenAddress is null || !TokenAddress.IsAbsoluteUri || (TokenAddress.Scheme != Uri.UriSchemeHttps && TokenAddress.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(new("Ims.TokenAddress", "must be an absolute https address"));
        }
        else if (!TransportSecurity.MayCarryCredentials(TokenAddress))
        {
            problems.Add(TransportSecurity.PlainHttpProblem("Ims.TokenAddress", TokenAddress));
        }

        if (RefreshMargin < TimeSpan.Zero)
        {
            problems.Add(new("Ims.RefreshMargin", "must not be negative"));
        }
    }

    /// <summary>Throws when a value is missing or unusable, naming every one at once.</summary>
    /// <exception cref="ArgumentException">Something is missing; the message lists what, never the secret.</exception>
    public void Validate()
    {
        var problems = new List<OptionProblem>();
        CollectProblems(problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException("IMS credentials are incomplete: " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>A copy, so that later changes to the object the caller holds change nothing that is sent.</summary>
    internal ImsCredentials Snapshot() => new()
    {
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        Scopes = Scopes,
        TokenAddress = TokenAddress,
        RefreshMargin = RefreshMargin,
    };

    /// <summary>Shows the client id, scopes and address (without its query, which could carry a secret), never the secret.</summary>
    public override string ToString() =>
        $"ImsCredentials {{ ClientId = {ClientId}, ClientSecret = {(string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***")}, Scopes = {Scopes}, TokenAddress = {TransportSecurity.Displayed(TokenAddress)} }}";
}
