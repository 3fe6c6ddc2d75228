using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Builds a <see cref="SpecNode"/> tree from YamlDotNet's event stream, with an explicit stack rather than
/// recursion. Reports what YamlDotNet's own loader would reject (duplicate keys, unknown aliases) the same way.
/// </summary>
internal static class SpecTreeBuilder
{
    /// <summary>The first document's root, or null for an empty stream.</summary>
    /// <exception cref="YamlException">The text is not valid YAML or JSON; the exception carries the position.</exception>
    public static SpecNode? Load(string text)
    {
        var parser = new DepthLimitedParser(new YamlDotNet.Core.Parser(new StringReader(text)));
        var anchors = new Dictionary<string, SpecNode>();
        var open = new Stack<Frame>();
        SpecNode? root = null;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            SpecNode? completed = null;
            switch (current)
            {
                case Scalar scalar:
                    completed = new SpecScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Mark(scalar.Start), Mark(scalar.End));
                    Remember(anchors, scalar.Anchor, completed);
                    break;
                case SequenceStart sequenceStart:
                    var sequence = new SpecSequence(Mark(sequenceStart.Start));
                    Remember(anchors, sequenceStart.Anchor, sequence);
                    open.Push(new Frame(sequence));
                    break;
                case MappingStart mappingStart:
                    var mapping = new SpecMapping(Mark(mappingStart.Start));
                    Remember(anchors, mappingStart.Anchor, mapping);
                    open.Push(new Frame(mapping));
                    break;
                case SequenceEnd or MappingEnd:
                    var frame = open.Pop();
                    frame.ApplyMerges();
                    frame.Node.End = Mark(current.End);
                    completed = frame.Node;
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out completed))
                    {
                        throw new YamlException(alias.Start, alias.End, "the alias '*" + alias.Value.Value + "' names no anchor before it");
                    }

                    break;
                case DocumentEnd when root is not null:
                    return root;
            }

            if (completed is null)
            {
                continue;
            }

            if (open.Count == 0)
            {
                root ??= completed;
            }
            else
            {
                open.Peek().Add(completed, current);
            }
        }

        return root;
    }

    private static void Remember(Dictionary<string, SpecNode> anchors, AnchorName anchor, SpecNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static SpecMark Mark(Mark mark) => new(mark.Index, mark.Line, mark.Column);

    /// <summary>A container being filled; a mapping alternates between waiting for a key and for its value.</summary>
    /// <remarks>Merged entries are added when the mapping ends, so that its own keys take precedence.</remarks>
    private sealed class Frame
    {
        private readonly HashSet<string>? _keys;
        private List<SpecNode>? _merges;
        private SpecNode? _pendingKey;
        private bool _hasPendingKey;

        public Frame(SpecNode node)
        {
            Node = node;
            _keys = node is SpecMapping ? new HashSet<string>() : null;
        }

        public SpecNode Node { get; }

        public void ApplyMerges()
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
                        if (_keys!.Add(entry.Key.Value))
                        {
                            mapping.Children.Add(entry);
                        }
                    }
                }
            }
        }

        public void Add(SpecNode child, ParsingEvent source)
        {
            if (Node is SpecSequence sequence)
            {
                sequence.Children.Add(child);
                return;
            }

            if (!_hasPendingKey)
            {
                _pendingKey = child;
                _hasPendingKey = true;
                return;
            }

            _hasPendingKey = false;

            // "<<: *anchor" merges the anchor's entries; keys written out in this mapping win, wherever they stand.
            if (_pendingKey is SpecScalar { Value: "<<", IsPlain: true } && child is SpecMapping or SpecSequence)
            {
                (_merges ??= new List<SpecNode>()).Add(child);
                return;
            }

            // Complex (non-scalar) keys mean nothing in OpenAPI; their entries are dropped.
            if (_pendingKey is SpecScalar key)
            {
                if (!_keys!.Add(key.Value))
                {
                    throw new YamlException(
                        new Mark(key.Start.Index, key.Start.Line, key.Start.Column),
                        new Mark(key.End.Index, key.End.Line, key.End.Column),
                        "duplicate key '" + key.Value + "'");
                }

                ((SpecMapping)Node).Children.Add(new KeyValuePair<SpecScalar, SpecNode>(key, child));
            }
        }
    }
}
