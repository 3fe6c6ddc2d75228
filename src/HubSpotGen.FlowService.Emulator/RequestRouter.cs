using Newtonsoft.Json.Linq;
using WireMock;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// Every request the server receives: IMS token requests go to <see cref="ImsTokenEndpoint"/>; service requests
/// pass the gateway, then any injected fault, then the sandbox check, then reach their endpoint.
/// </summary>
internal sealed class RequestRouter(
    GatewayCheck gateway,
    FaultInjection faults,
    ConnectionsEndpoint connections,
    ImsTokenEndpoint ims)
{
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

        if (path != FlowServiceEmulator.ServiceBasePath && !path.StartsWith(FlowServiceEmulator.ServiceBasePath + "/", StringComparison.Ordinal))
        {
            return NoRoute(request, ConnectionsEndpoint.Resource);
        }

        // One trailing slash is allowed on every route, since Adobe's spec writes PATCH and DELETE that way.
        var relative = path[FlowServiceEmulator.ServiceBasePath.Length..];
        if (relative.EndsWith('/'))
        {
            relative = relative[..^1];
        }

        var segments = relative.Length == 0 ? [] : relative[1..].Split('/');
        var resource = segments.Length > 0 && segments[0] == ConnectionSpecsEndpoint.Resource ? ConnectionSpecsEndpoint.Resource : ConnectionsEndpoint.Resource;

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

        return (request.Method, segments) switch
        {
            ("POST", ["connections"]) => connections.Create(request, sandboxName),
            ("GET", ["connections"]) => connections.List(request, sandboxName),
            ("GET", ["connections", var id]) when id.Length > 0 => connections.Get(request, sandboxName, id),
            ("PATCH", ["connections", var id]) when id.Length > 0 => connections.Patch(request, sandboxName, id),
            ("DELETE", ["connections", var id]) when id.Length > 0 => connections.Delete(request, sandboxName, id),
            ("GET", ["connections", var id, "explore"]) when id.Length > 0 => connections.Explore(request, sandboxName, id),
            ("GET", ["connectionSpecs", var id]) when id.Length > 0 => ConnectionSpecsEndpoint.Get(request, id),
            _ => NoRoute(request, resource),
        };
    }

    // Not Flow Service's "no such entity" (FLOW-xxxx-404): a wrong route says nothing about any connection, and
    // clients that read a 404 as "not there" must be able to tell the two apart.
    private static EmulatorResponse NoRoute(EmulatorRequest request, string resource) =>
        EmulatorResponse.Json(404, new JObject
        {
            ["status"] = 404,
            ["title"] = "Not Found",
            ["detail"] = $"The emulator has no route for {request.Method} {request.Path}.",
        });
}
