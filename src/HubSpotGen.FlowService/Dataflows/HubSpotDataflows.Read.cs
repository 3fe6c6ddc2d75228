using HubSpotGen.FlowService.Models;
using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService;

public partial class HubSpotDataflows
{
    private const string GetFlowOperation = "GET /flows/{flowId}";
    private const string ListFlowsOperation = "GET /flows";
    private const string ListRunsOperation = "GET /runs";

    /// <summary>The default time between two polls of <see cref="WaitForFirstRunAsync"/>.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>Reads one dataflow (Flow Service wraps it in an <c>items</c> envelope; this unwraps it).</summary>
    /// <param name="flowId">The dataflow's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The dataflow, or null when Flow Service says there is none (its own FLOW-xxxx-404, or an empty envelope).</returns>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused for another reason, or answered with other dataflows.</exception>
    public virtual Task<Dataflow?> GetAsync(Guid flowId, CancellationToken cancellationToken = default)
    {
        RequireId(flowId);
        return GetCoreAsync(flowId, cancellationToken);
    }

    private async Task<Dataflow?> GetCoreAsync(Guid flowId, CancellationToken cancellationToken)
    {
        try
        {
            var flow = await ReadFlowAsync(flowId, cancellationToken).ConfigureAwait(false);
            return flow is null ? null : Dataflow.From(flow);
        }
        catch (ApiException exception) when (EntityNotFound.Is(exception))
        {
            return null;
        }
    }

