using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>
/// A mapping or sequence being filled, shared by the JSON and YAML readers so that both reject duplicate
/// keys and apply merge keys the same way. The node is made when the container ends, with room for
/// exactly its children.
/// </summary>
/// <remarks>
/// Merged entries are added when the mapping ends, so that its own keys take precedence. A reader reuses
/// its builders (<see cref="Reset"/>): a spec has tens of thousands of small mappings, and a builder for
/// each, with lists grown a step at a time, was a third of what reading allocated.
/// </remarks>
internal sealed class ContainerBuilder
{
    private readonly List<KeyValuePair<SpecScalar, SpecNode>> _entries = new();
    private readonly List<SpecNode> _items = new();
    private readonly HashSet<string> _keys = new(System.StringComparer.Ordinal);
    private readonly List<SpecNode> _merges = new();
    private bool _keysIndexed;

    public ContainerBuilder(SpecMark start, bool isMapping)
    {
        Start = start;
        IsMapping = isMapping;
    }

    public SpecMark Start { get; private set; }

    public bool IsMapping { get; private set; }

    public SpecScalar? PendingKey { get; private set; }

    public bool HasPendingKey { get; private set; }

    /// <summary>Starts filling another container, forgetting everything about the last one.</summary>
    public ContainerBuilder Reset(SpecMark start, bool isMapping)
    {
        Start = start;
        IsMapping = isMapping;
        PendingKey = null;
        HasPendingKey = false;
        _entries.Clear();
        _items.Clear();
        if (_keysIndexed)
        {
            _keys.Clear();
            _keysIndexed = false;
        }

        _merges.Clear();
        return this;
    }

    public void AddItem(SpecNode item) => _items.Add(item);

    /// <summary>A key whose value comes next; null for a complex key, whose entry is dropped (they mean nothing in OpenAPI).</summary>
    public void SetKey(SpecScalar? key)
    {
        PendingKey = key;
        HasPendingKey = true;
    }

    public void AddValue(SpecNode value)
    {
        var key = PendingKey;
        PendingKey = null;
        HasPendingKey = false;
        if (key is null)
        {
            return;
        }

        // "<<: *anchor" merges the anchor's entries; keys written out in this mapping win, wherever they stand.
        if (key is { Value: "<<", IsPlain: true } && value is SpecMapping or SpecSequence)
        {
            _merges.Add(value);
            return;
        }

        if (!AddKey(key.Value))
        {
            throw new SpecSyntaxException(key.Start.Index, "duplicate key '" + key.Value + "'");
        }

        _entries.Add(new KeyValuePair<SpecScalar, SpecNode>(key, value));
    }

    /// <summary>The container's node, ending at <paramref name="end"/>.</summary>
    public SpecNode Complete(SpecMark end)
    {
        if (!IsMapping)
        {
            return new SpecSequence(Start, new List<SpecNode>(_items)) { End = end };
        }

        ApplyMerges();
        return new SpecMapping(Start, new List<KeyValuePair<SpecScalar, SpecNode>>(_entries)) { End = end };
    }

    /// <summary>
    /// Records a key, false when the mapping has it already. Most mappings are small: they are scanned,
    /// and only a large one gets a set (a set per mapping was a large share of the load time).
    /// </summary>
    private bool AddKey(string key)
    {
        if (!_keysIndexed)
        {
            foreach (var entry in _entries)
            {
                if (entry.Key.Value == key)
                {
                    return false;
                }
            }

            if (_entries.Count >= 8)
            {
                _keysIndexed = true;
                foreach (var entry in _entries)
                {
                    _keys.Add(entry.Key.Value);
                }

                _keys.Add(key);
            }

            return true;
        }

        return _keys.Add(key);
    }

    private void ApplyMerges()
    {
        foreach (var merge in _merges)
        {
            var sources = merge is SpecSequence list ? list.Children : new List<SpecNode> { merge };
            foreach (var source in sources)
            {
                if (source is not SpecMapping sourceMapping)
                {
                    continue;
                }

                foreach (var entry in sourceMapping.Children)
                {
                    if (AddKey(entry.Key.Value))
                    {
                        _entries.Add(entry);
                    }
                }
            }
        }
    }
}
