namespace HubSpotGen.FlowService;

/// <summary>What <see cref="HubSpotDataflows.CreateAsync"/> made: the dataflow and each entity it joins.</summary>
/// <param name="FlowId">The dataflow.</param>
/// <param name="Etag">The dataflow's etag, quotes included, for its first change.</param>
/// <param name="SourceConnectionId">The source connection that reads the table.</param>
/// <param name="TargetConnectionId">The target connection that writes the dataset.</param>
/// <param name="MappingId">The Data Prep mapping set, a hexadecimal string.</param>
public sealed record CreatedDataflow(Guid FlowId, string Etag, Guid SourceConnectionId, Guid TargetConnectionId, string MappingId)
{
    /// <summary>The mapping set's version, as the dataflow names it.</summary>
    public int MappingVersion { get; init; }

    /// <summary>The service's request id (<c>x-request-id</c>) of the dataflow's creation, to quote to Adobe support; null when the answer named none.</summary>
    public string? RequestId { get; init; }
}
