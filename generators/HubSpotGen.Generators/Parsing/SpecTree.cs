using System;
using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// A position in the spec text: its offset (a byte order mark counts). Line and column are worked out from the
/// text only when a diagnostic needs them (<see cref="SpecLines"/>): a spec has hundreds of thousands of nodes and
/// few diagnostics, and two more integers per position made every node a third bigger for the collector to move.
/// </summary>
internal readonly struct SpecMark
{
    public SpecMark(int index)
    {
        Index = index;
    }

    public int Index { get; }
}

/// <summary>
/// A node of the spec document, as the readers in <c>Reading/</c> build it from JSON or YAML: small,
/// and looked up by key through an index where a mapping is large.
/// </summary>
internal abstract class SpecNode
{
    protected SpecNode(SpecMark start, SpecMark end)
    {
        Start = start;
        End = end;
    }

    public SpecMark Start { get; }

    public SpecMark End { get; internal set; }

    /// <summary>
    /// Nodes stay equal only to themselves, but hash by where they start: the parser keeps tens of thousands of
    /// them in sets and dictionaries, and an object's identity hash costs a write into its header the first
    /// time it is asked. Nodes sharing an offset (a mapping and its first key) only share a bucket.
    /// </summary>
    public override int GetHashCode() => Start.Index;
}

internal sealed class SpecScalar : SpecNode
{
    public SpecScalar(string value, bool isPlain, SpecMark start, SpecMark end)
        : base(start, end)
    {
        Value = value;
        IsPlain = isPlain;
    }

    public string Value { get; }

    /// <summary>Written without quotes, so that <c>null</c> or <c>true</c> mean what they say.</summary>
    public bool IsPlain { get; }
}

internal sealed class SpecSequence : SpecNode
{
    public SpecSequence(SpecMark start)
        : this(start, new List<SpecNode>())
    {
    }

    /// <summary>A sequence of <paramref name="children"/>, which it keeps (a reader sizes the list to fit).</summary>
    public SpecSequence(SpecMark start, List<SpecNode> children)
        : base(start, start)
    {
        Children = children;
    }

    public List<SpecNode> Children { get; }
}

internal sealed class SpecMapping : SpecNode
{
    /// <summary>Small mappings are scanned; larger ones (components, paths) get an index on first lookup.</summary>
    private const int IndexThreshold = 8;

    private Dictionary<string, int>? _index;

    public SpecMapping(SpecMark start)
        : this(start, new List<KeyValuePair<SpecScalar, SpecNode>>())
    {
    }

    /// <summary>A mapping of <paramref name="children"/>, which it keeps (a reader sizes the list to fit).</summary>
    public SpecMapping(SpecMark start, List<KeyValuePair<SpecScalar, SpecNode>> children)
        : base(start, start)
    {
        Children = children;
    }

    /// <summary>Entries with scalar keys, in document order.</summary>
    public List<KeyValuePair<SpecScalar, SpecNode>> Children { get; }

    public SpecNode? Find(string key)
    {
        if (Children.Count <= IndexThreshold)
        {
            foreach (var entry in Children)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Value;
                }
            }

            return null;
        }

        if (_index is null)
        {
            _index = new Dictionary<string, int>(Children.Count, StringComparer.Ordinal);
            for (var i = 0; i < Children.Count; i++)
            {
                _index[Children[i].Key.Value] = i;
            }
        }

        return _index.TryGetValue(key, out var position) ? Children[position].Value : null;
    }

    public SpecScalar? FindKey(string key)
    {
        foreach (var entry in Children)
        {
            if (entry.Key.Value == key)
            {
                return entry.Key;
            }
        }

        return null;
    }
}
