using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>A dataset to hold: its Catalog id, name and the <c>$id</c> of its XDM schema.</summary>
internal sealed record DatasetSeed(string Id, string Name, string SchemaId);

/// <summary>Catalog datasets as the emulator stores them, and the one every sandbox starts with.</summary>
internal static class DemoDataset
{
    public static readonly DatasetSeed Seed = new(FlowServiceEmulator.DemoDatasetId, "HubSpot contacts (emulator demo)", FlowServiceEmulator.DemoSchemaId);

    /// <summary>
    /// The stored dataset, in the shape of a Catalog <c>dataSets</c> entry. Catalog ids are 24 hex digits, not
    /// GUIDs; its times are epoch milliseconds under Catalog's own names (<c>created</c>, <c>updated</c>).
    /// </summary>
    public static JObject Document(DatasetSeed seed, SandboxStore.Sandbox sandbox, DateTimeOffset now)
    {
        var millis = now.ToUnixTimeMilliseconds();
        return new JObject
        {
            ["id"] = seed.Id,
            ["name"] = seed.Name,
            ["sandboxId"] = sandbox.Id,
            ["tags"] = new JObject(),
            ["version"] = "1.0.0",
            ["created"] = millis,
            ["updated"] = millis,
            ["createdClient"] = "emulator",
            ["createdUser"] = EntityDocuments.EmulatorUser,
            ["updatedUser"] = EntityDocuments.EmulatorUser,
            ["files"] = "@/dataSetFiles?dataSetId=" + seed.Id,
            ["schemaRef"] = new JObject { ["id"] = seed.SchemaId, ["contentType"] = FlowSpecCatalog.XdmFullContentType },
        };
    }

    /// <summary>A new Catalog-style id: 24 lower-case hex digits.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..24];
}
