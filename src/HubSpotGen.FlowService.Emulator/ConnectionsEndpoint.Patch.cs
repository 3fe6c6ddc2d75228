using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

internal sealed partial class ConnectionsEndpoint
{
    /// <summary>
    /// Applies a JSON Patch under If-Match. Checks run in this order: content type, connection exists,
    /// If-Match present, If-Match current, body, operations, resulting auth params. Nothing is stored unless all
    /// pass, and the whole check-and-change happens under the store's lock.
    /// </summary>
    public EmulatorResponse Patch(EmulatorRequest request, string sandboxName, string id)
    {
        if (!ErrorBodies.IsJsonContentType(request.Header("Content-Type")))
        {
            return ErrorBodies.ContentType();
        }

        return store.Use(sandboxName, sandbox =>
        {
            if (sandbox.Connections.Find(id) is not { } stored)
            {
                return NotFound(request, id);
            }

            var ifMatch = request.Header("If-Match");
            if (string.IsNullOrWhiteSpace(ifMatch))
            {
                return Refuse(request, FlowError.BadRequest(FlowCodes.IfMatchMissing, "The If-Match header is required; send the connection's current etag."), stored.Id);
            }

            if (!Etags.Matches(ifMatch, stored.Etag))
            {
                return Refuse(request, FlowError.VersionMismatch(ifMatch, stored.Etag), stored.Id);
            }

            var (operations, parseError) = JsonPatch.Read(request.Body);
            if (parseError is not null)
            {
                return Refuse(request, parseError, stored.Id);
            }

            var changed = (JObject)stored.Document.DeepClone();
            if (JsonPatch.Apply(changed, operations!) is { } applyError)
            {
                return Refuse(request, applyError, stored.Id);
            }

            if (HubSpotCatalog.ParamsProblem(changed["auth"]?["params"]) is { } problem)
            {
                return Refuse(request, FlowError.BadRequest(FlowCodes.BadRequest, problem), stored.Id);
            }

            EntityDocuments.Touch(changed, stored.Document, request, store.Clock.GetUtcNow());
            stored.Document = changed;
            return EmulatorResponse.Json(200, EntityDocuments.Reference(stored));
        });
    }
}
