using Newtonsoft.Json.Linq;
using WireMock;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// Every request the server receives: control requests go to <see cref="ControlEndpoint"/>, IMS token requests
/// to <see cref="ImsTokenEndpoint"/>; requests to the three Platform services on the host (Flow Service, Catalog,
/// Data Prep) pass the gateway, then any injected fault, then the sandbox check, then reach their endpoint.
/// Every request but a control one is logged with the status it got, and a change is saved to the state file.
/// </summary>
internal sealed class RequestRouter(
    GatewayCheck gateway,
    EmulatorControl control,
    ImsTokenEndpoint ims,
    Endpoints endpoints)
{
    private static readonly string[] ServiceBases =
        [FlowServiceEmulator.ServiceBasePath, FlowServiceEmulator.CatalogBasePath, FlowServiceEmulator.ConversionBasePath];

    public async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        var request = EmulatorRequest.From(message);
        if (ControlEndpoint.Owns(request.Path))
        {
            return (await GuardedAsync(request, () => Task.FromResult<EmulatorResponse?>(ControlEndpoint.Handle(request, control))))!.ToWireMock(request.RequestId);
        }

        var response = await GuardedAsync(request, () => AnswerAsync(request));
        control.Log.Add(request, message.RawQuery ?? "", response?.Status);
        if (response is null)
        {
            // The connection is closed already; WireMock writes this to nobody.
            return EmulatorResponse.NoContent().ToWireMock(request.RequestId);
        }

        if (response.Status is >= 200 and < 300 && request.Method != "GET" && !IsImsPath(request.Path))
        {
            control.Persist();
        }

        return response.ToWireMock(request.RequestId);
    }

    /// <summary>The answer to a request outside the control API; null when a fault dropped its connection.</summary>
    private async Task<EmulatorResponse?> AnswerAsync(EmulatorRequest request)
    {
        var path = request.Path;
        if (IsImsPath(path))
        {
            return request.Method == "POST" ? ims.Handle(request) : ImsTokenEndpoint.MethodNotAllowed(request);
        }

        if (ServiceBase(path) is not { } serviceBase)
        {
            return NoRoute(request);
        }

        var segments = Segments(path, serviceBase);
        var resource = Resource(segments);
        if (gateway.Refusal(request) is { } refusal)
        {
            return refusal;
        }

        if (control.Faults.TakeNext(request, resource) is { } fault)
        {
            if (fault.Drop && ConnectionDrop.AbortCurrent())
            {
                return null;
            }

            if (fault.Answer is not null)
            {
                return fault.Answer;
            }

            await Task.Delay(fault.Delay);
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

    private static bool IsImsPath(string path) => path.TrimEnd('/') == FlowServiceEmulator.ImsTokenPath;

    private static async Task<EmulatorResponse?> GuardedAsync(EmulatorRequest request, Func<Task<EmulatorResponse?>> answer)
    {
        try
        {
            return await answer();
        }
        catch (Exception exception)
        {
            // An emulator bug comes back as a 500 the test can read rather than WireMock's own page, naming only the
            // exception type: its message could quote a request body, and bodies hold secrets.
            var error = new FlowError(500, FlowCodes.InternalError, "Internal server error", "The emulator failed with " + exception.GetType().Name + ".");
            return ErrorBodies.Flow(error, request, ConnectionsEndpoint.Resource);
        }
    }

    private static string? ServiceBase(string path) =>
        Array.Find(ServiceBases, candidate => path == candidate || path.StartsWith(candidate + "/", StringComparison.Ordinal));

    private static string[] Segments(string path, string serviceBase)
    {
        // One trailing slash is allowed on every route, since Adobe's spec writes PATCH and DELETE that way.
        var relative = path[serviceBase.Length..];
        if (relative.EndsWith('/'))
        {
            relative = relative[..^1];
        }

        return relative.Length == 0 ? [] : relative[1..].Split('/');
    }

    // Errors before the route is known name the collection the path points at, or connections for the bare base.
    private static string Resource(string[] segments) => segments.Length > 0 && segments[0].Length > 0 ? segments[0] : ConnectionsEndpoint.Resource;

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
