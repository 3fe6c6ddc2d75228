using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>
/// A mapping or sequence being filled, shared by the JSON and YAML readers so that both reject duplicate
/// keys and apply merge keys the same way.
/// </summary>
/// <remarks>Merged entries are added when the mapping ends, so that its own keys take precedence.</remarks>
internal sealed class ContainerBuilder
{
    private HashSet<string>? _keys;
    private List<SpecNode>? _merges;

    public ContainerBuilder(SpecNode node) => Node = node;

    public SpecNode Node { get; }

    public SpecScalar? PendingKey { get; private set; }

    public bool HasPendingKey { get; private set; }

    public void AddItem(SpecNode item) => ((SpecSequence)Node).Children.Add(item);

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
            (_merges ??= new List<SpecNode>()).Add(value);
            return;
        }

        if (!AddKey(key.Value))
        {
            throw new SpecSyntaxException(key.Start.Index, "duplicate key '" + key.Value + "'");
        }

        ((SpecMapping)Node).Children.Add(new KeyValuePair<SpecScalar, SpecNode>(key, value));
    }

    /// <summary>Ends the container at <paramref name="end"/> and returns its node.</summary>
    public SpecNode Complete(SpecMark end)
    {
        ApplyMerges();
        Node.End = end;
        return Node;
    }

    /// <summary>
    /// Records a key, false when the mapping has it already. Most mappings are small: they are scanned,
    /// and only a large one gets a set (a set per mapping was a large share of the load time).
    /// </summary>
    private bool AddKey(string key)
    {
        var children = ((SpecMapping)Node).Children;
        if (_keys is null)
        {
            foreach (var entry in children)
            {
                if (entry.Key.Value == key)
                {
                    return false;
                }
            }

            if (children.Count >= 8)
            {
                _keys = new HashSet<string>(System.StringComparer.Ordinal);
                foreach (var entry in children)
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
        if (_merges is null || Node is not SpecMapping mapping)
        {
            return;
        }

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
                        mapping.Children.Add(entry);
                    }
                }
            }
        }
    }
}
