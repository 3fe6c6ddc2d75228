using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// Data Prep, <c>/data/foundation/conversion/mappingSets</c>: create and read. A mapping set names the XDM schema
/// it writes (<c>xdmSchema</c>, which must be the schema of a dataset in the sandbox) and its mappings, each
/// a <c>sourceAttribute</c> and a <c>destinationXdmPath</c>. Data Prep does not know the source at this point,
/// so whether the source attributes are columns is checked when a flow puts the mapping behind a source.
/// </summary>
internal sealed class MappingSetsEndpoint(SandboxStore store)
{
    public const string Resource = "mappingSets";

    public EmulatorResponse Create(EmulatorRequest request, string sandboxName)
    {
        if (!ErrorBodies.IsJsonContentType(request.Header("Content-Type")))
        {
            return ErrorBodies.ContentType();
        }

        if (JsonBody.TryParse(request.Body) is not JObject body)
        {
            return Refuse(request, "The request body must be one JSON object.");
        }

        return store.Use(sandboxName, sandbox =>
        {
            if (Problem(body, sandbox) is { } problem)
            {
                return Refuse(request, problem);
            }

            var now = store.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            var mappings = new JArray();
            foreach (var mapping in (JArray)body["mappings"]!)
            {
                var copy = (JObject)mapping.DeepClone();
                copy["id"] = Guid.NewGuid().ToString("N");
                copy["sourceType"] ??= "ATTRIBUTE";
                copy["identity"] ??= false;
                copy["version"] ??= 0;
                mappings.Add(copy);
            }

            var document = new JObject
            {
                ["id"] = Guid.NewGuid().ToString("N"),
                ["version"] = 0,
                ["createdDate"] = now,
                ["modifiedDate"] = now,
                ["createdBy"] = EntityDocuments.EmulatorUser,
                ["modifiedBy"] = EntityDocuments.EmulatorUser,
                ["xdmSchema"] = body["xdmSchema"]!.DeepClone(),
                ["xdmVersion"] = body["xdmVersion"]?.DeepClone() ?? "1.0",
                ["mappings"] = mappings,
            };
            var stored = sandbox.MappingSets.Add(new StoredEntity(document));
            var answer = new JObject();
            foreach (var field in new[] { "id", "version", "createdDate", "modifiedDate", "createdBy", "modifiedBy" })
            {
                answer[field] = stored.Document[field]!.DeepClone();
            }

            return EmulatorResponse.Json(200, answer);
        });
    }

    public EmulatorResponse Get(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox => sandbox.MappingSets.Find(id) is { } stored
            ? EmulatorResponse.Json(200, stored.Document.DeepClone())
            : ErrorBodies.Problem(404, "Not Found", $"mappingSets not found with id = [{id}]", request));

    private static string? Problem(JObject body, SandboxStore.Sandbox sandbox)
    {
        if (RequestBodies.Text(body["xdmSchema"]) is not { } schema)
        {
            return "xdmSchema is required: the $id of the XDM schema the mappings write.";
        }

        if (!sandbox.Datasets.InCreationOrder().Any(dataset => (string?)dataset.Document["schemaRef"]?["id"] == schema))
        {
            return $"xdmSchema: schema not found with id = [{schema}]; no dataset of the sandbox uses it.";
        }

        if (body["xdmVersion"] is { } xdmVersion && xdmVersion.Type != JTokenType.Null && (string?)xdmVersion != "1.0")
        {
            return "xdmVersion must be 1.0.";
        }

        if (body["version"] is { } version && version.Type != JTokenType.Null && !(version.Type == JTokenType.Integer && (long)version == 0))
        {
            return "version must be 0 for a new mapping set.";
        }

        if (body["id"] is { } id && id.Type != JTokenType.Null)
        {
            return "id must be null or left out: the service assigns it.";
        }

        if (body["mappings"] is not JArray { Count: > 0 } mappings)
        {
            return "mappings is required: a non-empty array of {sourceAttribute, destinationXdmPath}.";
        }

        var destinations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            if (RequestBodies.Text(RequestBodies.At(mapping, "sourceAttribute")) is null || RequestBodies.Text(RequestBodies.At(mapping, "destinationXdmPath")) is not { } destination)
            {
                return "Every mapping needs a non-empty sourceAttribute and destinationXdmPath.";
            }

            if (!destinations.Add(destination))
            {
                return $"The destinationXdmPath [{destination}] is mapped twice.";
            }
        }

        return null;
    }

    private static EmulatorResponse Refuse(EmulatorRequest request, string detail) =>
        ErrorBodies.Problem(400, "Bad Request", detail, request);
}
