using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Newtonsoft.Json.Linq;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// A stateful Adobe Flow Service for tests, listening on loopback (or the address asked for), with the Catalog and Data Prep calls a
/// dataflow needs on the same host: per sandbox, base, source and target connections, datasets, mapping sets,
/// flows and their runs; the Platform gateway's header checks, an IMS token endpoint, and faults on request.
/// Start one per test or per fixture (with <see cref="Reset"/> between tests) and point the client at
/// <see cref="PlatformAddress"/> or <see cref="BaseAddress"/>. The same port serves the control API under
/// <c>/__emulator</c>, which mirrors <see cref="Requests"/>, <see cref="Reset"/>, the fault methods,
/// <see cref="ExpireImsTokens"/> and <see cref="State"/> for tests written in any language.
/// </summary>
/// <remarks>The behaviours the real service leaves undocumented, and what the emulator chose, are in the project's README.</remarks>
public sealed class FlowServiceEmulator : IDisposable
{
    /// <summary>The Flow Service base path on the Platform gateway.</summary>
    internal const string ServiceBasePath = "/data/foundation/flowservice";

    /// <summary>The Catalog base path on the Platform gateway.</summary>
    internal const string CatalogBasePath = "/data/foundation/catalog";

    /// <summary>The Data Prep (conversion) base path on the Platform gateway.</summary>
    internal const string ConversionBasePath = "/data/foundation/conversion";

    /// <summary>The Catalog id of the dataset every sandbox starts with.</summary>
    public const string DemoDatasetId = "65f0c0ffee0000e0a1a1a1a1";

    /// <summary>The <c>$id</c> of the demo dataset's XDM schema.</summary>
    public const string DemoSchemaId = "https://ns.adobe.com/emulator/schemas/hubspot-contacts";

    /// <summary>The IMS v3 token path.</summary>
    internal const string ImsTokenPath = "/ims/token/v3";

    private const int StartAttempts = 5;

    private readonly WireMockServer _server;
    private readonly SandboxStore _store;
    private readonly EmulatorControl _control;
    private readonly CatalogEndpoint _catalog;
    private int _disposed;

    private FlowServiceEmulator(WireMockServer server, string url, FlowServiceEmulatorOptions options, SandboxStore store, EmulatorControl control, CatalogEndpoint catalog)
    {
        _server = server;
        _store = store;
        _control = control;
        _catalog = catalog;
        Url = url;
        Options = options;
        PlatformAddress = new Uri(url);
        BaseAddress = new Uri(url + ServiceBasePath);
        ImsTokenAddress = new Uri(url + ImsTokenPath);
    }

    /// <summary>
    /// The server root, such as <c>http://127.0.0.1:5123</c>, without a trailing slash: the address to connect to,
    /// which is loopback when the emulator listens on every interface (<c>0.0.0.0</c> or <c>::</c>).
    /// </summary>
    public string Url { get; }

    /// <summary>
    /// <see cref="Url"/> plus <c>/data/foundation/flowservice</c>, where every Flow Service route lives. It has no
    /// trailing slash, so append a route to its text (<c>BaseAddress + "/connections"</c>); resolving a relative
    /// URI against it would drop the base path.
    /// </summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// The Platform gateway's address, <see cref="Url"/> as a URI: Flow Service answers under
    /// <c>/data/foundation/flowservice</c>, Catalog under <c>/data/foundation/catalog</c> and Data Prep under
    /// <c>/data/foundation/conversion</c>, as on <c>platform.adobe.io</c>.
    /// </summary>
    public Uri PlatformAddress { get; }

    /// <summary><see cref="Url"/> plus <c>/ims/token/v3</c>, the IMS OAuth server-to-server token endpoint.</summary>
    public Uri ImsTokenAddress { get; }

    /// <summary>What the emulator accepts: a copy of the options it was started with; changing it has no effect.</summary>
    public FlowServiceEmulatorOptions Options { get; }

