using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using HubSpotGen.FlowService;
using HubSpotGen.FlowService.Models;
using Ref = HubSpotGen.NSwagReference;

namespace HubSpotGen.Benchmarks.PerCall;

/// <summary>
/// One call through each client, with the same pipeline under each: the Platform header policy
/// (<see cref="PlatformHeadersHandler"/>) over an in-memory transport. NSwag's client is the baseline in
/// each category; the hand-written minimal client is the floor. Each benchmark returns the client's own
/// task as a plain Task: BenchmarkDotNet's generated host then needs no reference to the clients' model
/// types (the NSwag reference assembly is kept out of its build; see the project file).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class PerCallBenchmarks
{
    private const string Create = "CreateConnection";
    private const string Get = "GetConnection";

    private readonly List<HttpClient> _httpClients = new();
    private FlowServiceClient _ours = null!;
    private Ref.FlowServiceNSwagClient _nswag = null!;
    private MinimalFlowServiceClient _minimal = null!;
    private CreateConnectionRequest _ourBody = null!;
    private Ref.CreateConnectionRequest _nswagBody = null!;
    private CreateConnectionDto _minimalBody = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new PlatformOptions
        {
            BaseAddress = PlatformOptions.DefaultBaseAddress,
            AccessToken = "benchmark-access-token",
            ApiKey = "benchmark-api-key",
            ImsOrgId = "5C1328435BF324E90A49402A@AdobeOrg",
            SandboxName = "prod",
        };

        _ours = new FlowServiceClient(Pipeline(options));
        _nswag = new Ref.FlowServiceNSwagClient(Pipeline(options)) { BaseUrl = options.BaseAddress.AbsoluteUri };
        _minimal = new MinimalFlowServiceClient(Pipeline(options));

        var credentials = new HubSpotCredentials("{CLIENT_ID}", "{CLIENT_SECRET}", "{ACCESS_TOKEN}", "{REFRESH_TOKEN}");
        var parameters = new Dictionary<string, string>
        {
            ["clientId"] = credentials.ClientId,
            ["clientSecret"] = credentials.ClientSecret,
            ["accessToken"] = credentials.AccessToken,
            ["refreshToken"] = credentials.RefreshToken,
        };
        _ourBody = new CreateConnectionRequest
        {
            Name = "HubSpot base connection",
            Description = "Connection to the marketing HubSpot account",
            Auth = new AuthInfo { SpecName = HubSpotConnectionSpec.AuthSpecName, Params = parameters.ToDictionary(pair => pair.Key, pair => (Newtonsoft.Json.Linq.JToken?)pair.Value) },
            ConnectionSpec = HubSpotConnectionSpec.Reference(),
        };
        _nswagBody = new Ref.CreateConnectionRequest
        {
            Name = _ourBody.Name,
            Description = _ourBody.Description,
            Auth = new Ref.AuthInfo { SpecName = HubSpotConnectionSpec.AuthSpecName, Params = parameters },
            ConnectionSpec = new Ref.SpecReference { Id = HubSpotConnectionSpec.IdAsGuid, Version = HubSpotConnectionSpec.Version },
        };
        _minimalBody = new CreateConnectionDto
        {
            Name = _ourBody.Name,
            Description = _ourBody.Description,
            Auth = new AuthDto { SpecName = HubSpotConnectionSpec.AuthSpecName, Params = parameters },
            ConnectionSpec = new SpecReferenceDto { Id = HubSpotConnectionSpec.IdAsGuid, Version = HubSpotConnectionSpec.Version },
        };

        VerifyAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var client in _httpClients)
        {
            client.Dispose();
        }
    }

    [Benchmark(Baseline = true, Description = "NSwag")]
    [BenchmarkCategory(Create)]
    public Task NSwagCreate() => _nswag.CreateConnectionAsync(null, _nswagBody);

    [Benchmark(Description = "Ours")]
    [BenchmarkCategory(Create)]
    public Task OursCreate() => _ours.CreateConnectionAsync(_ourBody);

    [Benchmark(Description = "Hand-written")]
    [BenchmarkCategory(Create)]
    public Task MinimalCreate() => _minimal.CreateConnectionAsync(_minimalBody);

    [Benchmark(Baseline = true, Description = "NSwag")]
    [BenchmarkCategory(Get)]
    public Task NSwagGet() => _nswag.GetConnectionAsync(null, InMemoryFlowService.ConnectionId);

    [Benchmark(Description = "Ours")]
    [BenchmarkCategory(Get)]
    public Task OursGet() => _ours.GetConnectionAsync(InMemoryFlowService.ConnectionId);

    [Benchmark(Description = "Hand-written")]
    [BenchmarkCategory(Get)]
    public Task MinimalGet() => _minimal.GetConnectionAsync(InMemoryFlowService.ConnectionId);

    /// <summary>The same pipeline for each client, each over its own transport instance.</summary>
    private HttpClient Pipeline(PlatformOptions options)
    {
        var client = PlatformHttpClient.Create(options, new InMemoryFlowService());
        _httpClients.Add(client);
        return client;
    }

    /// <summary>Each client must read the canned answers correctly, or its timing means nothing.</summary>
    private async Task VerifyAsync()
    {
        var ourCreated = await _ours.CreateConnectionAsync(_ourBody);
        Check(ourCreated.Id == InMemoryFlowService.CreatedId && ourCreated.Etag == InMemoryFlowService.CreatedEtag, "ours, create");
        var nswagCreated = await _nswag.CreateConnectionAsync(null, _nswagBody);
        Check(nswagCreated.Id == InMemoryFlowService.CreatedId && nswagCreated.Etag == InMemoryFlowService.CreatedEtag, "NSwag, create");
        var minimalCreated = await _minimal.CreateConnectionAsync(_minimalBody);
        Check(minimalCreated.Id == InMemoryFlowService.CreatedId && minimalCreated.Etag == InMemoryFlowService.CreatedEtag, "hand-written, create");

        var ours = (await _ours.GetConnectionAsync(InMemoryFlowService.ConnectionId)).Items!.Single();
        Check(ours.Id == InMemoryFlowService.ConnectionId && ours.Etag == InMemoryFlowService.ConnectionEtag && ours.State == ConnectionState.Enabled && ours.Auth?.Params.Count == 4, "ours, get");
        var nswag = (await _nswag.GetConnectionAsync(null, InMemoryFlowService.ConnectionId)).Items.Single();
        Check(nswag.Id == InMemoryFlowService.ConnectionId && nswag.Etag == InMemoryFlowService.ConnectionEtag && nswag.State == Ref.ConnectionState.Enabled, "NSwag, get");
        var minimal = (await _minimal.GetConnectionAsync(InMemoryFlowService.ConnectionId)).Items!.Single();
        Check(minimal.Id == InMemoryFlowService.ConnectionId && minimal.Etag == InMemoryFlowService.ConnectionEtag && minimal.State == "enabled" && minimal.Auth!.Params.Count == 4, "hand-written, get");
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The in-memory call was not read correctly: " + what + ".");
        }
    }
}
