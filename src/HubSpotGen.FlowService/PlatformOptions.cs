namespace HubSpotGen.FlowService;

/// <summary>
/// Where Platform's services are and who is calling them: the values every Platform request carries. Flow Service,
/// Catalog and Data Prep share one gateway, so one <see cref="PlatformAddress"/> places all three.
/// </summary>
public sealed class PlatformOptions
{
    /// <summary>The production Flow Service address.</summary>
    public static readonly Uri DefaultBaseAddress = new(FlowServiceClient.DefaultBaseUrl);

    /// <summary>The production Platform gateway, under which every service has its own base path.</summary>
    public static readonly Uri DefaultPlatformAddress = new("https://platform.adobe.io");

    /// <summary>Flow Service's base path under the gateway.</summary>
    public const string FlowServicePath = "/data/foundation/flowservice";

    /// <summary>Catalog's base path under the gateway.</summary>
    public const string CatalogPath = "/data/foundation/catalog";

    /// <summary>Data Prep's (the conversion service's) base path under the gateway.</summary>
    public const string DataPrepPath = "/data/foundation/conversion";

    private Uri? _platformAddress;
    private Uri? _baseAddress;

    /// <summary>
    /// The Platform gateway, such as <c>https://platform.adobe.io</c> (the default); a path it has is kept, and each
    /// service's base path is appended to it: <see cref="FlowServicePath"/>, <see cref="CatalogPath"/>,
    /// <see cref="DataPrepPath"/>.
    /// </summary>
    /// <remarks>
    /// When it is not set but <see cref="BaseAddress"/> is, it is read from <see cref="BaseAddress"/>: that address
    /// with its <see cref="FlowServicePath"/> suffix removed (compared without regard to case or a trailing slash),
    /// or the whole address when it has no such suffix. So a test server given as the Flow Service address serves
    /// Catalog and Data Prep at the same host too. Setting it to null returns to that rule.
    /// </remarks>
    public Uri PlatformAddress
    {
        get => _platformAddress ?? PlatformAddressOf(_baseAddress) ?? DefaultPlatformAddress;
        set => _platformAddress = value;
    }

    /// <summary>
    /// The Flow Service address; its path (such as /data/foundation/flowservice) is kept. When it is not set, it is
    /// <see cref="PlatformAddress"/> followed by <see cref="FlowServicePath"/>. Setting it overrides Flow Service
    /// alone: Catalog and Data Prep follow <see cref="PlatformAddress"/>. Setting it to null returns to the derived value.
    /// </summary>
    public Uri BaseAddress
    {
        get => _baseAddress ?? ServiceAddress(PlatformAddress, FlowServicePath);
        set => _baseAddress = value;
    }

    /// <summary>The Catalog address: <see cref="PlatformAddress"/> followed by <see cref="CatalogPath"/>.</summary>
    public Uri CatalogAddress => ServiceAddress(PlatformAddress, CatalogPath);

    /// <summary>The Data Prep address: <see cref="PlatformAddress"/> followed by <see cref="DataPrepPath"/>.</summary>
    public Uri DataPrepAddress => ServiceAddress(PlatformAddress, DataPrepPath);

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
    internal List<OptionProblem> Problems()
    {
        var problems = new List<OptionProblem>();
        AddIfUnusable(problems, BaseAddress, nameof(BaseAddress));

        // A platform address read from BaseAddress has its scheme and host, so only one set apart is checked again;
        // the Catalog and Data Prep addresses share the platform address's scheme and host.
        if (_platformAddress is not null)
        {
            AddIfUnusable(problems, _platformAddress, nameof(PlatformAddress));
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
            problems.Add(new(nameof(MaxResponseBytes), $"must be between 1 and {int.MaxValue}"));
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
        _platformAddress = _platformAddress,
        _baseAddress = _baseAddress,
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
        $"PlatformOptions {{ PlatformAddress = {TransportSecurity.Displayed(PlatformAddress)}, BaseAddress = {TransportSecurity.Displayed(BaseAddress)}, ApiKey = {ApiKey}, ImsOrgId = {ImsOrgId}, SandboxName = {SandboxName}, AccessToken = {(string.IsNullOrEmpty(AccessToken) ? "(none)" : "***")}, Ims = {(Ims is null ? "(none)" : Ims.ToString())}, Resilience = {(Resilience is null ? "(none)" : Resilience.ToString())}, MaxResponseBytes = {MaxResponseBytes} }}";

    private static void AddIfUnusable(List<OptionProblem> problems, Uri? address, string name)
    {
        if (address is null || !address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(new(name, "must be an absolute http or https address"));
        }
        else if (!TransportSecurity.MayCarryCredentials(address))
        {
            problems.Add(TransportSecurity.PlainHttpProblem(name, address));
        }
    }

    /// <summary>The gateway part of a Flow Service address; null for no address or one that is not absolute.</summary>
    private static Uri? PlatformAddressOf(Uri? flowServiceAddress)
    {
        if (flowServiceAddress is null || !flowServiceAddress.IsAbsoluteUri)
        {
            return null;
        }

        var text = flowServiceAddress.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return text.EndsWith(FlowServicePath, StringComparison.OrdinalIgnoreCase)
            ? new Uri(text[..^FlowServicePath.Length])
            : new Uri(text);
    }

    /// <summary>
    /// A service's address under the gateway. A gateway that is not an absolute address stays as it is, so that
    /// validation names it rather than a derived address failing here.
    /// </summary>
    private static Uri ServiceAddress(Uri gateway, string servicePath) =>
        gateway is { IsAbsoluteUri: true } ? new Uri(gateway.GetLeftPart(UriPartial.Path).TrimEnd('/') + servicePath) : gateway;

    private static void AddIfBlank(List<OptionProblem> problems, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(name, "is required"));
        }
    }
}
