using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// <c>/targetConnections</c>: a dataset of the sandbox, reached through the data lake connection spec. The body
/// needs a name, <c>params.dataSetId</c> naming a dataset Catalog holds, and <c>data.schema.id</c> equal to that
/// dataset's XDM schema; <c>data.schema.version</c>, when given, is the XDM full content type at version 1.
/// </summary>
internal sealed class TargetConnectionsEndpoint(SandboxStore store)
{
    public const string Resource = "targetConnections";

    public EmulatorResponse Create(EmulatorRequest request, string sandboxName)
    {
        var (body, refusal) = RequestBodies.ReadObject(request, Resource);
        if (refusal is not null)
        {
            return refusal;
        }

        return store.Use(sandboxName, sandbox =>
        {
            if (Problem(body!, sandbox) is { } error)
            {
                return Refuse(request, error);
            }

            var now = store.Clock.GetUtcNow();
            var document = EntityDocuments.New(request, sandbox, now);
            document["name"] = body!["name"]!.DeepClone();
            if (body["description"] is { Type: JTokenType.String } description)
            {
                document["description"] = description.DeepClone();
            }

            document["state"] = "enabled";
            document["data"] = body["data"]!.DeepClone();
            document["params"] = body["params"]!.DeepClone();
            document["connectionSpec"] = new JObject { ["id"] = FlowSpecCatalog.DataLakeSpecId, ["version"] = FlowSpecCatalog.DataLakeSpecVersion };
            EntityDocuments.Stamp(document, now);
            var stored = sandbox.TargetConnections.Add(new StoredEntity(document));
            return EmulatorResponse.Json(201, EntityDocuments.Reference(stored))
                .WithHeader("Location", FlowServiceEmulator.ServiceBasePath + "/targetConnections/" + stored.Id);
        });
    }

    public EmulatorResponse Get(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox => sandbox.TargetConnections.Find(id) is { } stored
            ? EmulatorResponse.Json(200, new JObject { ["items"] = new JArray(stored.Document.DeepClone()) })
            : NotFound(request, id));

    public EmulatorResponse List(EmulatorRequest request, string sandboxName)
    {
        var (query, error) = ListQuery.Parse(request, sandboxName, ListShape.TargetConnections);
        return error is not null
            ? Refuse(request, error)
            : store.Use(sandboxName, sandbox => EntityList.Page(query!, request, EntityList.Of(sandbox.TargetConnections.InCreationOrder(), stored => (JObject)stored.Document.DeepClone())));
    }

    /// <summary>Deletes the target connection unless a flow still writes through it (FLOW-1418-400).</summary>
    public EmulatorResponse Delete(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox =>
        {
            if (sandbox.TargetConnections.Find(id) is not { } stored)
            {
                return NotFound(request, id);
            }

            var flows = sandbox.FlowsWriting(stored.Id);
            if (flows.Count > 0)
            {
                return Refuse(request, FlowError.UsedByFlows(Resource, stored.Id, flows.Select(flow => flow.Id)), stored.Id);
            }

            sandbox.TargetConnections.Remove(stored.Id);
            return EmulatorResponse.NoContent();
        });

    private static FlowError? Problem(JObject body, SandboxStore.Sandbox sandbox)
    {
        if (RequestBodies.Text(body["name"]) is null)
        {
            return FlowError.BadRequest(FlowCodes.BadRequest, "name is required and must be a non-empty string.");
        }

        if (RequestBodies.OptionalText(body["description"], "description") is { } description)
        {
            return description;
        }

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

    private static EmulatorResponse Refuse(EmulatorRequest request, FlowError error, string? entityId = null) =>
        ErrorBodies.Flow(error, request, Resource, entityId);

    private static EmulatorResponse NotFound(EmulatorRequest request, string id) =>
        Refuse(request, FlowError.NotFound(Resource, id), id);
}
