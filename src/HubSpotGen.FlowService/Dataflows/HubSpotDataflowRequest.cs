namespace HubSpotGen.FlowService;

/// <summary>What <see cref="HubSpotDataflows.CreateAsync"/> builds: HubSpot table <paramref name="TablePath"/>, read through base connection <paramref name="BaseConnectionId"/>, into Platform dataset <paramref name="DataSetId"/>.</summary>
/// <param name="BaseConnectionId">A HubSpot base connection, such as <see cref="HubSpotConnections.CreateAsync"/> made.</param>
/// <param name="TablePath">The table's path as exploring the connection lists it, such as <c>Hubspot.Contacts</c>.</param>
/// <param name="DataSetId">The Platform dataset records land in; its XDM schema is read from Catalog.</param>
/// <param name="Mappings">Which column fills which XDM field; at least one, each source a column of the table, no XDM field twice.</param>
public sealed record HubSpotDataflowRequest(Guid BaseConnectionId, string TablePath, string DataSetId, IReadOnlyList<FieldMapping> Mappings)
{
    /// <summary>
    /// The column that tells new records from old ones. Null picks the table's only date-time column; a table with
    /// none or several makes the create fail with an <see cref="ArgumentException"/> that names the choices.
    /// </summary>
    public string? DeltaColumn { get; init; }

    /// <summary>When the dataflow runs; by default once, at the time this request was made.</summary>
    public DataflowSchedule Schedule { get; init; } = DataflowSchedule.Once(DateTimeOffset.UtcNow);

    /// <summary>The dataflow's name; null names it after the table and dataset. Its source and target connections are named after it.</summary>
    public string? Name { get; init; }

    /// <summary>The description of the dataflow and its connections; null describes what they join.</summary>
    public string? Description { get; init; }
}