    /// <summary>
    /// Starts an emulator on <see cref="FlowServiceEmulatorOptions.Host"/> (<c>127.0.0.1</c> unless set), on
    /// <see cref="FlowServiceEmulatorOptions.Port"/> or a free port, with the state of
    /// <see cref="FlowServiceEmulatorOptions.StateFile"/> when it names a file that exists.
    /// </summary>
    /// <param name="options">The accepted credentials, the address, the state file, the run delay and the clock; the defaults when null.</param>
    /// <returns>The running emulator; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">An option is blank or null, the host is not an IP address, the port is out of range, or the run delay is negative.</exception>
    /// <exception cref="EmulatorStateException">The state file exists but is not a state the emulator wrote.</exception>
    public static FlowServiceEmulator Start(FlowServiceEmulatorOptions? options = null)
    {
        var settings = (options ?? new FlowServiceEmulatorOptions()).Copy();
        settings.Validate();
        var address = ListenAddress.TryParse(settings.Host)!;
        var scheduler = new RunScheduler(settings.RunDuration);
        var store = new SandboxStore(settings.Clock, scheduler);
        store.Seed(DemoDataset.Seed);
        StateFile? stateFile = null;
        if (settings.StateFile is { } statePath)
        {
            stateFile = new StateFile(statePath, store);
            stateFile.Load();
        }

        var tokens = new IssuedTokens(settings.Clock);
        var control = new EmulatorControl(store, new FaultInjection(), new RequestLog(), tokens, stateFile);
        var endpoints = new Endpoints(store, scheduler);
        var router = new RequestRouter(
            new GatewayCheck(settings, tokens),
            control,
            new ImsTokenEndpoint(settings, tokens),
            endpoints);

        for (var attempt = 1; ; attempt++)
        {
            var port = settings.Port ?? FreePort(address.Bind);
            WireMockServer server;
            try
            {
                server = WireMockServer.Start(new WireMockServerSettings
                {
                    Urls = [ListenAddress.Url(address.Bind, port)],
                    StartAdminInterface = false,
                    Logger = new WireMockNullLogger(),
                    // Request bodies carry credentials; the emulator keeps its own log, without bodies or headers.
                    MaxRequestLogCount = 0,
                    PreWireMockMiddlewareInit = ConnectionDrop.Install,
                });
            }
            catch (Exception) when (settings.Port is null && attempt < StartAttempts)
            {
                // Another process took the free port between the probe and the bind; probe again.
                continue;
            }

            server.Given(Request.Create().UsingAnyMethod())
                .RespondWith(Response.Create().WithCallback(router.HandleAsync));
            return new FlowServiceEmulator(server, ListenAddress.Url(address.Connect, port), settings, store, control, endpoints.Catalog);
        }
    }

    /// <summary>
    /// Every request answered since start or the last <see cref="Reset"/>, oldest first, as method, path, query
    /// and status, without bodies or headers; control API requests are not in it. It keeps the last
    /// 10,000. A test asserts on it that a retry policy sent exactly one <c>POST /connections</c>.
    /// </summary>
    public IReadOnlyList<RecordedRequest> Requests => _control.Log.Snapshot();

