using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// What source and target connections share: create after the checks, get, list and delete, where a delete is
/// refused (FLOW-1418-400) while a flow still uses the connection. Each kind says which table, list shape and
/// flows are its own, what its body must hold, and what its stored document adds.
/// </summary>
internal abstract class FlowConnectionEndpoint(SandboxStore store)
{
    protected abstract string ResourceName { get; }

    protected abstract ListShape Shape { get; }

    protected abstract SandboxStore.EntityTable<StoredEntity> Table(SandboxStore.Sandbox sandbox);

    protected abstract List<StoredFlow> FlowsUsing(SandboxStore.Sandbox sandbox, string id);

    /// <summary>What is wrong with this kind's own members of a body whose name and description are fine; null when nothing.</summary>
    protected abstract FlowError? KindProblem(JObject body, SandboxStore.Sandbox sandbox);

    /// <summary>Adds this kind's members to the stored document of a body that passed the checks.</summary>
    protected abstract void Fill(JObject document, JObject body, SandboxStore.Sandbox sandbox);

    public EmulatorResponse Create(EmulatorRequest request, string sandboxName)
    {
        var (body, refusal) = RequestBodies.ReadObject(request, ResourceName);
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
            document["params"] = body["params"]!.DeepClone();
            Fill(document, body, sandbox);
            EntityDocuments.Stamp(document, now);
            var stored = Table(sandbox).Add(new StoredEntity(document));
            return EmulatorResponse.Json(201, EntityDocuments.Reference(stored))
                .WithHeader("Location", FlowServiceEmulator.ServiceBasePath + "/" + ResourceName + "/" + stored.Id);
        });
    }

    public EmulatorResponse Get(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox => Table(sandbox).Find(id) is { } stored
            ? EmulatorResponse.Json(200, new JObject { ["items"] = new JArray(stored.Document.DeepClone()) })
            : NotFound(request, id));

    public EmulatorResponse List(EmulatorRequest request, string sandboxName)
    {
        var (query, error) = ListQuery.Parse(request, sandboxName, Shape);
        return error is not null
            ? Refuse(request, error)
            : store.Use(sandboxName, sandbox => EntityList.Page(query!, request, EntityList.Of(Table(sandbox).InCreationOrder(), stored => (JObject)stored.Document.DeepClone())));
    }

    public EmulatorResponse Delete(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox =>
        {
            if (Table(sandbox).Find(id) is not { } stored)
            {
                return NotFound(request, id);
            }

            var flows = FlowsUsing(sandbox, stored.Id);
            if (flows.Count > 0)
            {
                return Refuse(request, FlowError.UsedByFlows(ResourceName, stored.Id, flows.Select(flow => flow.Id)), stored.Id);
            }

            Table(sandbox).Remove(stored.Id);
            return EmulatorResponse.NoContent();
        });

    private FlowError? Problem(JObject body, SandboxStore.Sandbox sandbox)
    {
        if (RequestBodies.Text(body["name"]) is null)
        {
            return FlowError.BadRequest(FlowCodes.BadRequest, "name is required and must be a non-empty string.");
        }

        return RequestBodies.OptionalText(body["description"], "description") ?? KindProblem(body, sandbox);
    }

    private EmulatorResponse Refuse(EmulatorRequest request, FlowError error, string? entityId = null) =>
        ErrorBodies.Flow(error, request, ResourceName, entityId);

    private EmulatorResponse NotFound(EmulatorRequest request, string id) =>
        Refuse(request, FlowError.NotFound(ResourceName, id), id);
}
