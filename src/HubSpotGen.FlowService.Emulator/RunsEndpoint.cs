using System.Globalization;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// <c>/runs</c>: the runs flows' schedules started (see <see cref="RunScheduler"/>), listed with the list
/// routes' filters (<c>property=flowId==…</c>), read by id, and started ad hoc with <c>POST /runs</c> for a
/// flow scheduled <c>once</c>.
/// </summary>
internal sealed class RunsEndpoint(SandboxStore store, RunScheduler scheduler)
{
    public const string Resource = "runs";

    public EmulatorResponse List(EmulatorRequest request, string sandboxName)
    {
        var (query, error) = ListQuery.Parse(request, sandboxName, ListShape.Runs);
        if (error is not null)
        {
            return Refuse(request, error);
        }

        return store.Use(sandboxName, sandbox =>
        {
            var now = store.Clock.GetUtcNow();
            return EntityList.Page(query!, request, EntityList.Of(sandbox.Runs.InCreationOrder(), run => RunDocuments.Render(run, now)));
        });
    }

    /// <summary><c>GET /flows/{id}/runs</c>, the link a flow carries in <c>runs</c>: the same list, of one flow's runs.</summary>
    public EmulatorResponse ListOfFlow(EmulatorRequest request, string sandboxName, string flowId)
    {
        var (query, error) = ListQuery.Parse(request, sandboxName, ListShape.Runs with { Route = "/flows/" + flowId + "/runs" });
        if (error is not null)
        {
            return Refuse(request, error);
        }

        return store.Use(sandboxName, sandbox =>
        {
            if (sandbox.Flows.Find(flowId) is not { } flow)
            {
                return ErrorBodies.Flow(FlowError.NotFound(FlowsEndpoint.Resource, flowId), request, FlowsEndpoint.Resource, flowId);
            }

            var now = store.Clock.GetUtcNow();
            var runs = sandbox.Runs.InCreationOrder().Where(run => run.FlowId == flow.Id);
            return EntityList.Page(query!, request, EntityList.Of(runs, run => RunDocuments.Render(run, now)));
        });
    }

    public EmulatorResponse Get(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox => sandbox.Runs.Find(id) is { } run
            ? EmulatorResponse.Json(200, new JObject { ["items"] = new JArray(RunDocuments.Render(run, store.Clock.GetUtcNow())) })
            : Refuse(request, FlowError.NotFound(Resource, id), id));

    /// <summary>
    /// An ad hoc run: <c>{flowId, params {windowStartTime, windowEndTime, deltaColumn {name}}}</c>, answered with
    /// 201 and the run itself, as the ad hoc run guide shows it. The flow must
    /// be enabled and scheduled <c>once</c>; the window is epoch seconds, start before end; a delta column, when
    /// given, must be the flow's own, since the flow's Copy transformation is what decides it.
    /// </summary>
    public EmulatorResponse Create(EmulatorRequest request, string sandboxName)
    {
        var (body, refusal) = RequestBodies.ReadObject(request, Resource);
        if (refusal is not null)
        {
            return refusal;
        }

        return store.Use(sandboxName, sandbox =>
        {
            if (RequestBodies.Text(body!["flowId"]) is not { } flowId)
            {
                return Refuse(request, Fail("flowId is required: the id of a flow scheduled once."));
            }

            if (sandbox.Flows.Find(flowId) is not { } flow)
            {
                return Refuse(request, FlowError.UnknownReference("flowId", FlowsEndpoint.Resource, flowId));
            }

            if (AdHocProblem(body, flow) is { } problem)
            {
                return Refuse(request, problem, flow.Id);
            }

            var now = store.Clock.GetUtcNow();
            var run = scheduler.Start(sandbox, flow, now, (JObject)body["params"]!);
            return EmulatorResponse.Json(201, RunDocuments.Render(run, now));
        });
    }

    private static FlowError? AdHocProblem(JObject body, StoredFlow flow)
    {
        if ((string?)flow.Document["scheduleParams"]?["frequency"] != FlowSchedule.Once)
        {
            return Fail($"The flow [{flow.Id}] is not scheduled once; ad hoc runs are for flows scheduled once.");
        }

        if ((string?)flow.Document["state"] != "enabled")
        {
            return Fail($"The flow [{flow.Id}] is disabled; enable it first.");
        }

        if (body["params"] is not JObject parameters)
        {
            return Fail("params is required: windowStartTime and windowEndTime in epoch seconds.");
        }

        var start = EpochSeconds(parameters["windowStartTime"]);
        var end = EpochSeconds(parameters["windowEndTime"]);
        if (start is null || end is null)
        {
            return Fail("params.windowStartTime and params.windowEndTime are required, in epoch seconds.");
        }

        if (start >= end)
        {
            return Fail("params.windowStartTime must be before params.windowEndTime.");
        }

        if (parameters["deltaColumn"] is null)
        {
            return null;
        }

        var sent = RequestBodies.Text(RequestBodies.At(parameters, "deltaColumn", "name"));
        var own = (string?)flow.Document["transformations"]!.FirstOrDefault(item => (string?)item["name"] == "Copy")?["params"]?["deltaColumn"]?["name"];
        return sent == own ? null : Fail($"params.deltaColumn.name must be the flow's own delta column, [{own}]; change it on the flow's Copy transformation.");
    }

    // The window is taken as a number or as a string of digits: Adobe's ad hoc run guide sends it as strings,
    // and unlike the schedule's startTime no rule is stated for it.
    private static long? EpochSeconds(JToken? token) => token?.Type switch
    {
        JTokenType.Integer => (long)token,
        JTokenType.String when long.TryParse((string?)token, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) => seconds,
        _ => null,
    };

    private static FlowError Fail(string message) => FlowError.BadRequest(FlowCodes.BadRequest, message);

    private static EmulatorResponse Refuse(EmulatorRequest request, FlowError error, string? entityId = null) =>
        ErrorBodies.Flow(error, request, Resource, entityId);
}
