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
            if (sandbox.Find(id) is not { } stored)
            {
                return NotFound(request, id);
            }

            var ifMatch = request.Header("If-Match");
            if (string.IsNullOrWhiteSpace(ifMatch))
            {
                return Refuse(request, FlowError.BadRequest(FlowCodes.IfMatchMissing, "The If-Match header is required; send the connection's current etag."), stored.Id);
            }

            // The etag is compared exactly as the service handed it out, quotes included.
            if (!string.Equals(ifMatch, stored.Etag, StringComparison.Ordinal))
            {
                var message = $"Supplied version=[{ifMatch}] does not match the current version on entity=[{stored.Etag}]";
                return Refuse(request, new FlowError(412, FlowCodes.VersionMismatch, "Precondition failed", message), stored.Id);
            }

            if (JsonBody.IsEmpty(request.Body))
            {
                return Refuse(request, FlowError.BadRequest(FlowCodes.EmptyBody, "The request body is empty."), stored.Id);
            }

            if (JsonBody.TryParse(request.Body) is not { } body)
            {
                return Refuse(request, FlowError.BadRequest(FlowCodes.BadRequest, "The request body is not valid JSON."), stored.Id);
            }

            var (operations, parseError) = JsonPatch.Parse(body);
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

            var etag = NewEtag(stored.Etag);
            // A change in the same millisecond as the last one still moves updatedAt forward.
            var updatedAt = Math.Max(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (long)stored.Document["updatedAt"]! + 1);
            changed["updatedAt"] = updatedAt;
            changed["updatedBy"] = EmulatorUser;
            changed["updatedClient"] = request.Header("x-api-key");
            changed["version"] = etag;
            changed["etag"] = etag;
            stored.Document = changed;
            return EmulatorResponse.Json(200, Reference(stored));
        });
    }
}
