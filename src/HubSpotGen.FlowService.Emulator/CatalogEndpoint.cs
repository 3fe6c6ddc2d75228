using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// Catalog, <c>/data/foundation/catalog</c>: <c>GET /dataSets/{id}</c> answers an object keyed by the dataset
/// id, whose <c>schemaRef.id</c> is the <c>$id</c> of the dataset's XDM schema.
/// </summary>
internal sealed class CatalogEndpoint(SandboxStore store)
{
    public const string Resource = "dataSets";

    public EmulatorResponse GetDataset(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox =>
        {
            if (sandbox.Datasets.Find(id) is not { } stored)
            {
                return ErrorBodies.Problem(404, "Not Found", $"dataSets not found with id = [{id}]", request);
            }

            var entry = (JObject)stored.Document.DeepClone();
            entry.Remove("id");
            return EmulatorResponse.Json(200, new JObject { [stored.Id] = entry });
        });

    public DatasetSeed Add(string sandboxName, string name, string schemaId) =>
        store.Use(sandboxName, sandbox =>
        {
            var seed = new DatasetSeed(DemoDataset.NewId(), name, schemaId);
            sandbox.Datasets.Add(new StoredEntity(DemoDataset.Document(seed, sandbox, store.Clock.GetUtcNow())));
            return seed;
        });
}
