namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// The identity the emulator accepts and where it listens. Every value has a default, so
/// <c>FlowServiceEmulator.Start()</c> works as is; read the defaults back from <see cref="FlowServiceEmulator.Options"/>
/// to configure the client under test.
/// </summary>
public sealed class FlowServiceEmulatorOptions
{
    private string? _apiKey;

    /// <summary>
    /// The only bearer token the gateway accepts, besides the tokens the emulator's IMS endpoint issued.
    /// Any other token is answered with 401 <c>401013</c>.
    /// </summary>
    public string AccessToken { get; set; } = "emulator-access-token";

    /// <summary>
    /// The only <c>x-api-key</c> value accepted; another one is answered with 403 <c>403003</c>. Unless set, it is
    /// <see cref="ClientId"/>, as on Platform, where the Developer Console's client id is the API key: a client
    /// that defaults its API key to its client id works against the emulator as it does against Adobe.
    /// </summary>
    public string ApiKey
    {
        get => _apiKey ?? ClientId;
        set => _apiKey = value;
    }

    /// <summary>The only <c>x-gw-ims-org-id</c> value accepted; another one is answered with 403 <c>403025</c>.</summary>
    public string ImsOrgId { get; set; } = "EMULATOR0000000000000000@AdobeOrg";

    /// <summary>The client id the IMS token endpoint (<see cref="FlowServiceEmulator.ImsTokenAddress"/>) accepts.</summary>
    public string ClientId { get; set; } = "emulator-client-id";

    /// <summary>The client secret the IMS token endpoint accepts together with <see cref="ClientId"/>.</summary>
    public string ClientSecret { get; set; } = "emulator-client-secret";

    /// <summary>The port to listen on; null picks a free one.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// The IP address to listen on: <c>127.0.0.1</c> by default; <c>0.0.0.0</c> (or <c>::</c>) for every
    /// interface, as a container needs. Anyone who can reach the port can use the control API, so widen it only
    /// where that is wanted.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// A JSON file that keeps what the emulator holds across restarts: read at start when it exists, and rewritten
    /// (atomically) after every change and at <see cref="FlowServiceEmulator.Dispose"/>. Secrets are masked in it;
    /// null keeps everything in memory only.
    /// </summary>
    public string? StateFile { get; set; }

    /// <summary>
    /// How long a dataflow run stays <c>inProgress</c> before it succeeds; 1 s by default, so a demo sees both
    /// states. Zero makes a run succeed the moment it starts.
    /// </summary>
    public TimeSpan RunDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The emulator's clock: when schedules come due, when runs finish, when IMS tokens expire, and every
    /// <c>createdAt</c>. Tests pass a
    /// clock they move by hand, so that a run's life is a matter of setting the time, not of waiting.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>A copy, so that changing the caller's object after start cannot change what a running emulator accepts.</summary>
    internal FlowServiceEmulatorOptions Copy() => new()
    {
        AccessToken = AccessToken,
        _apiKey = _apiKey,
        ImsOrgId = ImsOrgId,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        Port = Port,
        Host = Host,
        StateFile = StateFile,
        RunDuration = RunDuration,
        Clock = Clock,
    };

    /// <summary>Throws for a value the gateway could never match, naming every such value at once.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        AddIfBlank(problems, AccessToken, nameof(AccessToken));
        AddIfBlank(problems, ApiKey, nameof(ApiKey));
        AddIfBlank(problems, ImsOrgId, nameof(ImsOrgId));
        AddIfBlank(problems, ClientId, nameof(ClientId));
        AddIfBlank(problems, ClientSecret, nameof(ClientSecret));
        if (RunDuration < TimeSpan.Zero)
        {
            problems.Add($"{nameof(RunDuration)} must not be negative");
        }

        if (Clock is null)
        {
            problems.Add($"{nameof(Clock)} must not be null");
        }

        if (Port is < 1 or > 65535)
        {
            problems.Add($"{nameof(Port)} must be between 1 and 65535, or null for a free port");
        }

        if (ListenAddress.TryParse(Host) is null)
        {
            problems.Add($"{nameof(Host)} must be an IP address, such as 127.0.0.1, 0.0.0.0 or ::1");
        }

        if (StateFile is not null && string.IsNullOrWhiteSpace(StateFile))
        {
            problems.Add($"{nameof(StateFile)} must not be blank; leave it null to keep state in memory only");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Emulator options are unusable: " + string.Join("; ", problems) + ".");
        }
    }

    private static void AddIfBlank(List<string> problems, string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{name} must not be blank");
        }
    }
}
