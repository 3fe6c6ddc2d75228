using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService;

/// <summary>A dataflow as Flow Service reports it, read leniently: what the answer leaves out is null or empty.</summary>
/// <param name="Id">The dataflow's id.</param>
/// <param name="Name">Its name; empty when the answer has none.</param>
/// <param name="Description">Its description, when it has one.</param>
/// <param name="Etag">Its etag, quotes included, for the next change; empty when the answer has none.</param>
/// <param name="State">Whether it runs, such as <c>enabled</c> or <c>disabled</c>, as the service spells it.</param>
/// <param name="FlowSpecId">The flow spec it follows; <see cref="Guid.Empty"/> when the answer has none.</param>
/// <param name="SourceConnectionIds">The source connections it reads.</param>
/// <param name="TargetConnectionIds">The target connections it writes.</param>
/// <param name="Schedule">When it runs; null when the answer has no schedule, or one of a frequency this library does not know.</param>
/// <param name="DeltaColumn">The delta column of its <c>Copy</c> transformation, when it has one.</param>
/// <param name="MappingId">The mapping set of its <c>Mapping</c> transformation, when it has one.</param>
/// <param name="MappingVersion">That mapping set's version.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record Dataflow(
    Guid Id,
    string Name,
    string? Description,
    string Etag,
    string? State,
    Guid FlowSpecId,
    IReadOnlyList<Guid> SourceConnectionIds,
    IReadOnlyList<Guid> TargetConnectionIds,
    DataflowSchedule? Schedule,
    string? DeltaColumn,
    string? MappingId,
    int? MappingVersion,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Reads the generated client's flow.</summary>
    internal static Dataflow From(Flow flow)
    {
        string? deltaColumn = null;
        string? mappingId = null;
        int? mappingVersion = null;
        foreach (var transformation in flow.Transformations ?? [])
        {
            if (transformation?.Params is not { } parameters)
            {
                continue;
            }

            if (string.Equals(transformation.Name, DataflowSpecs.CopyTransformation, StringComparison.OrdinalIgnoreCase))
            {
                deltaColumn ??= parameters.DeltaColumn?.Name;
            }
            else if (string.Equals(transformation.Name, DataflowSpecs.MappingTransformation, StringComparison.OrdinalIgnoreCase))
            {
                mappingId ??= parameters.MappingId;
                mappingVersion ??= parameters.MappingVersion;
            }
        }

        return new Dataflow(
            flow.Id ?? Guid.Empty,
            flow.Name ?? string.Empty,
            flow.Description,
            flow.Etag ?? flow.Version ?? string.Empty,
            flow.State,
            flow.FlowSpec?.Id ?? Guid.Empty,
            flow.SourceConnectionIds ?? [],
            flow.TargetConnectionIds ?? [],
            DataflowSchedule.From(flow.ScheduleParams),
            deltaColumn,
            mappingId,
            mappingVersion,
            EpochMilliseconds.ToTime(flow.CreatedAt),
            EpochMilliseconds.ToTime(flow.UpdatedAt));
    }
}
