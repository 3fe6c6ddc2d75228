namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>Every operation of openapi/flow-service.yaml, named by its operationId.</summary>
public enum FlowOperation
{
    CreateConnection,
    ListConnections,
    GetConnection,
    UpdateConnection,
    DeleteConnection,
    GetConnectionSpec,
    ExploreConnection,
}

/// <summary>What the spec says about each operation's answers, copied from the YAML so a spec edit shows up here.</summary>
internal static class FlowOperations
{
    public static readonly FlowOperation[] All = Enum.GetValues<FlowOperation>();

    /// <summary>Every error status the differential tests feed; each is documented for some operation.</summary>
    public static readonly int[] ErrorStatuses = [400, 401, 403, 404, 412, 429, 500, 503];

    /// <summary>The error statuses the spec documents for <paramref name="operation"/> (all with the ErrorResponse body).</summary>
    public static IReadOnlyList<int> DocumentedErrors(FlowOperation operation) => operation switch
    {
        FlowOperation.CreateConnection or FlowOperation.ListConnections => [400, 401, 403, 429, 500, 503],
        FlowOperation.UpdateConnection => [400, 401, 403, 404, 412, 429, 500, 503],
        _ => [400, 401, 403, 404, 429, 500, 503],
    };
}
