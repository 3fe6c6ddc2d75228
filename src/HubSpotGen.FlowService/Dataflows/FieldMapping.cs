namespace HubSpotGen.FlowService;

/// <summary>One mapping of a dataflow: the source column <paramref name="SourceAttribute"/> fills the XDM field at <paramref name="DestinationXdmPath"/>.</summary>
/// <param name="SourceAttribute">A column of the source table, as exploring it lists it, such as <c>Properties_Firstname_Value</c>.</param>
/// <param name="DestinationXdmPath">The dotted path of an XDM field of the dataset's schema, such as <c>person.name.firstName</c>.</param>
public sealed record FieldMapping(string SourceAttribute, string DestinationXdmPath);
