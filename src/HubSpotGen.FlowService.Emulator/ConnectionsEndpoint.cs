using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// <c>/connections</c> and <c>/connections/{id}</c>: create, read, delete here; list, patch and explore in the
/// other parts. Every answer that carries a connection goes through <see cref="SecretMasking"/>.
/// </summary>
internal sealed partial class ConnectionsEndpoint(SandboxStore store)
{
    public const string Resource = "connections";

    public EmulatorResponse Create(EmulatorRequest request, string sandboxName)
    {
        if (!ErrorBodies.IsJsonContentType(request.Header("Content-Type")))
        {
            return ErrorBodies.ContentType();
        }

        if (JsonBody.IsEmpty(request.Body))
        {
            return Refuse(request, FlowError.BadRequest(FlowCodes.EmptyBody, "The request body is empty."));
        }

        if (JsonBody.TryParse(request.Body) is not JObject body)
        {
            return Refuse(request, FlowError.BadRequest(FlowCodes.BadRequest, "The request body must be one JSON object."));
        }

        if (Problem(body) is { } error)
        {
            return Refuse(request, error);
        }

        var stored = store.Use(sandboxName, sandbox =>
            sandbox.Connections.Add(new StoredEntity(NewConnection(body, request, sandbox, store.Clock.GetUtcNow()))));
        return EmulatorResponse.Json(201, EntityDocuments.Reference(stored))
            .WithHeader("Location", FlowServiceEmulator.ServiceBasePath + "/connections/" + stored.Id);
    }

    public EmulatorResponse Get(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox => sandbox.Connections.Find(id) is { } stored
            ? EmulatorResponse.Json(200, new JObject { ["items"] = new JArray(SecretMasking.Masked(stored.Document)) })
            : NotFound(request, id));

    /// <summary>Deletes the connection unless a flow still reads through it (FLOW-1418-400, naming the flows).</summary>
    public EmulatorResponse Delete(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox =>
        {
            if (sandbox.Connections.Find(id) is not { } stored)
            {
                return NotFound(request, id);
            }

            var flows = sandbox.FlowsUsingConnection(stored.Id);
            if (flows.Count > 0)
            {
                return Refuse(request, FlowError.UsedByFlows(Resource, stored.Id, flows.Select(flow => flow.Id)), stored.Id);
            }

            sandbox.Connections.Remove(stored.Id);
            return EmulatorResponse.NoContent();
        });

    private static EmulatorResponse Refuse(EmulatorRequest request, FlowError error, string? entityId = null) =>
        ErrorBodies.Flow(error, request, Resource, entityId);

    private static EmulatorResponse NotFound(EmulatorRequest request, string id) =>
        Refuse(request, FlowError.NotFound(Resource, id), id);

    /// <summary>What is wrong with a create body, or null when it can be stored.</summary>
    private static FlowError? Problem(JObject body)
    {
        if (body["name"] is not JValue { Type: JTokenType.String } name || string.IsNullOrWhiteSpace((string?)name))
        {
            return Fail(FlowCodes.BadRequest, "name is required and must be a non-empty string.");
        }

        var description = body["description"];
        if (description is not null && description.Type is not (JTokenType.String or JTokenType.Null))
        {
            return Fail(FlowCodes.BadRequest, "description must be a string.");
        }

        if (RequestBodies.At(body, "connectionSpec", "id") is not JValue { Type: JTokenType.String } specId || !HubSpotCatalog.IsKnownSpec((string)specId!))
        {
            return Fail(FlowCodes.InvalidSpecId, "Please provide a valid spec id.");
        }

        var version = RequestBodies.At(body, "connectionSpec", "version");
        if (version is not null && version.Type != JTokenType.Null && (string?)version != HubSpotCatalog.SpecVersion)
        {
            return Fail(FlowCodes.InvalidSpecId, $"The connection spec {HubSpotCatalog.SpecId} has no version other than {HubSpotCatalog.SpecVersion}.");
        }

        if (body["auth"] is not JObject auth || auth["specName"] is not JValue { Type: JTokenType.String } specName)
        {
            return Fail(FlowCodes.BadRequest, "auth.specName is required.");
        }

        if ((string?)specName != HubSpotCatalog.AuthSpecName)
        {
            return Fail(FlowCodes.AuthSpecNotFound, $"Auth spec '{(string?)specName}' was not found for connection spec {HubSpotCatalog.SpecId}.");
        }

        return HubSpotCatalog.ParamsProblem(auth["params"]) is { } problem ? Fail(FlowCodes.BadRequest, problem) : null;
    }

    /// <summary>The stored document of a create body that <see cref="Problem"/> passed.</summary>
    private static JObject NewConnection(JObject body, EmulatorRequest request, SandboxStore.Sandbox sandbox, DateTimeOffset now)
    {
        var document = EntityDocuments.New(request, sandbox, now);
        document["name"] = body["name"]!.DeepClone();
        if (body["description"] is { Type: JTokenType.String } description)
        {
            document["description"] = description.DeepClone();
        }

        document["connectionSpec"] = new JObject { ["id"] = HubSpotCatalog.SpecId, ["version"] = HubSpotCatalog.SpecVersion };
        document["state"] = "enabled";
        document["auth"] = new JObject { ["specName"] = HubSpotCatalog.AuthSpecName, ["params"] = body["auth"]!["params"]!.DeepClone() };
        EntityDocuments.Stamp(document, now);
        return document;
    }

    private static FlowError Fail(int code, string message) => FlowError.BadRequest(code, message);
}
