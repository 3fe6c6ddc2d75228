using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// <c>/connections</c> and <c>/connections/{id}</c>: create, read, delete here; list, patch and explore in the
/// other parts. Every answer that carries a connection goes through <see cref="SecretMasking"/>.
/// </summary>
internal sealed partial class ConnectionsEndpoint(ConnectionStore store)
{
    public const string Resource = "connections";

    /// <summary>Who the emulator records as creator and updater; it does not decode tokens into identities.</summary>
    public const string EmulatorUser = "emulator-user@AdobeID";

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

        var (document, error) = NewConnection(body, request);
        if (error is not null)
        {
            return Refuse(request, error);
        }

        var stored = store.Use(sandboxName, sandbox =>
        {
            document!["sandboxId"] = sandbox.Id;
            document["sandboxName"] = sandbox.Name;
            return sandbox.Add(document);
        });
        return EmulatorResponse.Json(201, Reference(stored))
            .WithHeader("Location", FlowServiceEmulator.ServiceBasePath + "/connections/" + stored.Id);
    }

    public EmulatorResponse Get(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox => sandbox.Find(id) is { } stored
            ? EmulatorResponse.Json(200, new JObject { ["items"] = new JArray(SecretMasking.Masked(stored.Document)) })
            : NotFound(request, id));

    public EmulatorResponse Delete(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox => sandbox.Remove(id) ? EmulatorResponse.NoContent() : NotFound(request, id));

    private static EmulatorResponse Refuse(EmulatorRequest request, FlowError error, string? entityId = null) =>
        ErrorBodies.Flow(error, request, Resource, entityId);

    private static EmulatorResponse NotFound(EmulatorRequest request, string id) =>
        Refuse(request, FlowError.NotFound(Resource, id), id);

    private static JObject Reference(StoredConnection stored) => new() { ["id"] = stored.Id, ["etag"] = stored.Etag };

    /// <summary>Validates the create body and builds the stored document (sandbox fields are added by the caller).</summary>
    private static (JObject? Document, FlowError? Error) NewConnection(JObject body, EmulatorRequest request)
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

        if (body["connectionSpec"]?["id"] is not JValue { Type: JTokenType.String } specId || !HubSpotCatalog.IsKnownSpec((string)specId!))
        {
            return Fail(FlowCodes.InvalidSpecId, "Please provide a valid spec id.");
        }

        var version = body["connectionSpec"]!["version"];
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

        if (HubSpotCatalog.ParamsProblem(auth["params"]) is { } problem)
        {
            return Fail(FlowCodes.BadRequest, problem);
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var etag = NewEtag(null);
        var client = request.Header("x-api-key");
        var document = new JObject
        {
            ["id"] = Guid.NewGuid().ToString("D"),
            ["createdAt"] = now,
            ["updatedAt"] = now,
            ["createdBy"] = EmulatorUser,
            ["updatedBy"] = EmulatorUser,
            ["createdClient"] = client,
            ["updatedClient"] = client,
            ["sandboxId"] = null,
            ["sandboxName"] = null,
            ["imsOrgId"] = request.Header("x-gw-ims-org-id"),
            ["name"] = name.DeepClone(),
        };
        if (description is { Type: JTokenType.String })
        {
            document["description"] = description.DeepClone();
        }

        document["connectionSpec"] = new JObject { ["id"] = HubSpotCatalog.SpecId, ["version"] = HubSpotCatalog.SpecVersion };
        document["state"] = "enabled";
        document["auth"] = new JObject { ["specName"] = HubSpotCatalog.AuthSpecName, ["params"] = auth["params"]!.DeepClone() };
        document["version"] = etag;
        document["etag"] = etag;
        return (document, null);
    }

    /// <summary>
    /// An etag in the service's own shape, double quotes included; never the one it replaces, so every change
    /// is visible to If-Match.
    /// </summary>
    private static string NewEtag(string? previous)
    {
        while (true)
        {
            var seconds = (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var etag = $"\"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}-0000-0200-0000-{seconds:x8}0000\"";
            if (etag != previous)
            {
                return etag;
            }
        }
    }

    private static (JObject?, FlowError?) Fail(int code, string message) => (null, FlowError.BadRequest(code, message));
}
