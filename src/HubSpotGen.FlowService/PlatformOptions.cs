namespace HubSpotGen.FlowService;

/// <summary>Where Flow Service is and who is calling it: the values every Platform request carries.</summary>
public sealed class PlatformOptions
{
    /// <summary>The production Flow Service address.</summary>
    public static readonly Uri DefaultBaseAddress = new(FlowServiceClient.DefaultBaseUrl);

    /// <summary>The Flow Service address; its path (such as /data/foundation/flowservice) is kept.</summary>
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The IMS access token sent as <c>Authorization: Bearer</c>. Required unless <see cref="TokenProvider"/> or
    /// <see cref="Ims"/> supplies tokens instead.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>Supplies the bearer token; takes precedence over <see cref="Ims"/> and <see cref="AccessToken"/>.</summary>
    public IAccessTokenProvider? TokenProvider { get; set; }

    /// <summary>OAuth server-to-server credentials exchanged at IMS for tokens; used when <see cref="TokenProvider"/> is null.</summary>
    public ImsCredentials? Ims { get; set; }

    /// <summary>
    /// Retries and timeouts, on by default with <see cref="FlowServiceResilienceOptions"/>' production values.
    /// Null sends every request once, with the HttpClient's own timeout.
    /// </summary>
    public FlowServiceResilienceOptions? Resilience { get; set; } = new();

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 16 MiB, far above any Flow Service answer.</summary>
    public const long DefaultMaxResponseBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The largest answer body read, in bytes. A larger answer fails with an <see cref="ApiException"/> that says so,
    /// and is not retried. Between 1 and <see cref="int.MaxValue"/>.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The Developer Console client id, sent as <c>x-api-key</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The IMS organization, such as <c>…@AdobeOrg</c>, sent as <c>x-gw-ims-org-id</c>.</summary>
    public string? ImsOrgId { get; set; }

    /// <summary>The sandbox, such as <c>prod</c>, sent as <c>x-sandbox-name</c>.</summary>
    public string? SandboxName { get; set; }

    /// <summary>Throws when a value is missing or unusable, naming every one at once.</summary>
    /// <exception cref="ArgumentException">Something is missing; the message lists what.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Platform options are incomplete: " + string.Join("; ", problems) + ".");
        }
    }

    /// <summary>Every value that is missing or unusable, each named; empty when the options are complete.</summary>
    internal List<string> Problems()
    {
        var problems = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{nameof(BaseAddress)} must be an absolute http or https address");
        }
        else if (!TransportSecurity.MayCarryCredentials(BaseAddress))
        {
            problems.Add(TransportSecurity.PlainHttpProblem(nameof(BaseAddress), BaseAddress));
        }

        if (TokenProvider is null)
        {
            if (Ims is not null)
            {
                Ims.CollectProblems(problems);
            }
            else
            {
                AddIfBlank(problems, AccessToken, nameof(AccessToken));
            }
        }

        Resilience?.CollectProblems(problems);
        if (MaxResponseBytes is < 1 or > int.MaxValue)
        {
            problems.Add($"{nameof(MaxResponseBytes)} must be between 1 and {int.MaxValue}");
        }

        AddIfBlank(problems, ApiKey, nameof(ApiKey));
        AddIfBlank(problems, ImsOrgId, nameof(ImsOrgId));
        AddIfBlank(problems, SandboxName, nameof(SandboxName));
        return problems;
    }

    /// <summary>
    /// A copy taken when a client is built, so that later changes to the object the caller holds change nothing
    /// that is sent. The token provider is shared, not copied: it is the caller's object.
    /// </summary>
    internal PlatformOptions Snapshot() => new()
    {
        BaseAddress = BaseAddress,
        AccessToken = AccessToken,
        TokenProvider = TokenProvider,
        Ims = Ims?.Snapshot(),
        Resilience = Resilience?.Snapshot(),
        MaxResponseBytes = MaxResponseBytes,
        ApiKey = ApiKey,
        ImsOrgId = ImsOrgId,
        SandboxName = SandboxName,
    };

    /// <summary>Shows where and as whom, never the access token.</summary>
    public override string ToString() =>
        $"PlatformOptions {{ BaseAddress = {TransportSecurity.Displayed(BaseAddress)}, ApiKey = {ApiKey}, ImsOrgId = {ImsOrgId}, SandboxName = {SandboxName}, AccessToken = {(string.IsNullOrEmpty(AccessToken) ? "(none)" : "***")}, Ims = {(Ims is null ? "(none)" : Ims.ToString())}, Resilience = {(Resilience is null ? "(none)" : Resilience.ToString())}, MaxResponseBytes = {MaxResponseBytes} }}";

    private static void AddIfBlank(List<string> problems, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name} is required");
        }
    }
}
