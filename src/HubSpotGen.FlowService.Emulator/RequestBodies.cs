using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>The checks every create body passes first, in the service's order: JSON content type, a body, one JSON object.</summary>
internal static class RequestBodies
{
    /// <summary>The body as an object, or the refusal to answer with.</summary>
    public static (JObject? Body, EmulatorResponse? Refusal) ReadObject(EmulatorRequest request, string resource)
    {
        if (!ErrorBodies.IsJsonContentType(request.Header("Content-Type")))
        {
            return (null, ErrorBodies.ContentType());
        }

        if (JsonBody.IsEmpty(request.Body))
        {
            return (null, ErrorBodies.Flow(FlowError.BadRequest(FlowCodes.EmptyBody, "The request body is empty."), request, resource));
        }

        return JsonBody.TryParse(request.Body) is JObject body
            ? (body, null)
            : (null, ErrorBodies.Flow(FlowError.BadRequest(FlowCodes.BadRequest, "The request body must be one JSON object."), request, resource));
    }

    /// <summary>
    /// The value at <paramref name="path"/> below <paramref name="token"/>, or null when a step is missing or is not
    /// an object: a body may put a string where an object belongs, and Newtonsoft's indexers throw on that.
    /// </summary>
    public static JToken? At(JToken? token, params string[] path)
    {
        foreach (var step in path)
        {
            token = token is JObject container ? container[step] : null;
        }

        return token;
    }

    /// <summary>A required, non-blank string field, or null.</summary>
    public static string? Text(JToken? token) =>
        token is JValue { Type: JTokenType.String } value && !string.IsNullOrWhiteSpace((string?)value) ? (string)value! : null;

    /// <summary>Null when <paramref name="token"/> is absent, null or a string; otherwise the refusal naming <paramref name="field"/>.</summary>
    public static FlowError? OptionalText(JToken? token, string field) =>
        token is null || token.Type is JTokenType.String or JTokenType.Null ? null : FlowError.BadRequest(FlowCodes.BadRequest, $"{field} must be a string.");

    /// <summary>A <c>connectionSpec</c>/<c>flowSpec</c> reference: the id must be <paramref name="isKnown"/> and the version, when given, <paramref name="version"/>.</summary>
    public static FlowError? SpecProblem(JToken? spec, string field, Func<string, bool> isKnown, string version, string expected)
    {
        if (Text(At(spec, "id")) is not { } id || !isKnown(id))
        {
            return FlowError.BadRequest(FlowCodes.InvalidSpecId, $"Please provide a valid spec id: {field}.id must be {expected}.");
        }

        var sentVersion = At(spec, "version");
        return sentVersion is not null && sentVersion.Type != JTokenType.Null && (string?)sentVersion != version
            ? FlowError.BadRequest(FlowCodes.InvalidSpecId, $"{field}.version must be {version}.")
            : null;
    }
}
