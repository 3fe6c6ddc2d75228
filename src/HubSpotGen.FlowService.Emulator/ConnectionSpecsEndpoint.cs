using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary><c>GET /connectionSpecs/{id}</c>: the HubSpot spec in an <c>items</c> envelope; the emulator knows no other.</summary>
internal static class ConnectionSpecsEndpoint
{
    public const string Resource = "connectionSpecs";

    public static EmulatorResponse Get(EmulatorRequest request, string id) =>
        HubSpotCatalog.IsKnownSpec(id)
            ? EmulatorResponse.Json(200, new JObject { ["items"] = new JArray(HubSpotCatalog.Spec()) })
            : ErrorBodies.Flow(FlowError.NotFound(Resource, id), request, Resource, id);
}
