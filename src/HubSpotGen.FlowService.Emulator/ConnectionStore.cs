using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// Base connections per sandbox name. One lock guards everything: endpoints run their whole
/// read-check-write inside <see cref="Use{T}"/>, so an If-Match check and the change it guards cannot be split
/// by another request, and no JObject is read while another thread changes it.
/// </summary>
internal sealed class ConnectionStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Sandbox> _sandboxes = new(StringComparer.Ordinal);
    private long _lastSequence;

    public T Use<T>(string sandboxName, Func<Sandbox, T> work)
    {
        lock (_gate)
        {
            if (!_sandboxes.TryGetValue(sandboxName, out var sandbox))
            {
                sandbox = new Sandbox(this, sandboxName);
                _sandboxes.Add(sandboxName, sandbox);
            }

            return work(sandbox);
        }
    }

    public int Count(string sandboxName)
    {
        lock (_gate)
        {
            return _sandboxes.TryGetValue(sandboxName, out var sandbox) ? sandbox.Count : 0;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sandboxes.Clear();
        }
    }

    /// <summary>Connection ids are GUIDs; any spelling of one (upper case, braces) finds the stored lower-case form.</summary>
    public static string NormalizeId(string id) => Guid.TryParse(id, out var guid) ? guid.ToString("D") : id;

    /// <summary>The connections of one sandbox; only touched inside <see cref="Use{T}"/>.</summary>
    internal sealed class Sandbox(ConnectionStore store, string name)
    {
        private readonly Dictionary<string, StoredConnection> _byId = new(StringComparer.Ordinal);

        public string Name { get; } = name;

        /// <summary>A stable id per sandbox name, as the real service reports a <c>sandboxId</c> beside the name.</summary>
        public string Id { get; } = Guid.NewGuid().ToString("D");

        public int Count => _byId.Count;

        public StoredConnection? Find(string id) => _byId.GetValueOrDefault(NormalizeId(id));

        public StoredConnection Add(JObject document)
        {
            var stored = new StoredConnection(++store._lastSequence, document);
            _byId.Add(stored.Id, stored);
            return stored;
        }

        public bool Remove(string id) => _byId.Remove(NormalizeId(id));

        public List<StoredConnection> InCreationOrder()
        {
            var all = _byId.Values.ToList();
            all.Sort((left, right) => left.Sequence.CompareTo(right.Sequence));
            return all;
        }
    }
}

/// <summary>
/// A connection as stored: its full document, secrets in clear, and a creation sequence that orders
/// connections created within the same millisecond.
/// </summary>
internal sealed class StoredConnection(long sequence, JObject document)
{
    public long Sequence { get; } = sequence;

    public JObject Document { get; set; } = document;

    public string Id => (string)Document["id"]!;

    public string Etag => (string)Document["etag"]!;
}
