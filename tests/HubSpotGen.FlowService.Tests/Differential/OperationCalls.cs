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
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private static async Task<object?> DeleteAsync(Task delete)
    {
        await delete;
        return null;
    }
}
