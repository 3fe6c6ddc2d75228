using System.Globalization;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// <c>/__emulator/…</c>: the control API on the service's own port, for tests in any language. It passes no
/// gateway check and no fault, and is not logged: it steers the emulator and is not part of what it emulates.
/// </summary>
internal static class ControlEndpoint
{
    public const string BasePath = "/__emulator";

    /// <summary>The most requests one fault may cover, and the longest delay: enough for any test, not a way to wedge the emulator for good.</summary>
    private const int MaxCount = 1000;
    private const int MaxDelayMilliseconds = 300_000;
    private const int MaxRetryAfterSeconds = 3600;

    private const string FaultShapes =
        "send one of {\"status\": 503, \"count\": 2}, {\"throttle\": {\"count\": 1, \"retryAfterSeconds\": 1}}, {\"drop\": 1} or {\"delayMs\": 500, \"count\": 1}";

    public static bool Owns(string path) => path == BasePath || path.StartsWith(BasePath + "/", StringComparison.Ordinal);

    public static EmulatorResponse Handle(EmulatorRequest request, EmulatorControl control)
    {
        var route = request.Path[BasePath.Length..].TrimEnd('/');
        return (request.Method, route) switch
        {
            ("GET", "/requests") => EmulatorResponse.Json(200, control.Log.ToJson()),
            ("POST", "/reset") => Done(control.Reset),
            ("POST", "/faults") => AddFault(request, control.Faults),
            ("POST", "/ims/expire") => Done(control.ExpireImsTokens),
            ("GET", "/state") => EmulatorResponse.Json(200, control.State()),
            _ => Refuse(404, "Not Found", $"The control API has no route for {request.Method} {request.Path}; it serves GET {BasePath}/requests, POST {BasePath}/reset, POST {BasePath}/faults, POST {BasePath}/ims/expire and GET {BasePath}/state."),
        };
    }

    private static EmulatorResponse Done(Action action)
    {
        action();
        return EmulatorResponse.NoContent();
    }

    private static EmulatorResponse AddFault(EmulatorRequest request, FaultInjection faults)
    {
        if (JsonBody.IsEmpty(request.Body) || JsonBody.TryParse(request.Body) is not JObject body)
        {
            return BadFault("the body must be one JSON object");
        }

        var kinds = body.Properties().Select(property => property.Name).Where(name => name is "status" or "throttle" or "drop" or "delayMs").ToList();
        if (kinds.Count != 1)
        {
            return BadFault(kinds.Count == 0 ? "no fault named" : "one fault per request, not " + string.Join(" and ", kinds));
        }

        var kind = kinds[0];
        var allowed = kind is "status" or "delayMs" ? new[] { kind, "count" } : new[] { kind };
        if (body.Properties().FirstOrDefault(property => !allowed.Contains(property.Name)) is { } unknown)
        {
            return BadFault($"'{unknown.Name}' is not a field of a {kind} fault");
        }

        var problems = new List<string>();
        Action? add = kind switch
        {
            "status" => Add(problems, Integer(body, "status", 400, 599, null, problems), Integer(body, "count", 1, MaxCount, 1, problems), (status, count) => faults.Fail(count, status)),
            "drop" => Add(problems, Integer(body, "drop", 1, MaxCount, null, problems), 0, (count, _) => faults.Drop(count)),
            "delayMs" => Add(problems, Integer(body, "delayMs", 1, MaxDelayMilliseconds, null, problems), Integer(body, "count", 1, MaxCount, 1, problems), (delay, count) => faults.Delay(count, TimeSpan.FromMilliseconds(delay))),
            _ => Throttle(body["throttle"], faults, problems),
        };
        if (add is null)
        {
            return BadFault(string.Join("; ", problems));
        }

        add();
        return EmulatorResponse.NoContent();
    }

    private static Action? Throttle(JToken? token, FaultInjection faults, List<string> problems)
    {
        if (token is not JObject throttle)
        {
            problems.Add("throttle must be an object such as {\"count\": 1, \"retryAfterSeconds\": 1}");
            return null;
        }

        if (throttle.Properties().FirstOrDefault(property => property.Name is not ("count" or "retryAfterSeconds")) is { } unknown)
        {
            problems.Add($"'throttle.{unknown.Name}' is not a field of a throttle fault; it takes count and retryAfterSeconds");
            return null;
        }

        return Add(
            problems,
            Integer(throttle, "count", 1, MaxCount, 1, problems, "throttle."),
            Integer(throttle, "retryAfterSeconds", 0, MaxRetryAfterSeconds, 1, problems, "throttle."),
            (count, retryAfter) => faults.Throttle(count, TimeSpan.FromSeconds(retryAfter)));
    }

    /// <summary>The fault to add once every field was read, or null when a field was wrong: nothing is added then.</summary>
    private static Action? Add(List<string> problems, int first, int second, Action<int, int> add) =>
        problems.Count == 0 ? () => add(first, second) : null;

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>, <paramref name="fallback"/> when absent; otherwise the problem is added and 0 returned.</summary>
    private static int Integer(JObject body, string name, int min, int max, int? fallback, List<string> problems, string prefix = "")
    {
        var token = body[name];
        if (token is null && fallback is { } value)
        {
            return value;
        }

        if (token is JValue { Type: JTokenType.Integer } number && (long)number >= min && (long)number <= max)
        {
            return (int)number;
        }

        problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}{name} must be a whole number from {min} to {max}"));
        return 0;
    }

    private static EmulatorResponse BadFault(string problem) => Refuse(400, "Bad Request", "Not a fault: " + problem + "; " + FaultShapes + ".");

    private static EmulatorResponse Refuse(int status, string title, string detail) =>
        EmulatorResponse.Json(status, new JObject { ["status"] = status, ["title"] = title, ["detail"] = detail });
}
