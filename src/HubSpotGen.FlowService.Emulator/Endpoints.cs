namespace HubSpotGen.FlowService.Emulator;

/// <summary>The stateful endpoints, built once over one store.</summary>
internal sealed class Endpoints(SandboxStore store, RunScheduler scheduler)
{
    public ConnectionsEndpoint Connections { get; } = new(store);

    public SourceConnectionsEndpoint SourceConnections { get; } = new(store);

    public TargetConnectionsEndpoint TargetConnections { get; } = new(store);

    public FlowsEndpoint Flows { get; } = new(store);

    public RunsEndpoint Runs { get; } = new(store, scheduler);

    public CatalogEndpoint Catalog { get; } = new(store);

    public MappingSetsEndpoint MappingSets { get; } = new(store);
}
