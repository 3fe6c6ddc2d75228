using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// Everything the emulator holds, per sandbox name. One lock guards everything: endpoints run their whole
/// read-check-write inside <see cref="Use{T}"/>, so an If-Match check and the change it guards cannot be split
/// by another request, no JObject is read while another thread changes it, and a flow's schedule is brought up
/// to the clock before any request of its sandbox sees it.
/// </summary>
internal sealed class SandboxStore(TimeProvider clock, RunScheduler scheduler)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Sandbox> _sandboxes = new(StringComparer.Ordinal);
    private readonly List<DatasetSeed> _seeds = [];
    private long _lastSequence;

    public TimeProvider Clock { get; } = clock;

    public T Use<T>(string sandboxName, Func<Sandbox, T> work)
    {
        lock (_gate)
        {
            if (!_sandboxes.TryGetValue(sandboxName, out var sandbox))
            {
                sandbox = NewSandbox(sandboxName, Guid.NewGuid().ToString("D"));
            }

            scheduler.CatchUp(sandbox, Clock.GetUtcNow());
            return work(sandbox);
        }
    }

    /// <summary>Runs <paramref name="work"/> over every sandbox at once, in the order they were first used, without catching schedules up.</summary>
    public T UseAll<T>(Func<IReadOnlyList<Sandbox>, T> work)
    {
        lock (_gate)
        {
            return work(_sandboxes.Values.ToList());
        }
    }

    /// <summary>Replaces everything with sandboxes each rebuilt by its <c>Fill</c> from its name and id; used once, at start.</summary>
    public void Restore(IEnumerable<(string Name, string Id, Action<Sandbox> Fill)> sandboxes)
    {
        lock (_gate)
        {
            _sandboxes.Clear();
            foreach (var (name, id, fill) in sandboxes)
            {
                fill(NewSandbox(name, id));
            }
        }
    }

    /// <summary>Datasets every sandbox starts with, now and after <see cref="Clear"/>.</summary>
    public void Seed(DatasetSeed seed)
    {
        lock (_gate)
        {
            _seeds.Add(seed);
        }
    }

    public int Count(string sandboxName)
    {
        lock (_gate)
        {
            return _sandboxes.TryGetValue(sandboxName, out var sandbox) ? sandbox.Connections.Count : 0;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sandboxes.Clear();
        }
    }

    /// <summary>Ids are GUIDs; any spelling of one (upper case, braces) finds the stored lower-case form.</summary>
    public static string NormalizeId(string id) => Guid.TryParse(id, out var guid) ? guid.ToString("D") : id;

    private long NextSequence() => ++_lastSequence;

    private Sandbox NewSandbox(string name, string id)
    {
        var sandbox = new Sandbox(this, name, id);
        foreach (var seed in _seeds)
        {
            sandbox.Datasets.Add(new StoredEntity(DemoDataset.Document(seed, sandbox, Clock.GetUtcNow())));
        }

        _sandboxes.Add(name, sandbox);
        return sandbox;
    }

    /// <summary>Whether <paramref name="datasetId"/> is one every sandbox starts with, rather than one a test added.</summary>
    public bool IsSeeded(string datasetId)
    {
        lock (_gate)
        {
            return _seeds.Any(seed => seed.Id == datasetId);
        }
    }

    /// <summary>What one sandbox holds; only touched inside <see cref="Use{T}"/>.</summary>
    internal sealed class Sandbox(SandboxStore store, string name, string id)
    {
        public string Name { get; } = name;

        /// <summary>A stable id per sandbox name, as the real service reports a <c>sandboxId</c> beside the name.</summary>
        public string Id { get; } = id;

        public EntityTable<StoredEntity> Connections { get; } = new(store);

        public EntityTable<StoredEntity> SourceConnections { get; } = new(store);

        public EntityTable<StoredEntity> TargetConnections { get; } = new(store);

        public EntityTable<StoredFlow> Flows { get; } = new(store);

        public EntityTable<StoredRun> Runs { get; } = new(store);

        public EntityTable<StoredEntity> MappingSets { get; } = new(store);

        /// <summary>Catalog datasets, keyed by their Catalog id (not a GUID).</summary>
        public EntityTable<StoredEntity> Datasets { get; } = new(store);

        /// <summary>The flows that read through <paramref name="sourceConnectionId"/>.</summary>
        public List<StoredFlow> FlowsReading(string sourceConnectionId) =>
            Flows.InCreationOrder().Where(flow => flow.Document["sourceConnectionIds"]!.Any(id => (string?)id == sourceConnectionId)).ToList();

        /// <summary>The flows that write through <paramref name="targetConnectionId"/>.</summary>
        public List<StoredFlow> FlowsWriting(string targetConnectionId) =>
            Flows.InCreationOrder().Where(flow => flow.Document["targetConnectionIds"]!.Any(id => (string?)id == targetConnectionId)).ToList();

        /// <summary>The flows whose source connections read through the base connection <paramref name="connectionId"/>.</summary>
        public List<StoredFlow> FlowsUsingConnection(string connectionId)
        {
            var sources = SourceConnections.InCreationOrder()
                .Where(source => (string?)source.Document["baseConnectionId"] == connectionId)
                .Select(source => source.Id)
                .ToHashSet(StringComparer.Ordinal);
            return Flows.InCreationOrder().Where(flow => flow.Document["sourceConnectionIds"]!.Any(id => sources.Contains((string)id!))).ToList();
        }
    }

    /// <summary>One kind of entity in one sandbox, by id, with the creation order kept for listing.</summary>
    internal sealed class EntityTable<T>(SandboxStore store)
        where T : StoredEntity
    {
        private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);

        public int Count => _byId.Count;

        public T? Find(string id) => _byId.GetValueOrDefault(NormalizeId(id));

        public T Add(T entity)
        {
            entity.Sequence = store.NextSequence();
            _byId.Add(NormalizeId(entity.Id), entity);
            return entity;
        }

        public bool Remove(string id) => _byId.Remove(NormalizeId(id));

        public List<T> InCreationOrder()
        {
            var all = _byId.Values.ToList();
            all.Sort((left, right) => left.Sequence.CompareTo(right.Sequence));
            return all;
        }
    }
}

/// <summary>
/// An entity as stored: its full document (a connection's secrets in clear), and a creation sequence that
/// orders entities created within the same millisecond.
/// </summary>
internal class StoredEntity(JObject document)
{
    public long Sequence { get; set; }

    public JObject Document { get; set; } = document;

    public string Id => (string)Document["id"]!;

    public string Etag => (string)Document["etag"]!;
}

/// <summary>A flow and where its schedule stands.</summary>
internal sealed class StoredFlow(JObject document, DateTimeOffset? nextRunAt) : StoredEntity(document)
{
    /// <summary>When the next scheduled run starts; null when the schedule has no more runs.</summary>
    public DateTimeOffset? NextRunAt { get; set; } = nextRunAt;

    /// <summary>How many scheduled runs started so far; the first reads the whole table, later ones only what changed.</summary>
    public int ScheduledRuns { get; set; }

    /// <summary>When the last scheduled run started; null before the first.</summary>
    public DateTimeOffset? LastRunAt { get; set; }
}

/// <summary>A run: its fixed facts. Its status and metrics are rendered from them against the clock.</summary>
internal sealed class StoredRun(JObject document, DateTimeOffset startedAt, DateTimeOffset completesAt, int records) : StoredEntity(document)
{
    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset CompletesAt { get; } = completesAt;

    /// <summary>The records the run reads, and writes once it succeeds.</summary>
    public int Records { get; } = records;

    public string FlowId => (string)Document["flowId"]!;
}
