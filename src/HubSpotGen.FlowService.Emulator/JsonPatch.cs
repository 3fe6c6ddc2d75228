using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>One JSON Patch (RFC 6902) operation as received.</summary>
internal sealed record PatchOperation(string Op, string Path, JToken? Value, bool HasValue);

/// <summary>
/// The JSON Patch subset Flow Service accepts on a base connection: <c>add</c>, <c>replace</c> and
/// <c>remove</c> of the name, the description, the whole auth params or one auth param.
/// </summary>
/// <remarks>
/// <c>add</c> and <c>replace</c> are treated alike, and <c>replace</c> of an absent description or param sets
/// it, where strict RFC 6902 would refuse: the service's behaviour is undocumented and its own examples
/// mix the two on the same fields.
/// </remarks>
internal static class JsonPatch
{
    /// <summary>The operations of a PATCH request's body, or the refusal of an empty, non-JSON or misshapen one.</summary>
    public static (List<PatchOperation>? Operations, FlowError? Error) Read(byte[] body)
    {
        if (JsonBody.IsEmpty(body))
        {
            return Fail(FlowCodes.EmptyBody, "The request body is empty.");
        }

        return JsonBody.TryParse(body) is { } json
            ? Parse(json)
            : Fail(FlowCodes.BadRequest, "The request body is not valid JSON.");
    }

    private static (List<PatchOperation>? Operations, FlowError? Error) Parse(JToken body)
    {
        if (body is not JArray array)
        {
            return Fail(FlowCodes.BadRequest, "The body must be a JSON Patch array of operations.");
        }

        if (array.Count == 0)
        {
            return Fail(FlowCodes.BadRequest, "The JSON Patch array has no operations.");
        }

        var operations = new List<PatchOperation>(array.Count);
        foreach (var item in array)
        {
            if (item is not JObject operation)
            {
                return Fail(FlowCodes.BadRequest, "Every JSON Patch operation must be an object with op and path.");
            }

            if (operation["op"] is not JValue { Type: JTokenType.String } opToken)
            {
                return Fail(FlowCodes.BadRequest, "Every JSON Patch operation needs an op.");
            }

            if ((string)opToken! is not ("add" or "replace" or "remove"))
            {
                return Fail(FlowCodes.PatchOpNotAllowed, "Every JSON Patch op must be add, replace or remove, in lower case.");
            }

            if (operation["path"] is not JValue { Type: JTokenType.String } pathToken)
            {
                return Fail(FlowCodes.BadRequest, "Every JSON Patch operation needs a path.");
            }

            var op = (string)opToken!;
            var hasValue = operation.ContainsKey("value");
            if (op != "remove" && !hasValue)
            {
                return Fail(FlowCodes.BadRequest, $"The {op} of '{(string)pathToken!}' needs a value.");
            }

            operations.Add(new PatchOperation(op, (string)pathToken!, operation["value"], hasValue));
        }

        return (operations, null);
    }

    /// <summary>Applies the operations to <paramref name="connection"/> in order; stops at the first that cannot apply.</summary>
    public static FlowError? Apply(JObject connection, IReadOnlyList<PatchOperation> operations)
    {
        foreach (var operation in operations)
        {
            if (ApplyOne(connection, operation) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static FlowError? ApplyOne(JObject connection, PatchOperation operation)
    {
        var segments = Segments(operation.Path);
        var removing = operation.Op == "remove";
        switch (segments)
        {
            case ["connectionSpec", ..]:
                return FlowError.BadRequest(FlowCodes.ConnectionSpecChange, "The connection spec of a connection cannot be changed.");

            case ["name"]:
                if (removing)
                {
                    return FlowError.BadRequest(FlowCodes.BadRequest, "The name of a connection cannot be removed.");
                }

                if (operation.Value is not JValue { Type: JTokenType.String } name || string.IsNullOrWhiteSpace((string?)name))
                {
                    return FlowError.BadRequest(FlowCodes.BadRequest, "/name must be set to a non-empty string.");
                }

                connection["name"] = name.DeepClone();
                return null;

            case ["description"]:
                if (removing)
                {
                    connection.Remove("description");
                    return null;
                }

                if (operation.Value is not JValue { Type: JTokenType.String } description)
                {
                    return FlowError.BadRequest(FlowCodes.BadRequest, "/description must be set to a string.");
                }

                connection["description"] = description.DeepClone();
                return null;

            case ["auth", "params"]:
                if (removing)
                {
                    return FlowError.BadRequest(FlowCodes.BadRequest, "The auth params of a connection cannot be removed.");
                }

                if (operation.Value is not JObject allParams)
                {
                    return FlowError.BadRequest(FlowCodes.BadRequest, "/auth/params must be set to a JSON object.");
                }

                connection["auth"]!["params"] = allParams.DeepClone();
                return null;

            case ["auth", "params", var key]:
                var stored = (JObject)connection["auth"]!["params"]!;
                if (removing)
                {
                    stored.Remove(key);
                    return null;
                }

                if (operation.Value is not JValue { Type: JTokenType.String } value)
                {
                    return FlowError.BadRequest(FlowCodes.BadRequest, $"/auth/params/{key} must be set to a string.");
                }

                stored[key] = value.DeepClone();
                return null;

            default:
                return FlowError.BadRequest(FlowCodes.UnknownPatchField, $"The path '{operation.Path}' cannot be patched; use /name, /description, /auth/params or /auth/params/<key>.");
        }
    }

    /// <summary>The JSON Pointer's reference tokens, unescaped (<c>~1</c> is <c>/</c>, <c>~0</c> is <c>~</c>); empty for a pointer not starting with <c>/</c>.</summary>
    private static string[] Segments(string pointer)
    {
        if (!pointer.StartsWith('/'))
        {
            return [];
        }

        return pointer[1..].Split('/').Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }

    private static (List<PatchOperation>?, FlowError?) Fail(int code, string message) => (null, FlowError.BadRequest(code, message));
}
