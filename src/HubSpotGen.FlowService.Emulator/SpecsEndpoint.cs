using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// <c>/connectionSpecs</c> and <c>/flowSpecs</c>, by id and as lists with the list routes' filters: the HubSpot
/// connection spec and the CRMToAEP flow spec, which are all the emulator knows.
/// </summary>
internal static class SpecsEndpoint
{
    public const string ConnectionSpecsResource = "connectionSpecs";
    public const string FlowSpecsResource = "flowSpecs";

    public static EmulatorResponse GetConnectionSpec(EmulatorRequest request, string id) =>
        HubSpotCatalog.IsKnownSpec(id)
            ? EmulatorResponse.Json(200, new JObject { ["items"] = new JArray(HubSpotCatalog.Spec()) })
            : ErrorBodies.Flow(FlowError.NotFound(ConnectionSpecsResource, id), request, ConnectionSpecsResource, id);

    public static EmulatorResponse ListConnectionSpecs(EmulatorRequest request, string sandboxName) =>
        List(request, sandboxName, ListShape.ConnectionSpecs, HubSpotCatalog.Spec(), ConnectionSpecsResource);

    public static EmulatorResponse GetFlowSpec(EmulatorRequest request, string id) =>
        FlowSpecCatalog.IsFlowSpec(id)
            ? EmulatorResponse.Json(200, new JObject { ["items"] = new JArray(FlowSpecCatalog.FlowSpec()) })
            : ErrorBodies.Flow(FlowError.NotFound(FlowSpecsResource, id), request, FlowSpecsResource, id);

    public static EmulatorResponse ListFlowSpecs(EmulatorRequest request, string sandboxName) =>
        List(request, sandboxName, ListShape.FlowSpecs, FlowSpecCatalog.FlowSpec(), FlowSpecsResource);

    private static EmulatorResponse List(EmulatorRequest request, string sandboxName, ListShape shape, JObject only, string resource)
    {
        var (query, error) = ListQuery.Parse(request, sandboxName, shape);
        return error is not null
            ? ErrorBodies.Flow(error, request, resource)
            : EntityList.Page(query!, request, [new ListedEntity(0, only)]);
    }
}
