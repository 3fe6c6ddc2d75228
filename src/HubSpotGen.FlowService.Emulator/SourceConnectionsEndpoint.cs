using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// <c>/sourceConnections</c>: a HubSpot table read through a base connection of the same sandbox. The body
/// needs a name, <c>baseConnectionId</c>, <c>data.format: "tabular"</c>, <c>params.path</c> naming a table that
/// explore lists, and the HubSpot connection spec.
/// </summary>
internal sealed class SourceConnectionsEndpoint(SandboxStore store) : FlowConnectionEndpoint(store)
{
    public const string Resource = "sourceConnections";

    protected override string ResourceName => Resource;

    protected override ListShape Shape => ListShape.SourceConnections;

    protected override SandboxStore.EntityTable<StoredEntity> Table(SandboxStore.Sandbox sandbox) => sandbox.SourceConnections;

    protected override List<StoredFlow> FlowsUsing(SandboxStore.Sandbox sandbox, string id) => sandbox.FlowsReading(id);

    protected override void Fill(JObject document, JObject body, SandboxStore.Sandbox sandbox)
    {
        document["baseConnectionId"] = sandbox.Connections.Find((string)body["baseConnectionId"]!)!.Id;
        document["data"] = new JObject { ["format"] = "tabular" };
        document["connectionSpec"] = new JObject { ["id"] = HubSpotCatalog.SpecId, ["version"] = HubSpotCatalog.SpecVersion };
    }

    protected override FlowError? KindProblem(JObject body, SandboxStore.Sandbox sandbox)
    {
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
}
