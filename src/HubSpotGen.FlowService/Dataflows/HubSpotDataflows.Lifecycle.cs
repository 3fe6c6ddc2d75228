using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService;

public partial class HubSpotDataflows
{
    /// <summary>Switches the dataflow on: <c>POST /flows/{id}/action?op=enable</c>.</summary>
    /// <param name="flowId">The dataflow's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused, for example 404 for an unknown dataflow.</exception>
    public virtual Task EnableAsync(Guid flowId, CancellationToken cancellationToken = default)
    {
        RequireId(flowId);
        return _flowService.PerformFlowActionAsync(flowId, FlowActionOperation.Enable, cancellationToken: cancellationToken);
    }

    /// <summary>Switches the dataflow off, so it starts no new runs: <c>POST /flows/{id}/action?op=disable</c>.</summary>
    /// <param name="flowId">The dataflow's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused, for example 404 for an unknown dataflow.</exception>
    public virtual Task DisableAsync(Guid flowId, CancellationToken cancellationToken = default)
    {
        RequireId(flowId);
        return _flowService.PerformFlowActionAsync(flowId, FlowActionOperation.Disable, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Starts an ad hoc run of a dataflow scheduled <c>once</c>, over the records whose delta column falls between
    /// <paramref name="windowStart"/> and <paramref name="windowEnd"/>: <c>POST /runs</c> with
    /// <c>{flowId, params: {windowStartTime, windowEndTime, deltaColumn: {name}}}</c>, the times in epoch seconds.
    /// Like every create, it is not repeated after a lost answer, so a retry never starts a second run.
    /// </summary>
    /// <param name="flowId">The dataflow's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="windowStart">The start of the window.</param>
    /// <param name="windowEnd">The end of the window; after the start.</param>
    /// <param name="deltaColumn">The dataflow's delta column, such as <c>Added_At</c>; must not be blank.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The run's id, its etag and the request id of the answer that created it.</returns>
    /// <exception cref="ArgumentException">The id is empty, the window empty or before the epoch, or the column blank; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused, for example for a dataflow not scheduled once.</exception>
    public virtual Task<StartedRun> StartRunAsync(Guid flowId, DateTimeOffset windowStart, DateTimeOffset windowEnd, string deltaColumn, CancellationToken cancellationToken = default)
    {
        RequireId(flowId);
        ArgumentException.ThrowIfNullOrWhiteSpace(deltaColumn);
        if (windowStart.ToUnixTimeSeconds() < 0)
        {
            throw new ArgumentException("The window must not start before 1970-01-01T00:00:00Z.", nameof(windowStart));
        }

        if (windowEnd.ToUnixTimeSeconds() <= windowStart.ToUnixTimeSeconds())
        {
            throw new ArgumentException("The window must end at least a second after it starts.", nameof(windowEnd));
        }

        return StartRunCoreAsync(flowId, windowStart, windowEnd, deltaColumn, cancellationToken);
    }

    private async Task<StartedRun> StartRunCoreAsync(Guid flowId, DateTimeOffset windowStart, DateTimeOffset windowEnd, string deltaColumn, CancellationToken cancellationToken)
    {
        var history = AttemptHistory.Begin();
        var run = await _flowService.CreateRunAsync(new CreateRunRequest
        {
            FlowId = flowId,
            Params = new RunParams
            {
                WindowStartTime = windowStart.ToUnixTimeSeconds(),
                WindowEndTime = windowEnd.ToUnixTimeSeconds(),
                DeltaColumn = new DeltaColumn { Name = deltaColumn },
            },
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new StartedRun(run.Id, run.Etag) { RequestId = history.RequestId };
    }

    /// <summary>
    /// Deletes the dataflow; with <paramref name="deleteConnections"/>, then its source connections and then its
    /// target connections, which are read from the flow first. The base connection is never deleted: other flows may
    /// use it, and it holds the HubSpot credentials.
    /// </summary>
    /// <remarks>
    /// When an attempt's answer was lost and the repeat is answered "not found", the lost attempt deleted it: that is
    /// success. A "not found" to the first attempt is still an error. When deleting a connection fails, the others are
    /// still tried, and a <see cref="DataflowCleanupException"/> names what remains.
    /// </remarks>
    /// <param name="flowId">The dataflow's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="deleteConnections">True to delete its source and target connections too.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused to delete the dataflow, for example 404 for an unknown one; no connection was deleted.</exception>
    /// <exception cref="DataflowCleanupException">The dataflow was deleted, but some of its connections were not.</exception>
    public virtual Task DeleteAsync(Guid flowId, bool deleteConnections = false, CancellationToken cancellationToken = default)
    {
        RequireId(flowId);
        return deleteConnections
            ? DeleteWithConnectionsAsync(flowId, cancellationToken)
            : DeleteAsync(token => _flowService.DeleteFlowAsync(flowId, cancellationToken: token), cancellationToken);
    }

    private async Task DeleteWithConnectionsAsync(Guid flowId, CancellationToken cancellationToken)
    {
        var flow = await RequireFlowAsync(flowId, cancellationToken).ConfigureAwait(false);
        await DeleteAsync(token => _flowService.DeleteFlowAsync(flowId, cancellationToken: token), cancellationToken).ConfigureAwait(false);

        var steps = new List<(string Kind, Guid Id, Func<CancellationToken, Task> Delete)>();
        foreach (var id in flow.SourceConnectionIds ?? [])
        {
            steps.Add((SourceKind, id, token => _flowService.DeleteSourceConnectionAsync(id, cancellationToken: token)));
        }

        foreach (var id in flow.TargetConnectionIds ?? [])
        {
            steps.Add((TargetKind, id, token => _flowService.DeleteTargetConnectionAsync(id, cancellationToken: token)));
        }

        var remaining = new List<string>();
        var failures = new List<Exception>();
        foreach (var (kind, id, delete) in steps)
        {
            try
            {
                await DeleteAsync(delete, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                remaining.Add(kind + " " + id);
                failures.Add(failure);
            }
        }

        if (failures.Count > 0)
        {
            throw new DataflowCleanupException(remaining, failures, failures[0]);
        }
    }
}
