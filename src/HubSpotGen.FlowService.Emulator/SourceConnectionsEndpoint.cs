using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// <c>/sourceConnections</c>: a HubSpot table read through a base connection of the same sandbox. The body
/// needs a name, <c>baseConnectionId</c>, <c>data.format: "tabular"</c>, <c>params.path</c> naming a table that
/// explore lists, and the HubSpot connection spec.
/// </summary>
internal sealed class SourceConnectionsEndpoint(SandboxStore store)
{
    public const string Resource = "sourceConnections";

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

            document["baseConnectionId"] = sandbox.Connections.Find((string)body["baseConnectionId"]!)!.Id;
            document["state"] = "enabled";
            document["data"] = new JObject { ["format"] = "tabular" };
            document["params"] = body["params"]!.DeepClone();
            document["connectionSpec"] = new JObject { ["id"] = HubSpotCatalog.SpecId, ["version"] = HubSpotCatalog.SpecVersion };
            EntityDocuments.Stamp(document, now);
            var stored = sandbox.SourceConnections.Add(new StoredEntity(document));
            return EmulatorResponse.Json(201, EntityDocuments.Reference(stored))
                .WithHeader("Location", FlowServiceEmulator.ServiceBasePath + "/sourceConnections/" + stored.Id);
        });
    }

    public EmulatorResponse Get(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox => sandbox.SourceConnections.Find(id) is { } stored
            ? EmulatorResponse.Json(200, new JObject { ["items"] = new JArray(stored.Document.DeepClone()) })
            : NotFound(request, id));

    public EmulatorResponse List(EmulatorRequest request, string sandboxName)
    {
        var (query, error) = ListQuery.Parse(request, sandboxName, ListShape.SourceConnections);
        return error is not null
            ? Refuse(request, error)
            : store.Use(sandboxName, sandbox => EntityList.Page(query!, request, EntityList.Of(sandbox.SourceConnections.InCreationOrder(), stored => (JObject)stored.Document.DeepClone())));
    }

    /// <summary>Deletes the source connection unless a flow still reads through it (FLOW-1418-400).</summary>
    public EmulatorResponse Delete(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox =>
        {
            if (sandbox.SourceConnections.Find(id) is not { } stored)
            {
                return NotFound(request, id);
            }

            var flows = sandbox.FlowsReading(stored.Id);
            if (flows.Count > 0)
            {
                return Refuse(request, FlowError.UsedByFlows(Resource, stored.Id, flows.Select(flow => flow.Id)), stored.Id);
            }

            sandbox.SourceConnections.Remove(stored.Id);
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

        if (RequestBodies.Text(body["baseConnectionId"]) is not { } baseId)
        {
            return FlowError.BadRequest(FlowCodes.BadRequest, "baseConnectionId is required: the id of a HubSpot base connection.");
        }

        if (sandbox.Connections.Find(baseId) is null)
        {
            return FlowError.UnknownReference("baseConnectionId", ConnectionsEndpoint.Resource, baseId);
        }

        if (RequestBodies.SpecProblem(body["connectionSpec"], "connectionSpec", HubSpotCatalog.IsKnownSpec, HubSpotCatalog.SpecVersion, "the HubSpot spec " + HubSpotCatalog.SpecId) is { } spec)
        {
            return spec;
        }

        if (RequestBodies.Text(RequestBodies.At(body, "data", "format")) != "tabular")
        {
            return FlowError.BadRequest(FlowCodes.BadRequest, "data.format must be tabular for a HubSpot table.");
        }

        if (RequestBodies.Text(RequestBodies.At(body, "params", "path")) is not { } path)
        {
            return FlowError.BadRequest(FlowCodes.BadRequest, "params.path is required: a table path as explore lists it, such as Hubspot.Contacts.");
        }

        return HubSpotCatalog.IsKnownTable(path)
            ? null
            : FlowError.BadRequest(FlowCodes.BadRequest, $"params.path: table not found with path = [{path}]; explore the base connection for the tables it holds.");
    }

    private static EmulatorResponse Refuse(EmulatorRequest request, FlowError error, string? entityId = null) =>
        ErrorBodies.Flow(error, request, Resource, entityId);

    private static EmulatorResponse NotFound(EmulatorRequest request, string id) =>
        Refuse(request, FlowError.NotFound(Resource, id), id);
}
