using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// The one flow spec the emulator serves, <c>CRMToAEP</c>, and the data lake connection spec it writes to. Ids
/// and names are the documented ones; the spec's inner schemas are a short sample of the real ones, enough to
/// say which transformations and schedules a flow may carry.
/// </summary>
internal static class FlowSpecCatalog
{
    public const string FlowSpecId = "14518937-270c-4525-bdec-c2ba7cce3860";
    public const string FlowSpecName = "CRMToAEP";
    public const string FlowSpecVersion = "1.0";

    /// <summary>The data lake: the target connection spec of a flow that lands records in a dataset.</summary>
    public const string DataLakeSpecId = "c604ff05-7f1a-43c0-8e18-33bf874cb11c";
    public const string DataLakeSpecVersion = "1.0";

    /// <summary>The content type a target connection names its XDM schema with.</summary>
    public const string XdmFullContentType = "application/vnd.adobe.xed-full+json;version=1";

    /// <summary>
    /// True for the XDM full content type at version 1, with or without spaces, and with the version written
    /// <c>1</c> or <c>1.0</c>: Adobe's tutorials write it both ways.
    /// </summary>
    public static bool IsXdmFull(string? contentType)
    {
        var compact = contentType?.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return compact is "application/vnd.adobe.xed-full+json;version=1" or "application/vnd.adobe.xed-full+json;version=1.0";
    }

    public static bool IsFlowSpec(string id) => string.Equals(SandboxStore.NormalizeId(id), FlowSpecId, StringComparison.Ordinal);

    public static bool IsDataLake(string id) => string.Equals(SandboxStore.NormalizeId(id), DataLakeSpecId, StringComparison.Ordinal);

    public static JObject FlowSpec() => new()
    {
        ["id"] = FlowSpecId,
        ["name"] = FlowSpecName,
        ["providerId"] = HubSpotCatalog.ProviderId,
        ["version"] = FlowSpecVersion,
        ["attributes"] = new JObject { ["isSourceFlow"] = true },
        ["sourceConnectionSpecIds"] = new JArray(HubSpotCatalog.SpecId),
        ["targetConnectionSpecIds"] = new JArray(DataLakeSpecId),
        ["transformationSpecs"] = new JArray
        {
            new JObject
            {
                ["name"] = "Copy",
                ["spec"] = ObjectSchema(new JObject
                {
                    ["deltaColumn"] = ObjectSchema(new JObject
                    {
                        ["name"] = new JObject { ["type"] = "string" },
                        ["dateFormat"] = new JObject { ["type"] = "string" },
                        ["timezone"] = new JObject { ["type"] = "string" },
                    }, "name"),
                }, "deltaColumn"),
            },
            new JObject
            {
                ["name"] = "Mapping",
                ["spec"] = ObjectSchema(new JObject
                {
                    ["mappingId"] = new JObject { ["type"] = "string" },
                    // The published spec types the version as a string; a number is accepted as well.
                    ["mappingVersion"] = new JObject { ["type"] = "string" },
                }, "mappingId", "mappingVersion"),
            },
        },
        ["scheduleSpec"] = new JObject
        {
            ["name"] = "PeriodicSchedule",
            ["type"] = "Periodic",
            ["spec"] = ObjectSchema(new JObject
            {
                ["startTime"] = new JObject { ["type"] = "integer", ["description"] = "epoch seconds" },
                ["frequency"] = new JObject { ["type"] = "string", ["enum"] = new JArray(FlowSchedule.Frequencies) },
                ["interval"] = new JObject { ["type"] = "integer" },
                ["backfill"] = new JObject { ["type"] = "boolean" },
            }, "startTime", "frequency"),
        },
    };

    private static JObject ObjectSchema(JObject properties, params string[] required) => new()
    {
        ["type"] = "object",
        ["properties"] = properties,
        ["required"] = new JArray(required),
    };
}