    /// <summary>
    /// Closes the connection of the next <paramref name="requests"/> service requests that pass the gateway without
    /// answering them, as a network failure would; the client sees the connection end with no response.
    /// </summary>
    /// <param name="requests">How many requests to drop; 0 does nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public void DropNext(int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        _control.Faults.Drop(requests);
    }

    /// <summary>Holds the answer to the next <paramref name="requests"/> service requests that pass the gateway for <paramref name="delay"/> of real time, then answers them as usual.</summary>
    /// <param name="requests">How many requests to delay; 0 does nothing.</param>
    /// <param name="delay">How long each waits; real time, not the emulator's clock, so that client timeouts can be tested.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or a delay that is not positive.</exception>
    public void DelayNext(int requests, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        _control.Faults.Delay(requests, delay);
    }

    /// <summary>
    /// Every IMS token issued so far is refused from now on with 401 <c>401013</c>, as an expired one is; a new
    /// token from <see cref="ImsTokenAddress"/> works. <see cref="FlowServiceEmulatorOptions.AccessToken"/> is not an IMS token and stays valid.
    /// </summary>
    public void ExpireImsTokens() => _control.ExpireImsTokens();

    /// <summary>
    /// What the emulator holds now, as <c>GET /__emulator/state</c> answers it:
    /// <c>{"sandboxes":[{"name","sandboxId","connections","sourceConnections","targetConnections","mappingSets","datasets","flows"}]}</c>,
    /// every auth param but <c>clientId</c> masked. A copy: changing it changes nothing.
    /// </summary>
    public JObject State() => _control.State();

    /// <summary>
    /// Answers the next <paramref name="requests"/> service requests that pass the gateway with 429
    /// <c>{"error_code":"429050","message":"Too many requests"}</c> and <c>Retry-After</c> in whole seconds
    /// (rounded up). Faults queue in the order they were asked for.
    /// </summary>
    /// <param name="requests">How many requests to throttle; 0 does nothing.</param>
    /// <param name="retryAfter">The delay announced in <c>Retry-After</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or delay.</exception>
    public void Throttle(int requests, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        _control.Faults.Throttle(requests, retryAfter);
    }

    /// <summary>
    /// Answers the next <paramref name="requests"/> service requests that pass the gateway with
    /// <paramref name="statusCode"/> and a Flow Service error body (FLOW-1103-503 for 503, FLOW-1102-500 for 500,
    /// FLOW-1104-504 for 504). Faults queue in the order they were asked for.
    /// </summary>
    /// <param name="requests">How many requests fail; 0 does nothing.</param>
    /// <param name="statusCode">An HTTP error status, 400 to 599.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or a status that is not an error.</exception>
    public void FailNext(int requests, int statusCode = 503)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        _control.Faults.Fail(requests, statusCode);
    }

    /// <summary>How many base connections the sandbox holds now.</summary>
    /// <param name="sandboxName">The sandbox name exactly as sent in <c>x-sandbox-name</c>.</param>
    public int ConnectionCount(string sandboxName)
    {
        ArgumentNullException.ThrowIfNull(sandboxName);
        return _store.Count(sandboxName);
    }

    /// <summary>
    /// Adds a dataset to one sandbox's Catalog, for a target connection to write to. Every sandbox already holds
    /// the demo dataset (<see cref="DemoDatasetId"/>, schema <see cref="DemoSchemaId"/>); datasets added here
    /// are forgotten by <see cref="Reset"/>.
    /// </summary>
    /// <param name="sandboxName">The sandbox, exactly as clients send it in <c>x-sandbox-name</c>.</param>
    /// <param name="name">The dataset's name.</param>
    /// <param name="schemaId">The <c>$id</c> of its XDM schema, which target connections and mapping sets must name.</param>
    /// <returns>The new dataset's Catalog id (24 hex digits).</returns>
    /// <exception cref="ArgumentException">A blank argument.</exception>
    public string AddDataset(string sandboxName, string name, string schemaId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sandboxName);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaId);
        return _catalog.Add(sandboxName, name, schemaId).Id;
    }

    /// <summary>
    /// Forgets everything in every sandbox (connections, datasets added by <see cref="AddDataset"/>, mapping
    /// sets, flows, runs), every pending fault and the request log; sandboxes start again with only the demo
    /// dataset. Tokens the IMS endpoint issued stay valid, as a client may still hold one. With a state file, the
    /// emptied state is saved.
    /// </summary>
    public void Reset() => _control.Reset();

    /// <summary>Stops the server, then saves the state file when there is one; calling it again does nothing.</summary>
    /// <exception cref="EmulatorStateException">The state file cannot be written.</exception>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _server.Stop();
            _server.Dispose();
            _control.SaveOnStop();
        }
    }

    private static int FreePort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
