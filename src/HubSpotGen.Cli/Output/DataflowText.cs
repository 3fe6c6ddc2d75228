using System.Globalization;
using HubSpotGen.FlowService;

namespace HubSpotGen.Cli.Output;

/// <summary>How dataflows and their runs read in the human output of <c>get</c>, <c>list</c> and <c>runs</c>.</summary>
internal static class DataflowText
{
    /// <summary>
    /// One line per dataflow: id, state, etag (with its quotes, as <c>update --etag</c> wants it), schedule, then the
    /// name last because it may contain spaces.
    /// </summary>
    public static string Line(Dataflow flow) =>
        $"{flow.Id}  {flow.State ?? "-",-8}  {(flow.Etag.Length == 0 ? "-" : flow.Etag)}  {Schedule(flow.Schedule)}  {flow.Name}";

    /// <summary>Such as <c>once at 2026-12-01T09:30:00Z</c> or <c>every 15 minute(s) from 2026-12-01T09:30:00Z</c>.</summary>
    public static string Schedule(DataflowSchedule? schedule) => schedule switch
    {
        null => "no schedule",
        { Frequency: DataflowFrequency.Once } => "once at " + Time(schedule.StartTime),
        _ => string.Create(CultureInfo.InvariantCulture, $"every {schedule.Interval} {schedule.Frequency.ToString().ToLowerInvariant()}(s) from {Time(schedule.StartTime)}"),
    };

    /// <summary>
    /// One line per run: id, status, start, duration, then the record counts read, written and failed; what the
    /// run does not report yet is <c>-</c>. Its errors follow, when it has any.
    /// </summary>
    public static string Line(DataflowRun run)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{run.Id}  {run.Status ?? "-",-14}  started {(run.StartedAt is { } started ? Time(started) : "-")}  took {(run.Duration is { } duration ? Seconds(duration) + " s" : "-")}  read {Count(run.RecordsRead)}  written {Count(run.RecordsWritten)}  failed {Count(run.RecordsFailed)}");
        return run.Errors.Count == 0 ? line : line + "  errors: " + string.Join("; ", run.Errors);
    }

    /// <summary>A time in UTC, ISO 8601 with Z, to the second.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Seconds to the millisecond, with a point whatever the culture.</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Count(long? count) => count is { } value ? value.ToString(CultureInfo.InvariantCulture) : "-";
}
