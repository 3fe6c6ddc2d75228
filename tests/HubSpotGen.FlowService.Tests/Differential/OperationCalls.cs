using HubSpotGen.FlowService.Models;

using Oracle = HubSpotGen.NSwagReference;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>
/// Calls one operation through either client with <see cref="SameArguments"/>; a null <c>sandbox</c> leaves
/// x-sandbox-name to the header policy. Returns what the client read (null for delete) to compare answers too.
/// </summary>
internal static class OperationCalls
{
    public static async Task<object?> OursAsync(FlowServiceClient client, FlowOperation operation, string? sandbox = null) => operation switch
    {
        FlowOperation.CreateConnection => await client.CreateConnectionAsync(SameArguments.OurCreate(), sandboxName: sandbox),
        FlowOperation.ListConnections => await client.ListConnectionsAsync(
            property: SameArguments.Filters, limit: SameArguments.Limit, orderby: SameArguments.OrderBy,
            continuationToken: SameArguments.ContinuationToken, sandboxName: sandbox),
        FlowOperation.GetConnection => await client.GetConnectionAsync(SameArguments.ConnectionId, sandboxName: sandbox),
        FlowOperation.UpdateConnection => await client.UpdateConnectionAsync(SameArguments.ConnectionId, SameArguments.Etag, SameArguments.OurPatch(), sandboxName: sandbox),
        FlowOperation.DeleteConnection => await DeleteAsync(client.DeleteConnectionAsync(SameArguments.ConnectionId, sandboxName: sandbox)),
        FlowOperation.GetConnectionSpec => await client.GetConnectionSpecAsync(SameArguments.ConnectionSpecId, sandboxName: sandbox),
        FlowOperation.ExploreConnection => await client.ExploreConnectionAsync(SameArguments.ConnectionId, ObjectType.Root, sandboxName: sandbox),
        FlowOperation.CreateSourceConnection => await client.CreateSourceConnectionAsync(SameArguments.OurSourceConnection(), sandboxName: sandbox),
        FlowOperation.ListSourceConnections => await client.ListSourceConnectionsAsync(
            property: SameArguments.Filters, limit: SameArguments.Limit, orderby: SameArguments.OrderBy,
            continuationToken: SameArguments.ContinuationToken, sandboxName: sandbox),
        FlowOperation.GetSourceConnection => await client.GetSourceConnectionAsync(SameArguments.SourceConnectionId, sandboxName: sandbox),
        FlowOperation.DeleteSourceConnection => await DeleteAsync(client.DeleteSourceConnectionAsync(SameArguments.SourceConnectionId, sandboxName: sandbox)),
        FlowOperation.CreateTargetConnection => await client.CreateTargetConnectionAsync(SameArguments.OurTargetConnection(), sandboxName: sandbox),
        FlowOperation.GetTargetConnection => await client.GetTargetConnectionAsync(SameArguments.TargetConnectionId, sandboxName: sandbox),
        FlowOperation.DeleteTargetConnection => await DeleteAsync(client.DeleteTargetConnectionAsync(SameArguments.TargetConnectionId, sandboxName: sandbox)),
        FlowOperation.ListFlowSpecs => await client.ListFlowSpecsAsync(property: SameArguments.FlowSpecFilters, sandboxName: sandbox),
        FlowOperation.GetFlowSpec => await client.GetFlowSpecAsync(SameArguments.FlowSpecId, sandboxName: sandbox),
        FlowOperation.CreateFlow => await client.CreateFlowAsync(SameArguments.OurFlow(), sandboxName: sandbox),
        FlowOperation.ListFlows => await client.ListFlowsAsync(
            property: SameArguments.Filters, limit: SameArguments.Limit, orderby: SameArguments.OrderBy,
            continuationToken: SameArguments.ContinuationToken, count: false, sandboxName: sandbox),
        FlowOperation.GetFlow => await client.GetFlowAsync(SameArguments.FlowId, sandboxName: sandbox),
        FlowOperation.UpdateFlow => await client.UpdateFlowAsync(SameArguments.FlowId, SameArguments.Etag, SameArguments.OurFlowPatch(), sandboxName: sandbox),
        FlowOperation.DeleteFlow => await DeleteAsync(client.DeleteFlowAsync(SameArguments.FlowId, sandboxName: sandbox)),
        FlowOperation.PerformFlowAction => await client.PerformFlowActionAsync(SameArguments.FlowId, FlowActionOperation.Disable, sandboxName: sandbox),
        FlowOperation.CreateRun => await client.CreateRunAsync(SameArguments.OurRun(), sandboxName: sandbox),
        FlowOperation.ListRuns => await client.ListRunsAsync(
            property: SameArguments.RunFilters, limit: SameArguments.Limit, orderby: SameArguments.OrderBy,
            continuationToken: SameArguments.ContinuationToken, sandboxName: sandbox),
        FlowOperation.GetRun => await client.GetRunAsync(SameArguments.RunId, sandboxName: sandbox),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    public static async Task<object?> TheirsAsync(Oracle.FlowServiceNSwagClient client, FlowOperation operation, string? sandbox = null) => operation switch
    {
        FlowOperation.CreateConnection => await client.CreateConnectionAsync(sandbox!, SameArguments.TheirCreate()),
        FlowOperation.ListConnections => await client.ListConnectionsAsync(
            sandbox!, SameArguments.Filters, SameArguments.Limit, SameArguments.OrderBy, SameArguments.ContinuationToken, null),
        FlowOperation.GetConnection => await client.GetConnectionAsync(sandbox!, SameArguments.ConnectionId),
        FlowOperation.UpdateConnection => await client.UpdateConnectionAsync(sandbox!, SameArguments.Etag, SameArguments.TheirPatch(), SameArguments.ConnectionId),
        FlowOperation.DeleteConnection => await DeleteAsync(client.DeleteConnectionAsync(sandbox!, SameArguments.ConnectionId)),
        FlowOperation.GetConnectionSpec => await client.GetConnectionSpecAsync(sandbox!, SameArguments.ConnectionSpecId),
        FlowOperation.ExploreConnection => await client.ExploreConnectionAsync(sandbox!, Oracle.ObjectType.Root, null!, SameArguments.ConnectionId),
        FlowOperation.CreateSourceConnection => await client.CreateSourceConnectionAsync(sandbox!, SameArguments.TheirSourceConnection()),
        FlowOperation.ListSourceConnections => await client.ListSourceConnectionsAsync(
            sandbox!, SameArguments.Filters, SameArguments.Limit, SameArguments.OrderBy, SameArguments.ContinuationToken, null),
        FlowOperation.GetSourceConnection => await client.GetSourceConnectionAsync(sandbox!, SameArguments.SourceConnectionId),
        FlowOperation.DeleteSourceConnection => await DeleteAsync(client.DeleteSourceConnectionAsync(sandbox!, SameArguments.SourceConnectionId)),
        FlowOperation.CreateTargetConnection => await client.CreateTargetConnectionAsync(sandbox!, SameArguments.TheirTargetConnection()),
        FlowOperation.GetTargetConnection => await client.GetTargetConnectionAsync(sandbox!, SameArguments.TargetConnectionId),
        FlowOperation.DeleteTargetConnection => await DeleteAsync(client.DeleteTargetConnectionAsync(sandbox!, SameArguments.TargetConnectionId)),
        FlowOperation.ListFlowSpecs => await client.ListFlowSpecsAsync(sandbox!, SameArguments.FlowSpecFilters),
        FlowOperation.GetFlowSpec => await client.GetFlowSpecAsync(sandbox!, SameArguments.FlowSpecId),
        FlowOperation.CreateFlow => await client.CreateFlowAsync(sandbox!, SameArguments.TheirFlow()),
        FlowOperation.ListFlows => await client.ListFlowsAsync(
            sandbox!, SameArguments.Filters, SameArguments.Limit, SameArguments.OrderBy, SameArguments.ContinuationToken, false),
        FlowOperation.GetFlow => await client.GetFlowAsync(sandbox!, SameArguments.FlowId),
        FlowOperation.UpdateFlow => await client.UpdateFlowAsync(sandbox!, SameArguments.Etag, SameArguments.TheirFlowPatch(), SameArguments.FlowId),
        FlowOperation.DeleteFlow => await DeleteAsync(client.DeleteFlowAsync(sandbox!, SameArguments.FlowId)),
        FlowOperation.PerformFlowAction => await client.PerformFlowActionAsync(sandbox!, Oracle.FlowActionOperation.Disable, SameArguments.FlowId),
        FlowOperation.CreateRun => await client.CreateRunAsync(sandbox!, SameArguments.TheirRun()),
        FlowOperation.ListRuns => await client.ListRunsAsync(
            sandbox!, SameArguments.RunFilters, SameArguments.Limit, SameArguments.OrderBy, SameArguments.ContinuationToken, null),
        FlowOperation.GetRun => await client.GetRunAsync(sandbox!, SameArguments.RunId),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static async Task<object?> DeleteAsync(Task delete)
    {
        await delete;
        return null;
    }
}