    /// <summary>The flow with <paramref name="flowId"/> from its envelope; null for an empty envelope; a 404 is thrown.</summary>
    private async Task<Flow?> ReadFlowAsync(Guid flowId, CancellationToken cancellationToken)
    {
        var answer = await _flowService.GetFlowAsync(flowId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var items = answer.Items;
        if (items is null || items.Count == 0)
        {
            return null;
        }

        return items.FirstOrDefault(item => item?.Id == flowId)
            ?? (items.Count == 1 && items[0]?.Id is null ? items[0] : null)
            ?? throw UnexpectedAnswer.Create(GetFlowOperation, items.Count + " dataflow(s), none of them with the id asked for");
    }

    /// <summary>The flow with <paramref name="flowId"/>, which must exist: a missing one is Flow Service's 404.</summary>
    private async Task<Flow> RequireFlowAsync(Guid flowId, CancellationToken cancellationToken) =>
        await ReadFlowAsync(flowId, cancellationToken).ConfigureAwait(false)
        ?? throw UnexpectedAnswer.Create(GetFlowOperation, "an empty items envelope for a dataflow it must change");

    /// <summary>
    /// Lists dataflows, every page, as the enumeration goes on. By default only HubSpot ones: those of the CRMToAEP
    /// flow spec (<c>property=flowSpec.id==…</c>, sent), and of those, the ones whose <c>inheritedAttributes</c> do not
    /// name only other connectors' source connections (checked here: the flow spec also carries other CRM sources).
    /// </summary>
    /// <param name="hubSpotOnly">False lists every dataflow in the sandbox.</param>
    /// <param name="cancellationToken">Cancels the enumeration, including a page request in flight.</param>
    /// <exception cref="ApiException">Flow Service refused a page request, or sent the same continuation token twice in a row.</exception>
    public virtual IAsyncEnumerable<Dataflow> ListAsync(bool hubSpotOnly = true, CancellationToken cancellationToken = default) =>
        ListCoreAsync(hubSpotOnly, cancellationToken);

    private async IAsyncEnumerable<Dataflow> ListCoreAsync(bool hubSpotOnly, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<string>? filters = hubSpotOnly ? [CrmFlowsFilter] : null;
        var pages = Pages.ReadAsync(
            (token, ct) => _flowService.ListFlowsAsync(property: filters, continuationToken: token, cancellationToken: ct),
            page => page.Links?.Next?.Href,
            ListFlowsOperation,
            cancellationToken);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var flow in page.Items ?? [])
            {
                if (flow is not null && (!hubSpotOnly || MayReadHubSpot(flow)))
                {
                    yield return Dataflow.From(flow);
                }
            }
        }
    }

    /// <summary>The filter that keeps the dataflows of the CRM flow spec.</summary>
    internal const string CrmFlowsFilter = "flowSpec.id==" + DataflowSpecs.CrmFlowSpecId;

    /// <summary>False only when the flow says which connectors its sources are, and HubSpot is not among them.</summary>
    private static bool MayReadHubSpot(Flow flow)
    {
        if (flow.InheritedAttributes is null
            || !flow.InheritedAttributes.TryGetValue("sourceConnections", out var sources)
            || sources is not JArray list)
        {
            return true;
        }

        var named = false;
        foreach (var source in list)
        {
            if (source is JObject item && item["connectionSpec"] is JObject spec && spec["id"] is JValue { Value: { } id })
            {
                named = true;
                if (string.Equals(id.ToString(), HubSpotConnectionSpec.Id, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return !named;
    }

    /// <summary>Lists the runs of one dataflow (<c>property=flowId==…</c>), every page, as the enumeration goes on.</summary>
    /// <param name="flowId">The dataflow's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration, including a page request in flight.</param>
    /// <exception cref="ArgumentException">The id is empty; nothing was sent.</exception>
    /// <exception cref="ApiException">Flow Service refused a page request, or sent the same continuation token twice in a row.</exception>
    public virtual IAsyncEnumerable<DataflowRun> RunsAsync(Guid flowId, CancellationToken cancellationToken = default)
    {
        RequireId(flowId);
        return RunsCoreAsync(flowId, cancellationToken);
    }

    private async IAsyncEnumerable<DataflowRun> RunsCoreAsync(Guid flowId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<string> filters = [RunsFilter(flowId)];
        var pages = Pages.ReadAsync(
            (token, ct) => _flowService.ListRunsAsync(property: filters, continuationToken: token, cancellationToken: ct),
            page => page.Links?.Next?.Href,
            ListRunsOperation,
            cancellationToken);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var run in page.Items ?? [])
            {
                if (run is not null)
                {
                    yield return DataflowRun.From(run);
                }
            }
        }
    }

    internal static string RunsFilter(Guid flowId) => "flowId==" + flowId.ToString("D");

    /// <summary>
    /// Polls the dataflow's runs until its first run (the earliest created) has a final status (see
    /// <see cref="DataflowRun.IsFinal"/>), and returns that run.
    /// </summary>
    /// <param name="flowId">The dataflow's id; must not be <see cref="Guid.Empty"/>.</param>
    /// <param name="timeout">How long to keep polling; at least one poll is made. <see cref="Timeout.InfiniteTimeSpan"/> polls until cancelled.</param>
    /// <param name="progress">Told the first run after every poll: null while there is none yet.</param>
    /// <param name="pollInterval">Time between polls; <see cref="DefaultPollInterval"/> when null.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first run, final.</returns>
    /// <exception cref="ArgumentException">The id is empty, or the timeout negative, or the interval not positive; nothing was sent.</exception>
    /// <exception cref="TimeoutException">The first run was not final (or not there) when the timeout passed.</exception>
    /// <exception cref="ApiException">Flow Service refused a poll.</exception>
    public virtual Task<DataflowRun> WaitForFirstRunAsync(Guid flowId, TimeSpan timeout, IProgress<DataflowRun?>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        RequireId(flowId);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must not be negative.");
        }

        var interval = pollInterval ?? DefaultPollInterval;
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), interval, "The poll interval must be positive.");
        }

        return WaitCoreAsync(flowId, timeout, progress, interval, cancellationToken);
    }

    private async Task<DataflowRun> WaitCoreAsync(Guid flowId, TimeSpan timeout, IProgress<DataflowRun?>? progress, TimeSpan interval, CancellationToken cancellationToken)
    {
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        while (true)
        {
            var first = await FirstRunAsync(flowId, cancellationToken).ConfigureAwait(false);
            progress?.Report(first);
            if (first is { IsFinal: true })
            {
                return first;
            }

            var wait = interval;
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                var left = timeout - clock.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException(first is null
                        ? $"Dataflow {flowId} had no run after {timeout}."
                        : $"The first run {first.Id} of dataflow {flowId} was still {first.Status ?? "without a status"} after {timeout}.");
                }

                wait = left < wait ? left : wait;
            }

            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The earliest run: by creation, else start time, else the service's order.</summary>
    private async Task<DataflowRun?> FirstRunAsync(Guid flowId, CancellationToken cancellationToken)
    {
        DataflowRun? first = null;
        await foreach (var run in RunsCoreAsync(flowId, cancellationToken).ConfigureAwait(false))
        {
            if (first is null || EarliestTime(run) < EarliestTime(first))
            {
                first = run;
            }
        }

        return first;
    }

    private static DateTimeOffset EarliestTime(DataflowRun run) => run.CreatedAt ?? run.StartedAt ?? DateTimeOffset.MaxValue;
}
