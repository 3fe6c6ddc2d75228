using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// <c>/flows</c>: dataflows of the CRMToAEP flow spec, from a HubSpot source connection to a dataset's target
/// connection. Create, read, list and delete here; PATCH and the enable/disable action in the other parts.
/// </summary>
internal sealed partial class FlowsEndpoint(SandboxStore store)
{
    public const string Resource = "flows";

    public EmulatorResponse Create(EmulatorRequest request, string sandboxName)
    {
        var (body, refusal) = RequestBodies.ReadObject(request, Resource);
        if (refusal is not null)
        {
            return refusal;
        }

        return store.Use(sandboxName, sandbox =>
        {
            if (HeadProblem(body!) is { } headError)
            {
                return Refuse(request, headError);
            }

            var (schedule, error) = FlowRules.Check(body!, sandbox);
            if (error is not null)
            {
                return Refuse(request, error);
            }

            var now = store.Clock.GetUtcNow();
            var document = NewFlow(body!, request, sandbox, now);
            var flow = new StoredFlow(document, null);
            flow.NextRunAt = RunScheduler.NextRun(schedule!, flow, now);
            sandbox.Flows.Add(flow);
            return EmulatorResponse.Json(201, EntityDocuments.Reference(flow))
                .WithHeader("Location", FlowServiceEmulator.ServiceBasePath + "/flows/" + flow.Id);
        });
    }

    public EmulatorResponse Get(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox => sandbox.Flows.Find(id) is { } flow
            ? EmulatorResponse.Json(200, new JObject { ["items"] = new JArray(Answer(flow, sandbox)) })
            : NotFound(request, id));

    public EmulatorResponse List(EmulatorRequest request, string sandboxName)
    {
        var (query, error) = ListQuery.Parse(request, sandboxName, ListShape.Flows);
        return error is not null
            ? Refuse(request, error)
            : store.Use(sandboxName, sandbox => EntityList.Page(query!, request, EntityList.Of(sandbox.Flows.InCreationOrder(), flow => Answer(flow, sandbox))));
    }

    /// <summary>The flow as read and listed: the stored document plus <c>lastRunDetails</c> once a run has started.</summary>
    private JObject Answer(StoredFlow flow, SandboxStore.Sandbox sandbox)
    {
        var answer = (JObject)flow.Document.DeepClone();
        var last = sandbox.Runs.InCreationOrder().LastOrDefault(run => run.FlowId == flow.Id);
        if (last is not null)
        {
            var done = store.Clock.GetUtcNow() >= last.CompletesAt;
            var details = new JObject
            {
                ["id"] = last.Id,
                ["state"] = done ? "success" : "inProgress",
                ["startedAtUTC"] = last.StartedAt.ToUnixTimeMilliseconds(),
            };
            if (done)
            {
                details["completedAtUTC"] = last.CompletesAt.ToUnixTimeMilliseconds();
            }

            answer["lastRunDetails"] = details;
        }

        return answer;
    }

    /// <summary>Deletes the flow and its runs; its connections stay, and can be deleted now.</summary>
    public EmulatorResponse Delete(EmulatorRequest request, string sandboxName, string id) =>
        store.Use(sandboxName, sandbox =>
        {
            if (sandbox.Flows.Find(id) is not { } flow)
            {
                return NotFound(request, id);
            }

            foreach (var run in sandbox.Runs.InCreationOrder().Where(run => run.FlowId == flow.Id))
            {
                sandbox.Runs.Remove(run.Id);
            }

            sandbox.Flows.Remove(flow.Id);
            return EmulatorResponse.NoContent();
        });

    private static FlowError? HeadProblem(JObject body)
    {
        if (RequestBodies.Text(body["name"]) is null)
        {
            return FlowError.BadRequest(FlowCodes.BadRequest, "name is required and must be a non-empty string.");
        }

        return RequestBodies.OptionalText(body["description"], "description")
            ?? RequestBodies.SpecProblem(body["flowSpec"], "flowSpec", FlowSpecCatalog.IsFlowSpec, FlowSpecCatalog.FlowSpecVersion, $"the {FlowSpecCatalog.FlowSpecName} flow spec {FlowSpecCatalog.FlowSpecId}");
    }

    /// <summary>The stored flow: the body's parts, normalized ids, and what the service adds (state, inherited attributes, runs link).</summary>
    private static JObject NewFlow(JObject body, EmulatorRequest request, SandboxStore.Sandbox sandbox, DateTimeOffset now)
    {
        var source = sandbox.SourceConnections.Find((string)body["sourceConnectionIds"]![0]!)!;
        var target = sandbox.TargetConnections.Find((string)body["targetConnectionIds"]![0]!)!;
        var baseConnection = sandbox.Connections.Find((string)source.Document["baseConnectionId"]!);
        var document = EntityDocuments.New(request, sandbox, now);
        document["name"] = body["name"]!.DeepClone();
        if (body["description"] is { Type: JTokenType.String } description)
        {
            document["description"] = description.DeepClone();
        }

        document["flowSpec"] = new JObject { ["id"] = FlowSpecCatalog.FlowSpecId, ["version"] = FlowSpecCatalog.FlowSpecVersion };
        document["state"] = "enabled";
        document["sourceConnectionIds"] = new JArray(source.Id);
        document["targetConnectionIds"] = new JArray(target.Id);
        var inheritedSource = new JObject { ["id"] = source.Id, ["connectionSpec"] = source.Document["connectionSpec"]!.DeepClone() };
        if (baseConnection is not null)
        {
            inheritedSource["baseConnection"] = new JObject { ["id"] = baseConnection.Id, ["connectionSpec"] = baseConnection.Document["connectionSpec"]!.DeepClone() };
        }

        document["inheritedAttributes"] = new JObject
        {
            ["sourceConnections"] = new JArray(inheritedSource),
            ["targetConnections"] = new JArray(new JObject { ["id"] = target.Id, ["connectionSpec"] = target.Document["connectionSpec"]!.DeepClone() }),
        };
        document["transformations"] = body["transformations"]!.DeepClone();
        document["scheduleParams"] = body["scheduleParams"]!.DeepClone();
        document["runs"] = "/flows/" + document["id"] + "/runs";
        document["lastOperation"] = new JObject { ["started"] = now.ToUnixTimeMilliseconds(), ["updated"] = now.ToUnixTimeMilliseconds(), ["operation"] = "create" };
        EntityDocuments.Stamp(document, now);
        return document;
    }

    private static EmulatorResponse Refuse(EmulatorRequest request, FlowError error, string? entityId = null) =>
        ErrorBodies.Flow(error, request, Resource, entityId);

    private static EmulatorResponse NotFound(EmulatorRequest request, string id) =>
        Refuse(request, FlowError.NotFound(Resource, id), id);
}
