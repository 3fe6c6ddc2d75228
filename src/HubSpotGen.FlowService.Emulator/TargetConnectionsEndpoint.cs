using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// <c>/targetConnections</c>: a dataset of the sandbox, reached through the data lake connection spec. The body
/// needs a name, <c>params.dataSetId</c> naming a dataset Catalog holds, and <c>data.schema.id</c> equal to that
/// dataset's XDM schema; <c>data.schema.version</c>, when given, is the XDM full content type at version 1.
/// </summary>
internal sealed class TargetConnectionsEndpoint(SandboxStore store) : FlowConnectionEndpoint(store)
{
    public const string Resource = "targetConnections";

    protected override string ResourceName => Resource;

    protected override ListShape Shape => ListShape.TargetConnections;

    protected override SandboxStore.EntityTable<StoredEntity> Table(SandboxStore.Sandbox sandbox) => sandbox.TargetConnections;

    protected override List<StoredFlow> FlowsUsing(SandboxStore.Sandbox sandbox, string id) => sandbox.FlowsWriting(id);

    protected override void Fill(JObject document, JObject body, SandboxStore.Sandbox sandbox)
    {
        document["data"] = body["data"]!.DeepClone();
        document["connectionSpec"] = new JObject { ["id"] = FlowSpecCatalog.DataLakeSpecId, ["version"] = FlowSpecCatalog.DataLakeSpecVersion };
    }

    protected override FlowError? KindProblem(JObject body, SandboxStore.Sandbox sandbox)
    {
        if (RequestBodies.SpecProblem(body["connectionSpec"], "connectionSpec", FlowSpecCatalog.IsDataLake, FlowSpecCatalog.DataLakeSpecVersion, "the data lake spec " + FlowSpecCatalog.DataLakeSpecId) is { } spec)
        {
            return spec;
        }

        if (RequestBodies.Text(RequestBodies.At(body, "params", "dataSetId")) is not { } datasetId)
        {
            return FlowError.BadRequest(FlowCodes.BadRequest, "params.dataSetId is required: the id of the dataset the records land in.");
        }

        if (sandbox.Datasets.Find(datasetId) is not { } dataset)
        {
            return FlowError.UnknownReference("params.dataSetId", CatalogEndpoint.Resource, datasetId);
        }

        if (RequestBodies.Text(RequestBodies.At(body, "data", "schema", "id")) is not { } schemaId)
        {
            return FlowError.BadRequest(FlowCodes.BadRequest, "data.schema.id is required: the $id of the dataset's XDM schema.");
        }

        var datasetSchema = (string)dataset.Document["schemaRef"]!["id"]!;
        if (!string.Equals(schemaId, datasetSchema, StringComparison.Ordinal))
        {
            return FlowError.BadRequest(FlowCodes.BadRequest, $"data.schema.id [{schemaId}] is not the schema of dataset [{dataset.Id}], which is [{datasetSchema}].");
        }

        var version = RequestBodies.At(body, "data", "schema", "version");
        return version is null || version.Type == JTokenType.Null || FlowSpecCatalog.IsXdmFull((string?)version)
            ? null
            : FlowError.BadRequest(FlowCodes.BadRequest, $"data.schema.version must be {FlowSpecCatalog.XdmFullContentType}.");
    }
}
