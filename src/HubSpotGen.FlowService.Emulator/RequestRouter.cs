using Newtonsoft.Json.Linq;
using WireMock;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// Every request the server receives: IMS token requests go to <see cref="ImsTokenEndpoint"/>; requests to the
/// three Platform services on the host (Flow Service, Catalog, Data Prep) pass the gateway, then any injected
/// fault, then the sandbox check, then reach their endpoint.
/// </summary>
internal sealed class RequestRouter(
    GatewayCheck gateway,
    FaultInjection faults,
    ImsTokenEndpoint ims,
    Endpoints endpoints)
{
    private static readonly string[] ServiceBases =
        [FlowServiceEmulator.ServiceBasePath, FlowServiceEmulator.CatalogBasePath, FlowServiceEmulator.ConversionBasePath];

    public IResponseMessage Handle(IRequestMessage message)
    {
        var request = EmulatorRequest.From(message);
        EmulatorResponse response;
        try
        {
            response = Route(request);
        }
        catch (Exception exception)
        {
            // An emulator bug comes back as a 500 the test can read rather than WireMock's own page, naming only the
            // exception type: its message could quote a request body, and bodies hold secrets.
            var error = new FlowError(500, FlowCodes.InternalError, "Internal server error", "The emulator failed with " + exception.GetType().Name + ".");
            response = ErrorBodies.Flow(error, request, ConnectionsEndpoint.Resource);
        }

        return response.ToWireMock(request.RequestId);
    }

    private EmulatorResponse Route(EmulatorRequest request)
    {
        var path = request.Path;
        if (path.TrimEnd('/') == FlowServiceEmulator.ImsTokenPath)
        {
            return request.Method == "POST" ? ims.Handle(request) : ImsTokenEndpoint.MethodNotAllowed(request);
        }

        var serviceBase = Array.Find(ServiceBases, candidate => path == candidate || path.StartsWith(candidate + "/", StringComparison.Ordinal));
        if (serviceBase is null)
        {
            return NoRoute(request);
        }

        // One trailing slash is allowed on every route, since Adobe's spec writes PATCH and DELETE that way.
        var relative = path[serviceBase.Length..];
        if (relative.EndsWith('/'))
        {
            relative = relative[..^1];
        }

        var segments = relative.Length == 0 ? [] : relative[1..].Split('/');
        // Errors before the route is known name the collection the path points at, or connections for the bare base.
        var resource = segments.Length > 0 && segments[0].Length > 0 ? segments[0] : ConnectionsEndpoint.Resource;

        if (gateway.Refusal(request) is { } refusal)
        {
            return refusal;
        }

        if (faults.TakeNext(request, resource) is { } fault)
        {
            return fault;
        }

        var sandboxName = request.Header("x-sandbox-name");
        if (string.IsNullOrWhiteSpace(sandboxName))
        {
            return ErrorBodies.Flow(FlowError.BadRequest(FlowCodes.SandboxNameMissing, "The x-sandbox-name header is missing."), request, resource);
        }

        return serviceBase switch
        {
            FlowServiceEmulator.CatalogBasePath => RouteCatalog(request, sandboxName, segments),
            FlowServiceEmulator.ConversionBasePath => RouteConversion(request, sandboxName, segments),
            _ => RouteFlowService(request, sandboxName, segments),
        };
    }

    private EmulatorResponse RouteFlowService(EmulatorRequest request, string sandboxName, string[] segments) =>
        (request.Method, segments) switch
        {
            ("POST", ["connections"]) => endpoints.Connections.Create(request, sandboxName),
            ("GET", ["connections"]) => endpoints.Connections.List(request, sandboxName),
            ("GET", ["connections", var id]) when id.Length > 0 => endpoints.Connections.Get(request, sandboxName, id),
            ("PATCH", ["connections", var id]) when id.Length > 0 => endpoints.Connections.Patch(request, sandboxName, id),
            ("DELETE", ["connections", var id]) when id.Length > 0 => endpoints.Connections.Delete(request, sandboxName, id),
            ("GET", ["connections", var id, "explore"]) when id.Length > 0 => endpoints.Connections.Explore(request, sandboxName, id),
            ("GET", ["connectionSpecs"]) => SpecsEndpoint.ListConnectionSpecs(request, sandboxName),
            ("GET", ["connectionSpecs", var id]) when id.Length > 0 => SpecsEndpoint.GetConnectionSpec(request, id),
            ("GET", ["flowSpecs"]) => SpecsEndpoint.ListFlowSpecs(request, sandboxName),
            ("GET", ["flowSpecs", var id]) when id.Length > 0 => SpecsEndpoint.GetFlowSpec(request, id),
            ("POST", ["sourceConnections"]) => endpoints.SourceConnections.Create(request, sandboxName),
            ("GET", ["sourceConnections"]) => endpoints.SourceConnections.List(request, sandboxName),
            ("GET", ["sourceConnections", var id]) when id.Length > 0 => endpoints.SourceConnections.Get(request, sandboxName, id),
            ("DELETE", ["sourceConnections", var id]) when id.Length > 0 => endpoints.SourceConnections.Delete(request, sandboxName, id),
            ("POST", ["targetConnections"]) => endpoints.TargetConnections.Create(request, sandboxName),
            ("GET", ["targetConnections"]) => endpoints.TargetConnections.List(request, sandboxName),
            ("GET", ["targetConnections", var id]) when id.Length > 0 => endpoints.TargetConnections.Get(request, sandboxName, id),
            ("DELETE", ["targetConnections", var id]) when id.Length > 0 => endpoints.TargetConnections.Delete(request, sandboxName, id),
            ("POST", ["flows"]) => endpoints.Flows.Create(request, sandboxName),
            ("GET", ["flows"]) => endpoints.Flows.List(request, sandboxName),
            ("GET", ["flows", var id]) when id.Length > 0 => endpoints.Flows.Get(request, sandboxName, id),
            ("GET", ["flows", var id, "runs"]) when id.Length > 0 => endpoints.Runs.ListOfFlow(request, sandboxName, id),
            ("PATCH", ["flows", var id]) when id.Length > 0 => endpoints.Flows.Patch(request, sandboxName, id),
            ("DELETE", ["flows", var id]) when id.Length > 0 => endpoints.Flows.Delete(request, sandboxName, id),
            ("POST", ["flows", var id, "action"]) when id.Length > 0 => endpoints.Flows.Action(request, sandboxName, id),
            ("POST", ["runs"]) => endpoints.Runs.Create(request, sandboxName),
            ("GET", ["runs"]) => endpoints.Runs.List(request, sandboxName),
            ("GET", ["runs", var id]) when id.Length > 0 => endpoints.Runs.Get(request, sandboxName, id),
            _ => NoRoute(request),
        };

    private EmulatorResponse RouteCatalog(EmulatorRequest request, string sandboxName, string[] segments) =>
        (request.Method, segments) switch
        {
            ("GET", ["dataSets", var id]) when id.Length > 0 => endpoints.Catalog.GetDataset(request, sandboxName, id),
            _ => NoRoute(request),
        };

    private EmulatorResponse RouteConversion(EmulatorRequest request, string sandboxName, string[] segments) =>
        (request.Method, segments) switch
        {
            ("POST", ["mappingSets"]) => endpoints.MappingSets.Create(request, sandboxName),
            ("GET", ["mappingSets", var id]) when id.Length > 0 => endpoints.MappingSets.Get(request, sandboxName, id),
            _ => NoRoute(request),
        };

    // Not Flow Service's "no such entity" (FLOW-xxxx-404): a wrong route says nothing about any entity, and
    // clients that read a 404 as "not there" must be able to tell the two apart.
    private static EmulatorResponse NoRoute(EmulatorRequest request) =>
        EmulatorResponse.Json(404, new JObject
        {
            ["status"] = 404,
            ["title"] = "Not Found",
            ["detail"] = $"The emulator has no route for {request.Method} {request.Path}.",
        });
}
