using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// Starts the runs a flow's schedule owes, lazily: before any request of a sandbox is answered, every enabled
/// flow whose next run is due gets it, with the start time the schedule gave it. A flow's first run is due at
/// its <c>startTime</c>, or at once when that is past; a recurring flow then runs at every
/// <c>startTime + k × interval</c>. Slots that pass while a flow is disabled are skipped, not made up.
/// </summary>
internal sealed class RunScheduler(TimeSpan runDuration)
{
    /// <summary>More than this many runs owed at once (a test clock leaping years) start only the last ones.</summary>
    private const int MaxRunsPerCatchUp = 1000;

    public void CatchUp(SandboxStore.Sandbox sandbox, DateTimeOffset now)
    {
        foreach (var flow in sandbox.Flows.InCreationOrder())
        {
            if ((string?)flow.Document["state"] != "enabled" || flow.NextRunAt is not { } due || due > now)
            {
                continue;
            }

            var schedule = Schedule(flow);
            var started = 0;
            while (flow.NextRunAt is { } next && next <= now)
            {
                if (++started > MaxRunsPerCatchUp)
                {
                    flow.NextRunAt = schedule.SlotAfter(now);
                    break;
                }

                Start(sandbox, flow, next, null);
                flow.LastRunAt = next;
                flow.ScheduledRuns++;
                flow.NextRunAt = schedule.SlotAfter(next);
            }
        }
    }

    /// <summary>
    /// Where the schedule stands after the flow was created, enabled or had its schedule changed at
    /// <paramref name="now"/>: the next slot after the last run, never one that already passed.
    /// </summary>
    public static DateTimeOffset? NextRun(FlowSchedule schedule, StoredFlow flow, DateTimeOffset now)
    {
        if (schedule.IsOnce)
        {
            return flow.ScheduledRuns > 0 ? null : schedule.Start > now ? schedule.Start : now;
        }

        if (flow.LastRunAt is null && schedule.Start <= now)
        {
            // A first run whose time has passed starts at once; the later ones keep to the slots.
            return now;
        }

        var after = flow.LastRunAt is { } last && last > now ? last : now - TimeSpan.FromTicks(1);
        return schedule.SlotAfter(after);
    }

    /// <summary>Starts a run of <paramref name="flow"/> at <paramref name="startedAt"/>; <paramref name="adHocParams"/> for one asked for by <c>POST /runs</c>.</summary>
    public StoredRun Start(SandboxStore.Sandbox sandbox, StoredFlow flow, DateTimeOffset startedAt, JObject? adHocParams)
    {
        var flowDocument = flow.Document;
        var millis = startedAt.ToUnixTimeMilliseconds();
        var document = new JObject
        {
            ["id"] = Guid.NewGuid().ToString("D"),
            ["createdAt"] = millis,
            ["updatedAt"] = millis,
            ["createdBy"] = flowDocument["createdBy"]!.DeepClone(),
            ["updatedBy"] = flowDocument["createdBy"]!.DeepClone(),
            ["createdClient"] = flowDocument["createdClient"]!.DeepClone(),
            ["updatedClient"] = flowDocument["createdClient"]!.DeepClone(),
            ["sandboxId"] = sandbox.Id,
            ["sandboxName"] = sandbox.Name,
            ["imsOrgId"] = flowDocument["imsOrgId"]!.DeepClone(),
            ["flowId"] = flow.Id,
            ["flowSpec"] = flowDocument["flowSpec"]!.DeepClone(),
            ["etag"] = Etags.New(startedAt),
        };
        if (adHocParams is not null)
        {
            document["params"] = adHocParams.DeepClone();
        }

        // The sample tables never change, so after a flow's first scheduled run an incremental one finds
        // nothing new; an ad hoc run reads its whole window, which holds every sample row.
        var table = TablePath(sandbox, flow);
        var records = adHocParams is not null || flow.ScheduledRuns == 0 ? HubSpotCatalog.RowCount(table) : 0;
        return sandbox.Runs.Add(new StoredRun(document, startedAt, startedAt + runDuration, records));
    }

    public static FlowSchedule Schedule(StoredFlow flow) => FlowSchedule.Parse(flow.Document["scheduleParams"]).Schedule!;

    private static string TablePath(SandboxStore.Sandbox sandbox, StoredFlow flow)
    {
        var sourceId = (string?)flow.Document["sourceConnectionIds"]?.FirstOrDefault();
        return sourceId is not null && sandbox.SourceConnections.Find(sourceId) is { } source ? (string?)source.Document["params"]?["path"] ?? "" : "";
    }
}
