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
    CreateSourceConnection,
    ListSourceConnections,
    GetSourceConnection,
    DeleteSourceConnection,
    CreateTargetConnection,
    GetTargetConnection,
    DeleteTargetConnection,
    ListFlowSpecs,
    GetFlowSpec,
    CreateFlow,
    ListFlows,
    GetFlow,
    UpdateFlow,
    DeleteFlow,
    PerformFlowAction,
    CreateRun,
    ListRuns,
    GetRun,
}

/// <summary>What the spec says about each operation's answers, copied from the YAML so a spec edit shows up here.</summary>
internal static class FlowOperations
{
    public static readonly FlowOperation[] All = Enum.GetValues<FlowOperation>();

    /// <summary>
    /// The operations that put the same request on the wire through both clients: all but the bodiless POST, to
    /// which NSwag adds an empty JSON body (see IntendedRequestDifferenceTests).
    /// </summary>
    public static readonly FlowOperation[] SameOnTheWire = All.Where(operation => operation != FlowOperation.PerformFlowAction).ToArray();

    /// <summary>The operations whose success has no body to read.</summary>
    public static readonly FlowOperation[] Deletes =
        [FlowOperation.DeleteConnection, FlowOperation.DeleteSourceConnection, FlowOperation.DeleteTargetConnection, FlowOperation.DeleteFlow];

    /// <summary>Every error status the differential tests feed; each is documented for some operation.</summary>
    public static readonly int[] ErrorStatuses = [400, 401, 403, 404, 412, 429, 500, 503];

    /// <summary>The error statuses the spec documents for <paramref name="operation"/> (all with the ErrorResponse body).</summary>
    public static IReadOnlyList<int> DocumentedErrors(FlowOperation operation) => operation switch
    {
        FlowOperation.CreateConnection or FlowOperation.ListConnections
            or FlowOperation.CreateSourceConnection or FlowOperation.ListSourceConnections or FlowOperation.CreateTargetConnection
            or FlowOperation.ListFlowSpecs or FlowOperation.CreateFlow or FlowOperation.ListFlows or FlowOperation.ListRuns => [400, 401, 403, 429, 500, 503],
        FlowOperation.UpdateConnection or FlowOperation.UpdateFlow => [400, 401, 403, 404, 412, 429, 500, 503],
        _ => [400, 401, 403, 404, 429, 500, 503],
    };
}
