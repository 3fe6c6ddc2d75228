using HubSpotGen.FlowService.Models;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService;

public partial class HubSpotDataflows
{
    private const string ScheduleFrequencyPath = "/scheduleParams/frequency";
    private const string ScheduleIntervalPath = "/scheduleParams/interval";
    private const string ScheduleBackfillPath = "/scheduleParams/backfill";

    /// <summary>
    /// Changes how often the dataflow runs, in one PATCH with <c>If-Match</c>: <c>replace</c> of
    /// <c>/scheduleParams/frequency</c>, and of <c>/scheduleParams/interval</c> (an <c>add</c> when the flow has none
    /// yet, a <c>remove</c> when the new frequency is once); the same for <c>backfill</c> when it is given. The flow is
    /// read first to choose between them. The start time is not sent: Flow Service does not change a start time that
    /// has passed, so <paramref name="schedule"/>'s start time is only checked.
    /// </summary>
    /// <param name="flowId">The dataflow's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="etag">The dataflow's current etag, quotes included, as read or as the last change returned it.</param>
    /// <param name="schedule">The new schedule; checked by <see cref="DataflowSchedule.Validate"/>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The dataflow's id, its new etag and the request id of the answer that settled the change (see <see cref="UpdatedEntity.RequestId"/>).</returns>
    /// <exception cref="ArgumentException">The id is empty, the etag blank or not one header line, or the schedule breaks a rule; nothing was sent.</exception>
    /// <exception cref="PreconditionFailedException">The etag is stale: the dataflow changed since it was read.</exception>
    /// <exception cref="ApiException">Flow Service refused, for example 404 for an unknown dataflow.</exception>
    public virtual Task<UpdatedEntity> UpdateScheduleAsync(Guid flowId, string etag, DataflowSchedule schedule, CancellationToken cancellationToken = default)
    {
        RequireId(flowId);
        HubSpotConnections.RequireEtag(etag);
        ArgumentNullException.ThrowIfNull(schedule);
        schedule.Validate();
        return UpdateScheduleCoreAsync(flowId, etag, schedule, cancellationToken);
    }

