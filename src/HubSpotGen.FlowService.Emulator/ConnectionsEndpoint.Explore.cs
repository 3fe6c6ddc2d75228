namespace HubSpotGen.FlowService.Emulator;

internal sealed partial class ConnectionsEndpoint
{
    /// <summary>
    /// Browses what the HubSpot account behind a connection holds. The answer comes from
    /// <see cref="HubSpotCatalog"/>; the credentials are not used, as there is no HubSpot behind the emulator.
    /// </summary>
    public EmulatorResponse Explore(EmulatorRequest request, string sandboxName, string id)
    {
        var exists = store.Use(sandboxName, sandbox => sandbox.Connections.Find(id) is not null);
        if (!exists)
        {
            return NotFound(request, id);
        }

        var objectType = request.QueryValue("objectType");
        if (string.IsNullOrWhiteSpace(objectType))
        {
            return Refuse(request, FlowError.BadRequest(FlowCodes.BadRequest, "objectType is required: root or table."), id);
        }

        // The published spec spells the types in upper case and the tutorials in lower case; both are accepted.
        switch (objectType.ToLowerInvariant())
        {
            case "root":
                return EmulatorResponse.Json(200, HubSpotCatalog.RootObjects());

            case "table":
                var path = request.QueryValue("object");
                if (string.IsNullOrWhiteSpace(path))
                {
                    return Refuse(request, FlowError.BadRequest(FlowCodes.BadRequest, "object is required with objectType=table: the path of a table, such as Hubspot.Contacts."), id);
                }

                return HubSpotCatalog.TableDescription(path) is { } table
                    ? EmulatorResponse.Json(200, table)
                    : Refuse(request, new FlowError(404, FlowCodes.NotFound, "Resource not found", $"table not found with path = [{path}]"), id);

            case "file" or "folder" or "rest":
                return Refuse(request, FlowError.BadRequest(FlowCodes.BadRequest, $"objectType={objectType} is not supported by the HubSpot connector; use root or table."), id);

            default:
                return Refuse(request, FlowError.BadRequest(FlowCodes.BadRequest, "objectType must be root or table."), id);
        }
    }
}
