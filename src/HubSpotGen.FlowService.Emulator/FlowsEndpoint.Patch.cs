using System.Globalization;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

internal sealed partial class FlowsEndpoint
{
    /// <summary>
    /// Applies a JSON Patch under If-Match, in the order connections use: content type, flow exists, If-Match
    /// present and current (with or without its quotes), body, operations, then the whole flow is checked again
    /// by <see cref="FlowRules"/>. A refused patch changes nothing. A changed schedule moves the next run to the
    /// new schedule's next slot.
    /// </summary>
    public EmulatorResponse Patch(EmulatorRequest request, string sandboxName, string id)
    {
        if (!ErrorBodies.IsJsonContentType(request.Header("Content-Type")))
        {
            return ErrorBodies.ContentType();
        }

        return store.Use(sandboxName, sandbox =>
        {
            if (sandbox.Flows.Find(id) is not { } flow)
            {
                return NotFound(request, id);
            }

            if (IfMatchProblem(request, flow) is { } ifMatchError)
            {
                return Refuse(request, ifMatchError, flow.Id);
            }

            var (operations, parseError) = JsonPatch.Read(request.Body);
            if (parseError is not null)
            {
                return Refuse(request, parseError, flow.Id);
            }

            var now = store.Clock.GetUtcNow();
            var changed = (JObject)flow.Document.DeepClone();
            foreach (var operation in operations!)
            {
                if (ApplyOne(changed, operation, now) is { } applyError)
                {
                    return Refuse(request, applyError, flow.Id);
                }
            }

            var (schedule, error) = FlowRules.Check(changed, sandbox);
            if (error is not null)
            {
                return Refuse(request, error, flow.Id);
            }

            var scheduleChanged = !JToken.DeepEquals(changed["scheduleParams"], flow.Document["scheduleParams"]);
            EntityDocuments.Touch(changed, flow.Document, request, now);
            changed["lastOperation"] = new JObject { ["started"] = now.ToUnixTimeMilliseconds(), ["updated"] = now.ToUnixTimeMilliseconds(), ["operation"] = "update" };
            flow.Document = changed;
            if (scheduleChanged)
            {
                flow.NextRunAt = RunScheduler.NextRun(schedule!, flow, now);
            }

            return EmulatorResponse.Json(200, EntityDocuments.Reference(flow));
        });
    }

    /// <summary>If-Match is required on PATCH, and optional on the action; either way a stale one is refused.</summary>
    private static FlowError? IfMatchProblem(EmulatorRequest request, StoredFlow flow, bool required = true)
    {
        var ifMatch = request.Header("If-Match");
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return required ? FlowError.BadRequest(FlowCodes.IfMatchMissing, "The If-Match header is required; send the flow's current etag.") : null;
        }

        return Etags.Matches(ifMatch, flow.Etag) ? null : FlowError.VersionMismatch(ifMatch, flow.Etag);
    }

    /// <summary>
    /// The paths the update tutorial changes: name, description, the schedule's frequency, interval and
    /// backfill, a start time that has not passed yet, and a whole transformation by index. Source and target
    /// connections and the flow spec are not patchable: a flow with other connections is a new flow.
    /// </summary>
    private static FlowError? ApplyOne(JObject flow, PatchOperation operation, DateTimeOffset now)
    {
        var removing = operation.Op == "remove";
        switch (operation.Path)
        {
            case "/name":
                if (removing || RequestBodies.Text(operation.Value) is null)
                {
                    return FlowError.BadRequest(FlowCodes.BadRequest, "/name must be set to a non-empty string.");
                }

                flow["name"] = operation.Value!.DeepClone();
                return null;

            case "/description":
                if (removing)
                {
                    flow.Remove("description");
                    return null;
                }

                if (operation.Value is not JValue { Type: JTokenType.String })
                {
                    return FlowError.BadRequest(FlowCodes.BadRequest, "/description must be set to a string.");
                }

                flow["description"] = operation.Value.DeepClone();
                return null;

            case "/scheduleParams/startTime":
                // The update tutorial: a start time that has already occurred cannot change, enabled or not.
                var start = flow["scheduleParams"]!["startTime"]!;
                if (start.Type != JTokenType.Integer || DateTimeOffset.FromUnixTimeSeconds((long)start) <= now)
                {
                    return FlowError.BadRequest(FlowCodes.BadRequest, "scheduleParams.startTime has already occurred and cannot change.");
                }

                if (removing)
                {
                    return FlowError.BadRequest(FlowCodes.BadRequest, "scheduleParams.startTime cannot be removed.");
                }

                flow["scheduleParams"]!["startTime"] = operation.Value?.DeepClone();
                return null;

            case "/scheduleParams/frequency" or "/scheduleParams/interval" or "/scheduleParams/backfill":
                // The values are checked with the whole schedule afterwards, so frequency and interval can change together.
                var schedule = (JObject)flow["scheduleParams"]!;
                var key = operation.Path["/scheduleParams/".Length..];
                if (removing)
                {
                    schedule.Remove(key);
                }
                else
                {
                    schedule[key] = operation.Value?.DeepClone();
                }

                return null;

            default:
                if (operation.Path.StartsWith("/transformations/", StringComparison.Ordinal)
                    && int.TryParse(operation.Path["/transformations/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    var transformations = (JArray)flow["transformations"]!;
                    if (removing || index >= transformations.Count || operation.Value is not JObject transformation)
                    {
                        return FlowError.BadRequest(FlowCodes.BadRequest, $"{operation.Path} can only be replaced, with a transformation object, at an index the flow has (0 to {transformations.Count - 1}).");
                    }

                    // Adobe's update tutorial changes the mapping with a replace of /transformations/0 on a flow whose
                    // index 0 holds Copy; so a replacement takes the place of the transformation of its own name,
                    // wherever the flow holds it, and the index only counts when no transformation has that name.
                    var sameName = IndexOfName(transformations, RequestBodies.Text(transformation["name"]));
                    transformations[sameName >= 0 ? sameName : index] = transformation.DeepClone();
                    return null;
                }

                return FlowError.BadRequest(FlowCodes.UnknownPatchField, $"The path '{operation.Path}' cannot be patched; use /name, /description, /scheduleParams/startTime, /scheduleParams/frequency, /scheduleParams/interval, /scheduleParams/backfill or /transformations/<index>.");
        }
    }

    private static int IndexOfName(JArray transformations, string? name)
    {
        for (var position = 0; name is not null && position < transformations.Count; position++)
        {
            if (RequestBodies.Text(RequestBodies.At(transformations[position], "name")) == name)
            {
                return position;
            }
        }

        return -1;
    }
}
