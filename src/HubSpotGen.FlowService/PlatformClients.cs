using HubSpotGen.FlowService.Catalog;
using HubSpotGen.FlowService.DataPrep;
using Microsoft.Extensions.Logging;

namespace HubSpotGen.FlowService;

/// <summary>
/// The three Platform clients over one pipeline: one HttpClient, so one header policy, token provider, retry policy
/// and redaction serve Flow Service, Catalog and Data Prep. Each client sends to its own absolute base address, from
/// <see cref="PlatformOptions.BaseAddress"/>, <see cref="PlatformOptions.CatalogAddress"/> and
/// <see cref="PlatformOptions.DataPrepAddress"/>. Disposing it disposes the HttpClient.
/// </summary>
public sealed class PlatformClients : IDisposable
{
    private PlatformClients(HttpClient http, PlatformOptions options)
    {
        HttpClient = http;
        FlowService = new FlowServiceClient(http, options.BaseAddress.AbsoluteUri);
        Catalog = new CatalogClient(http, options.CatalogAddress.AbsoluteUri);
        DataPrep = new DataPrepClient(http, options.DataPrepAddress.AbsoluteUri);
        Connections = new HubSpotConnections(FlowService);
        Dataflows = new HubSpotDataflows(FlowService, Catalog, DataPrep);
    }

    /// <summary>Builds the pipeline as <see cref="PlatformHttpClient.Create"/> does, and the clients over it.</summary>
    /// <param name="options">Where and as whom; copied and validated here, before any request.</param>
    /// <param name="transport">Replaces the network, for tests and in-memory runs; stays the caller's.</param>
    /// <param name="loggerFactory">Receives request, retry and token lines; never a header value or secret.</param>
    /// <returns>The clients; dispose them to release the HttpClient.</returns>
    /// <exception cref="ArgumentException">The options are incomplete, or would send credentials over plain http to another machine.</exception>
    public static PlatformClients Create(PlatformOptions options, HttpMessageHandler? transport = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var snapshot = options.Snapshot();
        return new PlatformClients(PlatformHttpClient.Create(snapshot, transport, loggerFactory), snapshot);
    }

    /// <summary>The one HttpClient under all three clients; its BaseAddress is Flow Service's.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>Flow Service.</summary>
    public FlowServiceClient FlowService { get; }

    /// <summary>Catalog.</summary>
    public CatalogClient Catalog { get; }

    /// <summary>Data Prep.</summary>
    public DataPrepClient DataPrep { get; }

    /// <summary>HubSpot base connections, over <see cref="FlowService"/>.</summary>
    public HubSpotConnections Connections { get; }

    /// <summary>HubSpot dataflows, over all three clients.</summary>
    public HubSpotDataflows Dataflows { get; }

    /// <summary>Disposes the HttpClient and the pipeline it owns.</summary>
    public void Dispose() => HttpClient.Dispose();
}
