using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

internal sealed partial class FlowsEndpoint
{
    /// <summary>
    /// <c>POST /flows/{id}/action?op=enable|disable</c>, in either case (the published spec spells the values in
    /// upper case, and no tutorial shows them). A disabled flow starts no runs; enabling it again resumes at the
    /// schedule's next slot, skipping those it missed. An If-Match, when sent, must be current.
    /// </summary>
    public EmulatorResponse Action(EmulatorRequest request, string sandboxName, string id)
    {
        var op = request.QueryValue("op")?.ToLowerInvariant();
        if (op is not ("enable" or "disable"))
        {
            return Refuse(request, FlowError.BadRequest(FlowCodes.BadRequest, "op must be enable or disable."), id);
        }

        return store.Use(sandboxName, sandbox =>
        {
            if (sandbox.Flows.Find(id) is not { } flow)
            {
                return NotFound(request, id);
            }

            if (IfMatchProblem(request, flow, required: false) is { } ifMatchError)
            {
                return Refuse(request, ifMatchError, flow.Id);
            }

            var now = store.Clock.GetUtcNow();
            var state = op + "d";
            if ((string?)flow.Document["state"] != state)
            {
                var changed = (JObject)flow.Document.DeepClone();
                changed["state"] = state;
                EntityDocuments.Touch(changed, flow.Document, request, now);
                flow.Document = changed;
                if (op == "enable")
                {
                    flow.NextRunAt = RunScheduler.NextRun(RunScheduler.Schedule(flow), flow, now);
                }
            }

            return EmulatorResponse.Json(200, EntityDocuments.Reference(flow));
        });
    }
}
