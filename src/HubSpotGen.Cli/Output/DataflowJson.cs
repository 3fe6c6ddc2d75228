using System.Globalization;
using HubSpotGen.FlowService;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Cli.Output;

/// <summary>
/// The <c>--json</c> documents of dataflows and runs: camelCase members in a fixed order, every member present (null
/// when the service did not say), times as ISO 8601 UTC text, durations in seconds. Built member by member rather
/// than serialized from the records, so that renaming a C# property cannot change what scripts read.
/// </summary>
internal static class DataflowJson
{
    public static JObject Of(Dataflow flow) => new()
    {
        ["id"] = Id(flow.Id),
        ["name"] = Text(flow.Name),
        ["description"] = flow.Description,
        ["state"] = flow.State,
        ["etag"] = Text(flow.Etag),
        ["flowSpecId"] = Id(flow.FlowSpecId),
        ["sourceConnectionIds"] = new JArray(flow.SourceConnectionIds.Select(id => id.ToString())),
        ["targetConnectionIds"] = new JArray(flow.TargetConnectionIds.Select(id => id.ToString())),
        ["schedule"] = flow.Schedule is { } schedule
            ? new JObject
            {
                ["frequency"] = schedule.Frequency.ToString().ToLowerInvariant(),
                ["interval"] = schedule.Interval,
                ["startTime"] = Time(schedule.StartTime),
                ["backfill"] = schedule.Backfill,
            }
            : JValue.CreateNull(),
        ["deltaColumn"] = flow.DeltaColumn,
        ["mappingId"] = flow.MappingId,
        ["mappingVersion"] = flow.MappingVersion,
        ["createdAt"] = Time(flow.CreatedAt),
        ["updatedAt"] = Time(flow.UpdatedAt),
    };

    public static JObject Of(DataflowRun run) => new()
    {
        ["id"] = Id(run.Id),
        ["flowId"] = Id(run.FlowId),
        ["status"] = run.Status,
        ["startedAt"] = Time(run.StartedAt),
        ["completedAt"] = Time(run.CompletedAt),
        ["durationSeconds"] = run.Duration is { } duration ? Math.Round(duration.TotalSeconds, 3) : null,
        ["recordsRead"] = run.RecordsRead,
        ["recordsWritten"] = run.RecordsWritten,
        ["recordsFailed"] = run.RecordsFailed,
        ["errors"] = new JArray(run.Errors),
    };

    /// <summary>Writes <paramref name="value"/> indented, nulls kept, followed by a newline; through <see cref="SecretRedaction"/> like every document.</summary>
    public static Task WriteAsync(TextWriter output, JToken value) => output.WriteLineAsync(SecretRedaction.Redact(value).ToString(Formatting.Indented));

    // The library reads a missing id as Guid.Empty and a missing name or etag as empty; here they are what they are: absent.
    private static string? Id(Guid id) => id == Guid.Empty ? null : id.ToString();

    private static string? Text(string value) => value.Length == 0 ? null : value;

    private static string? Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
