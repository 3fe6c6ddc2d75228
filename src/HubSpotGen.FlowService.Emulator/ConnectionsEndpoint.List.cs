namespace HubSpotGen.FlowService.Emulator;

internal sealed partial class ConnectionsEndpoint
{
    /// <summary>Filters, sorts and pages the sandbox's connections, secrets masked.</summary>
    public EmulatorResponse List(EmulatorRequest request, string sandboxName)
    {
        var (query, error) = ListQuery.Parse(request, sandboxName, ListShape.Connections);
        return error is not null
            ? Refuse(request, error)
            : store.Use(sandboxName, sandbox => EntityList.Page(query!, request, EntityList.Of(sandbox.Connections.InCreationOrder(), stored => SecretMasking.Masked(stored.Document))));
    }
}