    private async Task<UpdatedEntity> UpdateScheduleCoreAsync(Guid flowId, string etag, DataflowSchedule schedule, CancellationToken cancellationToken)
    {
        var current = (await RequireFlowAsync(flowId, cancellationToken).ConfigureAwait(false)).ScheduleParams;
        var wanted = schedule.ToScheduleParams();
        var operations = new List<PatchOperation> { Replace(ScheduleFrequencyPath, wanted.Frequency.Value) };
        AddMemberChange(operations, ScheduleIntervalPath, current?.Interval is not null, wanted.Interval is { } interval ? new JValue(interval) : null);
        if (wanted.Backfill is { } backfill)
        {
            AddMemberChange(operations, ScheduleBackfillPath, current?.Backfill is not null, new JValue(backfill));
        }
        else if (schedule.Frequency == DataflowFrequency.Once && current?.Backfill is not null)
        {
            operations.Add(new PatchOperation { Op = PatchOperationKind.Remove, Path = ScheduleBackfillPath });
        }

        return await PatchFlowAsync(
            flowId,
            etag,
            operations,
            flow => flow.Schedule is { } now && now.Frequency == schedule.Frequency && now.Interval == wanted.Interval,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets or clears a member that may or may not exist: replace what is there, add what is not, remove what must go.</summary>
    private static void AddMemberChange(List<PatchOperation> operations, string path, bool exists, JToken? value)
    {
        if (value is not null)
        {
            operations.Add(new PatchOperation { Op = exists ? PatchOperationKind.Replace : PatchOperationKind.Add, Path = path, Value = value });
        }
        else if (exists)
        {
            operations.Add(new PatchOperation { Op = PatchOperationKind.Remove, Path = path });
        }
    }

    /// <summary>
    /// Renames the dataflow, and sets its description when one is given, in one PATCH with <c>If-Match</c>:
    /// <c>replace</c> of <c>/name</c>, <c>add</c> of <c>/description</c> (which sets it whether or not there is one).
    /// </summary>
    /// <param name="flowId">The dataflow's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="etag">The dataflow's current etag, quotes included.</param>
    /// <param name="name">The new name; must not be blank.</param>
    /// <param name="description">A new description; null leaves it, an empty string clears it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The dataflow's id, its new etag and the request id of the answer that settled the change (see <see cref="UpdatedEntity.RequestId"/>).</returns>
    /// <exception cref="ArgumentException">The id is empty, or the etag or name blank; nothing was sent.</exception>
    /// <exception cref="PreconditionFailedException">The etag is stale.</exception>
    /// <exception cref="ApiException">Flow Service refused the change for another reason.</exception>
    public virtual Task<UpdatedEntity> RenameAsync(Guid flowId, string etag, string name, string? description = null, CancellationToken cancellationToken = default)
    {
        RequireId(flowId);
        HubSpotConnections.RequireEtag(etag);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var operations = new List<PatchOperation> { Replace(ConnectionPatch.NamePath, name) };
        if (description is not null)
        {
            operations.Add(new PatchOperation { Op = PatchOperationKind.Add, Path = ConnectionPatch.DescriptionPath, Value = description });
        }

        return PatchFlowAsync(
            flowId,
            etag,
            operations,
            flow => flow.Name == name && (description is null || (flow.Description ?? string.Empty) == description),
            cancellationToken);
    }

    /// <summary>
    /// Gives the dataflow new mappings: a new mapping set for the schema of its target connection, then one PATCH
    /// with <c>If-Match</c> that <c>replace</c>s its <c>Mapping</c> transformation (at the index the flow has it) with
    /// one naming the new set. Mapping sources must be columns of the flow's table, as for a create.
    /// </summary>
    /// <remarks>
    /// Reads first: the flow, its target connection (for the schema), its source connection and the table's columns.
    /// Data Prep has no delete, so when the PATCH fails the new mapping set stays, unused.
    /// </remarks>
    /// <param name="flowId">The dataflow's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="etag">The dataflow's current etag, quotes included.</param>
    /// <param name="mappings">The new mappings; at least one, each source a column of the table, no XDM field twice.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The dataflow's id, its new etag and the request id of the answer that settled the change (see <see cref="UpdatedEntity.RequestId"/>).</returns>
    /// <exception cref="ArgumentException">The id is empty, the etag blank, a mapping blank or its source not a column (the message lists the columns); nothing was created.</exception>
    /// <exception cref="PreconditionFailedException">The etag is stale.</exception>
    /// <exception cref="ApiException">A service refused a step, or the flow has no source or target connection to read.</exception>
    public virtual Task<UpdatedEntity> UpdateMappingAsync(Guid flowId, string etag, IReadOnlyList<FieldMapping> mappings, CancellationToken cancellationToken = default)
    {
        RequireId(flowId);
        HubSpotConnections.RequireEtag(etag);
        CheckMappings(mappings, nameof(mappings));
        return UpdateMappingCoreAsync(flowId, etag, mappings, cancellationToken);
    }

    private async Task<UpdatedEntity> UpdateMappingCoreAsync(Guid flowId, string etag, IReadOnlyList<FieldMapping> mappings, CancellationToken cancellationToken)
    {
        var flow = await RequireFlowAsync(flowId, cancellationToken).ConfigureAwait(false);
        var targetId = flow.TargetConnectionIds is [var firstTarget, ..] ? firstTarget : throw UnexpectedAnswer.Create(GetFlowOperation, "a dataflow without a target connection");
        var sourceId = flow.SourceConnectionIds is [var firstSource, ..] ? firstSource : throw UnexpectedAnswer.Create(GetFlowOperation, "a dataflow without a source connection");

        var target = (await _flowService.GetTargetConnectionAsync(targetId, cancellationToken: cancellationToken).ConfigureAwait(false)).Items?.FirstOrDefault();
        var schemaId = target?.Data?.Schema?.Id is { Length: > 0 } id ? id : throw UnexpectedAnswer.Create("GET /targetConnections/{targetConnectionId}", "a target connection without data.schema.id");
        var source = (await _flowService.GetSourceConnectionAsync(sourceId, cancellationToken: cancellationToken).ConfigureAwait(false)).Items?.FirstOrDefault();
        if (source?.BaseConnectionId is not { } baseConnectionId || source.Params?.Path is not { Length: > 0 } path)
        {
            throw UnexpectedAnswer.Create("GET /sourceConnections/{sourceConnectionId}", "a source connection without baseConnectionId and params.path");
        }

        var columns = await _connections.ExploreTableAsync(baseConnectionId, path, cancellationToken).ConfigureAwait(false);
        CheckSources(mappings, columns, nameof(mappings));

        var (mappingId, mappingVersion) = await CreateMappingSetAsync(schemaId, mappings, cancellationToken).ConfigureAwait(false);
        var transformations = flow.Transformations ?? [];
        var index = -1;
        for (var position = 0; position < transformations.Count; position++)
        {
            if (string.Equals(transformations[position]?.Name, DataflowSpecs.MappingTransformation, StringComparison.OrdinalIgnoreCase))
            {
                index = position;
                break;
            }
        }

        var value = new JObject
        {
            ["name"] = DataflowSpecs.MappingTransformation,
            ["params"] = new JObject { ["mappingId"] = mappingId, ["mappingVersion"] = mappingVersion },
        };
        var operation = index >= 0
            ? Replace("/transformations/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), value)
            : new PatchOperation { Op = PatchOperationKind.Add, Path = "/transformations/-", Value = value };
        return await PatchFlowAsync(flowId, etag, [operation], now => now.MappingId == mappingId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One PATCH with If-Match. When an attempt's answer was lost and the repeat is refused as stale, the lost attempt
    /// may have made the change: the flow is read back, and if <paramref name="holds"/> says the change is there, that
    /// is success with the current etag. Everything a dataflow change sets can be read back, unlike a credential.
    /// </summary>
    private async Task<UpdatedEntity> PatchFlowAsync(Guid flowId, string etag, List<PatchOperation> operations, Func<Dataflow, bool> holds, CancellationToken cancellationToken)
    {
        var history = AttemptHistory.Begin();
        try
        {
            var updated = await _flowService.UpdateFlowAsync(flowId, etag, operations, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new UpdatedEntity(updated.Id, updated.Etag) { RequestId = history.RequestId };
        }
        catch (ApiException exception) when (exception.StatusCode == PreconditionFailedException.Status)
        {
            if (history.RepeatedAfterLostAnswer && await GetCoreAsync(flowId, cancellationToken).ConfigureAwait(false) is { } current && holds(current))
            {
                // The read is the answer that showed the change holds, so its request id is the one to quote.
                return new UpdatedEntity(flowId, current.Etag) { RequestId = history.RequestId };
            }

            throw new PreconditionFailedException("Dataflow", flowId, etag, exception);
        }
    }

    private static PatchOperation Replace(string path, JToken value) => new() { Op = PatchOperationKind.Replace, Path = path, Value = value };
}
