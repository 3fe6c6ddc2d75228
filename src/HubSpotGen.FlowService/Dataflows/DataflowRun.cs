using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService;

/// <summary>One run of a dataflow, read leniently: a young run has few metrics, and what is missing is null.</summary>
/// <param name="Id">The run's id.</param>
/// <param name="FlowId">The dataflow it belongs to.</param>
/// <param name="Status">Its status as the service spells it, such as <c>inProgress</c>, <c>success</c> or <c>failed</c>.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="Duration">How long it took; null until it completed.</param>
/// <param name="RecordsRead">Records read from the source.</param>
/// <param name="RecordsWritten">Records written to the dataset.</param>
/// <param name="RecordsFailed">Records that could not be written.</param>
/// <param name="Errors">What went wrong, each as <c>code: message</c> (or whichever of the two the service gave).</param>
public sealed record DataflowRun(
    Guid Id,
    Guid FlowId,
    string? Status,
    DateTimeOffset? StartedAt,
    TimeSpan? Duration,
    long? RecordsRead,
    long? RecordsWritten,
    long? RecordsFailed,
    IReadOnlyList<string> Errors)
{
    /// <summary>The statuses after which a run changes no more, compared without regard to case.</summary>
    public static IReadOnlyList<string> FinalStatuses { get; } = ["success", "failed", "partialSuccess", "cancelled", "canceled"];

    /// <summary>When it completed; null while it goes on.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the service recorded it; orders runs when they have not started yet.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>True when <see cref="Status"/> is one of <see cref="FinalStatuses"/>.</summary>
    public bool IsFinal => Status is { } status && FinalStatuses.Contains(status, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the generated client's run.</summary>
    internal static DataflowRun From(Run run)
    {
        var metrics = run.Metrics;
        var started = EpochMilliseconds.ToTime(metrics?.DurationSummary?.StartedAtUTC);
        var completed = EpochMilliseconds.ToTime(metrics?.DurationSummary?.CompletedAtUTC);
        var errors = new List<string>();
        foreach (var error in metrics?.StatusSummary?.Errors ?? [])
        {
            var text = (error?.Code, error?.Message) switch
            {
                ({ Length: > 0 } code, { Length: > 0 } message) => code + ": " + message,
                ({ Length: > 0 } code, _) => code,
                (_, { Length: > 0 } message) => message,
                _ => null,
            };
            if (text is not null)
            {
                errors.Add(text);
            }
        }

        return new DataflowRun(
            run.Id ?? Guid.Empty,
            run.FlowId ?? Guid.Empty,
            metrics?.StatusSummary?.Status,
            started,
            started is { } start && completed is { } end && end >= start ? end - start : null,
            metrics?.RecordSummary?.InputRecordCount,
            metrics?.RecordSummary?.OutputRecordCount,
            metrics?.RecordSummary?.FailedRecordCount,
            errors)
        {
            CompletedAt = completed,
            CreatedAt = EpochMilliseconds.ToTime(run.CreatedAt),
        };
    }
}
