using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// A run as <c>GET /runs</c> answers it at a given time: <c>inProgress</c> until its delay has passed, then
/// <c>success</c> with the records it read and wrote. The metrics keep the documented shape; byte and file
/// counts are the emulator's sample (512 bytes a record, one output file when anything was written).
/// </summary>
internal static class RunDocuments
{
    private const int BytesPerRecord = 512;

    public static JObject Render(StoredRun run, DateTimeOffset now)
    {
        var done = now >= run.CompletesAt;
        var document = (JObject)run.Document.DeepClone();
        if (done)
        {
            document["updatedAt"] = run.CompletesAt.ToUnixTimeMilliseconds();
        }

        var summaries = Summaries(run, done);
        document["metrics"] = summaries.DeepClone();
        var activity = (JObject)summaries.DeepClone();
        activity.AddFirst(new JProperty("name", "Copy"));
        activity.AddFirst(new JProperty("id", ActivityId(run)));
        activity["updatedAtUTC"] = (done ? run.CompletesAt : run.StartedAt).ToUnixTimeMilliseconds();
        document["activities"] = new JArray(activity);
        return document;
    }

    private static JObject Summaries(StoredRun run, bool done)
    {
        var records = done ? run.Records : 0;
        var duration = new JObject { ["startedAtUTC"] = run.StartedAt.ToUnixTimeMilliseconds() };
        if (done)
        {
            duration["completedAtUTC"] = run.CompletesAt.ToUnixTimeMilliseconds();
        }

        return new JObject
        {
            ["durationSummary"] = duration,
            ["sizeSummary"] = new JObject { ["inputBytes"] = (long)records * BytesPerRecord, ["outputBytes"] = (long)records * BytesPerRecord },
            ["recordSummary"] = new JObject { ["inputRecordCount"] = records, ["outputRecordCount"] = records, ["failedRecordCount"] = 0 },
            ["fileSummary"] = new JObject { ["inputFileCount"] = 0, ["outputFileCount"] = records > 0 ? 1 : 0 },
            ["statusSummary"] = new JObject { ["status"] = done ? "success" : "inProgress", ["errors"] = new JArray() },
        };
    }

    // Stable per run, so two reads of a run name its activity alike.
    private static string ActivityId(StoredRun run) => "activity-" + run.Id;
}
