using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>A Flow Service refusal before it is rendered: HTTP status, the number in <c>FLOW-&lt;code&gt;-&lt;status&gt;</c>, title and message.</summary>
/// <remarks>Messages name fields, keys and ids, never a value that could be a credential.</remarks>
internal sealed record FlowError(int Status, int Code, string Title, string Message)
{
    public static FlowError BadRequest(int code, string message) => new(400, code, "Bad request", message);

    public static FlowError NotFound(string resource, string id) =>
        new(404, FlowCodes.NotFound, "Resource not found", $"{resource} not found with id = [{id}]");

    /// <summary>An If-Match that names another version; the text is the one the service's examples show.</summary>
    public static FlowError VersionMismatch(string supplied, string current) =>
        new(412, FlowCodes.VersionMismatch, "Version not matching", $"Supplied version=[{supplied}] does not match the current version on entity=[{current}]");

    /// <summary>A connection that flows still use cannot be deleted; the message names them, so the caller knows what to delete first.</summary>
    public static FlowError UsedByFlows(string resource, string id, IEnumerable<string> flowIds) =>
        new(400, FlowCodes.UsedByFlows, "Invalid request", $"The {resource} entity [{id}] is used by the flows [{string.Join(", ", flowIds)}] and cannot be deleted; delete the flows first.");

    /// <summary>A body that names an entity the sandbox does not hold: the request is at fault, not the route, so 400.</summary>
    public static FlowError UnknownReference(string field, string resource, string id) =>
        BadRequest(FlowCodes.BadRequest, $"{field}: {resource} not found with id = [{id}]");
}

/// <summary>
/// The <c>FLOW-xxxx</c> numbers the emulator uses. Those the reference facts list keep their documented
/// meaning; <see cref="BadRequest"/> and the split of the documented 1449–1454 filter range are the emulator's
/// own choice (see the README).
/// </summary>
internal static class FlowCodes
{
    public const int NotFound = 1101;
    public const int InternalError = 1102;
    public const int Unavailable = 1103;
    public const int GatewayTimeout = 1104;

    /// <summary>Emulator's choice: a request that fails validation where no specific code is documented.</summary>
    public const int BadRequest = 1400;

    public const int LimitWithCount = 1401;
    public const int IfMatchMissing = 1403;
    public const int VersionMismatch = 1404;
    public const int EmptyBody = 1405;
    public const int InvalidSpecId = 1413;
    public const int ConnectionSpecChange = 1414;
    public const int AuthSpecNotFound = 1415;
    public const int UsedByFlows = 1418;
    public const int BadOrderBy = 1432;
    public const int UnknownOrderByField = 1433;
    public const int PatchOpNotAllowed = 1434;
    public const int OperatorNotImplemented = 1440;
    public const int MultipleValuesNotAllowed = 1443;
    public const int RangeOnId = 1448;
    public const int BadFilterField = 1449;
    public const int BadFilterOperator = 1450;
    public const int UnknownQueryParameter = 1451;
    public const int BadTimeFilterValue = 1452;
    public const int EmptyFilterValue = 1453;
    public const int UnknownPatchField = 1455;
    public const int SandboxNameMissing = 2105;
}

/// <summary>The three error body styles the real service answers with: gateway, Flow Service and content type.</summary>
internal static class ErrorBodies
{
    /// <summary>The gateway's <c>{error_code, message}</c>; the code is a string, as the platform guide shows it.</summary>
    public static EmulatorResponse Gateway(int status, string code, string message) =>
        EmulatorResponse.Json(status, new JObject { ["error_code"] = code, ["message"] = message });

    /// <summary>The Flow Service body: problem-style type/title/status, a report, and the message repeated in errorMessage and errorDetails.</summary>
    public static EmulatorResponse Flow(FlowError error, EmulatorRequest request, string resource, string? entityId = null)
    {
        var report = new JObject { ["detailed-message"] = error.Message };
        if (entityId is not null)
        {
            report["id"] = entityId;
        }

        report["request-id"] = request.RequestId;
        report["type"] = resource;
        var body = new JObject
        {
            ["type"] = $"https://ns.adobe.com/aep/errors/FLOW-{error.Code}-{error.Status}",
            ["title"] = error.Title,
            ["status"] = error.Status,
            ["report"] = report,
            ["errorMessage"] = error.Message,
            ["errorDetails"] = error.Message,
        };
        return EmulatorResponse.Json(error.Status, body);
    }

    /// <summary>The platform's answer to a body sent without a JSON content type; its odd placeholder type is what the guide shows.</summary>
    public static EmulatorResponse ContentType() =>
        EmulatorResponse.Json(400, new JObject
        {
            ["type"] = "/placeholder/type/uri",
            ["status"] = 400,
            ["title"] = "BadRequestError",
            ["detail"] = "A valid content-type must be specified",
        });

    /// <summary>
    /// Catalog's and Data Prep's refusals. Their codes are not part of the facts the emulator works from, so
    /// the body is problem-style without a FLOW code: a client that reads FLOW codes must not mistake it for one.
    /// </summary>
    public static EmulatorResponse Problem(int status, string title, string detail, EmulatorRequest request) =>
        EmulatorResponse.Json(status, new JObject
        {
            ["type"] = "about:blank",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["request-id"] = request.RequestId,
        });

    /// <summary>The IMS style, <c>{error, error_description}</c>.</summary>
    public static EmulatorResponse Ims(int status, string error, string description) =>
        EmulatorResponse.Json(status, new JObject { ["error"] = error, ["error_description"] = description });

    /// <summary>True for <c>application/json</c>, with or without parameters, and any <c>+json</c> type such as <c>application/json-patch+json</c>.</summary>
    public static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
