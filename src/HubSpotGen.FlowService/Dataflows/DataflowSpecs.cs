namespace HubSpotGen.FlowService;

/// <summary>
/// The fixed values a HubSpot dataflow into the data lake is built from, as Adobe publishes them. The facts behind
/// them are noted in docs/dataflows.md.
/// </summary>
public static class DataflowSpecs
{
    /// <summary>The name of the flow spec that carries CRM sources such as HubSpot into the data lake.</summary>
    public const string CrmFlowSpecName = "CRMToAEP";

    /// <summary>The id Adobe documents for <see cref="CrmFlowSpecName"/>; the facade uses the id the service answers with.</summary>
    public const string CrmFlowSpecId = "14518937-270c-4525-bdec-c2ba7cce3860";

    /// <summary>The connection spec of the data lake, the target of a dataflow into a dataset.</summary>
    public const string DataLakeConnectionSpecId = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";

    /// <summary>The version of the connection and flow specs this library targets.</summary>
    public const string SpecVersion = "1.0";

    /// <summary>The schema form a target connection names: the full XDM schema, version 1.</summary>
    public const string XdmSchemaVersion = "application/vnd.adobe.xed-full+json;version=1";

    /// <summary>The XDM version a mapping set names.</summary>
    public const string MappingXdmVersion = "1.0";

    /// <summary>The layout of a table source's data.</summary>
    public const string TabularFormat = "tabular";

    /// <summary>The transformation that reads the table incrementally by its delta column.</summary>
    public const string CopyTransformation = "Copy";

    /// <summary>The transformation that applies a mapping set.</summary>
    public const string MappingTransformation = "Mapping";

    /// <summary>The date pattern sent with the delta column.</summary>
    public const string DeltaColumnDateFormat = "YYYY-MM-DD";

    /// <summary>The time zone sent with the delta column.</summary>
    public const string DeltaColumnTimezone = "UTC";

    /// <summary><see cref="CrmFlowSpecId"/> as a <see cref="Guid"/>.</summary>
    public static Guid CrmFlowSpecIdAsGuid { get; } = Guid.Parse(CrmFlowSpecId);

    /// <summary><see cref="DataLakeConnectionSpecId"/> as a <see cref="Guid"/>.</summary>
    public static Guid DataLakeConnectionSpecIdAsGuid { get; } = Guid.Parse(DataLakeConnectionSpecId);
}
