using System;
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
    /// <exception cref="SpecSyntaxException">The text is not valid YAML; the exception says where.</exception>
    public static SpecNode? Load(string text)
    {
        var open = new Stack<Frame>();
        var lastEnd = 0;
        try
        {
            return Build(text, open, ref lastEnd);
        }
        catch (YamlException exception) when (exception is not SpecSyntaxException)
        {
            throw Relocate(text, open, exception.Start.Index, CleanMessage(exception.Message));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser gives up this way on some unclosed flow collections.
            throw Relocate(text, open, lastEnd, "the YAML cannot be read past this point");
        }
    }

    private static SpecNode? Build(string text, Stack<Frame> open, ref int lastEnd)
    {
        var parser = new DepthLimitedParser(new YamlDotNet.Core.Parser(new StringReader(text)));
        var anchors = new Dictionary<string, SpecNode>();
        SpecNode? root = null;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            lastEnd = (int)current.End.Index;
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
                    open.Push(new Frame(sequence, sequenceStart.Style == SequenceStyle.Flow));
                    break;
                case MappingStart mappingStart:
                    var mapping = new SpecMapping(Mark(mappingStart.Start));
                    Remember(anchors, mappingStart.Anchor, mapping);
                    open.Push(new Frame(mapping, mappingStart.Style == MappingStyle.Flow));
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
                        throw new SpecSyntaxException((int)alias.Start.Index, "the alias '*" + alias.Value.Value + "' names no anchor before it");
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

    /// <summary>
    /// YamlDotNet reports some mistakes where it gave up rather than where they are: an unclosed bracket at
    /// the end of the text, or a tab at the start of the document. This moves the position to the cause.
    /// </summary>
    private static SpecSyntaxException Relocate(string text, Stack<Frame> open, long reportedOffset, string message)
    {
        var offset = (int)Math.Max(0, Math.Min(reportedOffset, text.Length));
        if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && FirstTabIndentation(text) is { } tab)
        {
            return new SpecSyntaxException(tab, message);
        }

        foreach (var frame in open)
        {
            if (!frame.IsFlow)
            {
                continue;
            }

            // The innermost open bracket on an earlier line than the failure is the one never closed.
            var bracket = frame.Node.Start.Index;
            if (LineOf(text, bracket) < LineOf(text, offset))
            {
                var character = bracket < text.Length ? text[bracket] : '[';
                return new SpecSyntaxException(bracket, "the '" + character + "' opened here is not closed (" + message + ")");
            }

            break;
        }

        return new SpecSyntaxException(offset, message);
    }

    private static int? FirstTabIndentation(string text)
    {
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var position = lineStart;
            while (position < text.Length && text[position] == ' ')
            {
                position++;
            }

            if (position < text.Length && text[position] == '\t')
            {
                return position;
            }

            var end = text.IndexOf('\n', lineStart);
            if (end < 0)
            {
                break;
            }

            lineStart = end + 1;
        }

        return null;
    }

    private static int LineOf(string text, int offset)
    {
        var line = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>YamlDotNet starts its messages with the position, which the diagnostic's location gives already.</summary>
    private static string CleanMessage(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(", StringComparison.Ordinal) && marker > 0 ? message.Substring(marker + 3) : message;
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
        private HashSet<string>? _keys;
        private List<SpecNode>? _merges;
        private SpecNode? _pendingKey;
        private bool _hasPendingKey;

        public Frame(SpecNode node, bool isFlow)
        {
            Node = node;
            IsFlow = isFlow;
        }

        public SpecNode Node { get; }

        /// <summary>Written with brackets or braces, which a truncated or mistyped line leaves open.</summary>
        public bool IsFlow { get; }

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
                    _keys = new HashSet<string>(StringComparer.Ordinal);
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
                        if (AddKey(entry.Key.Value))
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
                if (!AddKey(key.Value))
                {
                    throw new SpecSyntaxException(key.Start.Index, "duplicate key '" + key.Value + "'");
                }

                ((SpecMapping)Node).Children.Add(new KeyValuePair<SpecScalar, SpecNode>(key, child));
            }
        }
    }
}

/// <summary>The spec is not valid YAML; <see cref="Offset"/> is where the problem is.</summary>
internal sealed class SpecSyntaxException : YamlException
{
    public SpecSyntaxException(int offset, string message)
        : base(message)
    {
        Offset = offset;
    }

    public int Offset { get; }
}
