using System;
using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>
/// YAML 1.2 as specs use it, read in one pass into <see cref="SpecNode"/>s: block and flow collections,
/// plain, quoted and block scalars, comments, document markers, anchors, aliases and merge keys, tags
/// (<c>!!str</c> makes a scalar a string; others are read and ignored). Complex keys, which mean nothing
/// in OpenAPI, are a located error unless they are a scalar written after <c>?</c>.
/// </summary>
/// <remarks>
/// Why our own: the YAML library we used refused valid specs (a <c>|+</c> block scalar whose only line is
/// blank and longer than the next key's indentation is an open bug upstream), and its tokenizer allocated
/// about 27 bytes for each byte of spec, which made reading most of the generator's time on a large spec.
/// The reader keeps no recursion: open block collections are a list, open flow collections another, so a
/// deep document costs heap, not stack, and stops at <see cref="NestingLimit.MaxDepth"/> with a located error.
/// </remarks>
internal sealed partial class YamlReader : TextReaderBase
{
    /// <summary>Open block collections, innermost last.</summary>
    private readonly List<BlockFrame> _blocks = new();

    /// <summary>Frames of collections already read, to reuse: a spec has tens of thousands of small mappings.</summary>
    private readonly Stack<BlockFrame> _freeBlocks = new();

    private readonly Dictionary<string, SpecNode> _anchors = new(StringComparer.Ordinal);

    private SpecNode? _root;

    /// <summary>The end of the last node read: where a block collection that ends with it ends.</summary>
    private SpecMark _lastEnd;

    /// <summary>Where the value now awaited would stand if it is empty (just after its ':' or '-').</summary>
    private SpecMark _slotMark;

    /// <summary>Properties (anchor, tag) read but not yet given to a node, and the line they were on.</summary>
    private string? _pendingAnchor;
    private bool _pendingString;
    private int _pendingLine;
    private bool _hasPending;
    private bool _sharesNodes;

    private YamlReader(string text)
        : base(text)
    {
    }

    /// <summary>The first document's root, or null for an empty document.</summary>
    /// <exception cref="SpecSyntaxException">The text is not valid YAML; the exception says where.</exception>
    public static SpecNode? Read(string text) => Read(text, out _);

    /// <param name="text">The YAML text.</param>
    /// <param name="sharesNodes">Whether an alias put one node in more than one place.</param>
    public static SpecNode? Read(string text, out bool sharesNodes)
    {
        var reader = new YamlReader(text);
        var root = reader.ReadDocument();
        sharesNodes = reader._sharesNodes;
        return root;
    }

    private enum LineKind
    {
        Other,
        Dash,
        Colon,
    }

    private SpecNode? ReadDocument()
    {
        var started = false;
        while (!AtEnd)
        {
            if (Position > LineStart)
            {
                // The break of a line a construct has finished with.
                if (!IsBreak(Current))
                {
                    throw Error(Position, "unexpected text after the value");
                }

                SkipBreak();
                continue;
            }

            var indentEnd = Position;
            while (At(indentEnd) == ' ')
            {
                indentEnd++;
            }

            var first = At(indentEnd);
            if (first == '\t' && !RestIsBlank(indentEnd))
            {
                throw Error(indentEnd, "a tab indents this line; YAML indentation must be spaces");
            }

            if (RestIsBlank(indentEnd))
            {
                SkipLine();
                continue;
            }

            var indent = indentEnd - Position;
            if (indent == 0)
            {
                if (first == '%' && !started)
                {
                    SkipLine();
                    continue;
                }

                if (IsDocumentMarker(Position, '-'))
                {
                    if (started)
                    {
                        break;
                    }

                    started = true;
                    Position += 3;
                    SkipSpaces();
                    if (RestIsBlank(Position))
                    {
                        SkipLine();
                    }
                    else
                    {
                        ReadLineContent();
                    }

                    continue;
                }

                if (IsDocumentMarker(Position, '.'))
                {
                    if (started || _root is not null || _blocks.Count > 0)
                    {
                        break;
                    }

                    SkipLine();
                    continue;
                }
            }

            started = true;
            var kind = first == '-' && IsBlankOrEnd(At(indentEnd + 1)) ? LineKind.Dash
                : first == ':' && IsBlankOrEnd(At(indentEnd + 1)) ? LineKind.Colon
                : LineKind.Other;
            CloseBlocks(indent, kind, indentEnd);
            Position = indentEnd;
            ReadLineContent();
        }

        FillSlotWithNull();
        while (_blocks.Count > 0)
        {
            PopBlock();
        }

        return _root;
    }

    /// <summary>
    /// At the start of a line indented by <paramref name="indent"/>: fills an awaited value with null when the
    /// line cannot hold it, and ends every block collection the line is outside of.
    /// </summary>
    private void CloseBlocks(int indent, LineKind kind, int contentStart)
    {
        if (_blocks.Count > 0)
        {
            var top = _blocks[_blocks.Count - 1];
            if (top.ExplicitKey)
            {
                if (indent == top.Indent && kind == LineKind.Colon)
                {
                    return;
                }

                if (indent > top.Indent)
                {
                    throw Error(contentStart, "complex mapping keys are not supported; a key after '?' must be one scalar");
                }

                top.ExplicitKey = false;
            }

            if (SlotOpen)
            {
                if (indent > top.Indent || (top.IsMapping && indent == top.Indent && kind == LineKind.Dash))
                {
                    return;
                }

                FillSlotWithNull();
            }
        }
        else if (_root is null)
        {
            return;
        }

        while (_blocks.Count > 0)
        {
            var top = _blocks[_blocks.Count - 1];
            var compactSequenceEnds = !top.IsMapping && top.Indent == indent && kind != LineKind.Dash
                && _blocks.Count > 1 && _blocks[_blocks.Count - 2].IsMapping && _blocks[_blocks.Count - 2].Indent == indent;
            if (top.Indent <= indent && !compactSequenceEnds)
            {
                break;
            }

            PopBlock();
        }

        if (_blocks.Count == 0)
        {
            throw Error(contentStart, "the document's root node ended before this line");
        }

        if (_blocks[_blocks.Count - 1].Indent < indent)
        {
            throw Error(contentStart, "this line is indented more than the entries before it");
        }
    }

    /// <summary>Whether the next node fills a value: the root, a mapping value or a sequence entry.</summary>
    private bool SlotOpen
    {
        get
        {
            if (_blocks.Count == 0)
            {
                return _root is null;
            }

            var top = _blocks[_blocks.Count - 1];
            return top.IsMapping ? top.Builder.HasPendingKey && !top.ExplicitKey : top.EntryOpen;
        }
    }

    /// <summary>Reads the nodes that start on this line, from <see cref="TextReaderBase.Position"/>.</summary>
    private void ReadLineContent()
    {
        var keyOnThisLine = false;
        while (true)
        {
            var nodeStart = Position;
            var column = Position - LineStart;
            var slotOpen = SlotOpen;
            ReadProperties(flow: false);
            if (RestIsBlank(Position))
            {
                if (Position != nodeStart && !slotOpen)
                {
                    throw Error(nodeStart, "an anchor or tag here has no node to belong to");
                }

                SkipComment();
                return;
            }

            var character = Current;
            var next = At(Position + 1);
            if (character == '-' && IsBlankOrEnd(next))
            {
                if (Position != nodeStart)
                {
                    throw Error(nodeStart, "an anchor or tag cannot stand before a sequence entry on its line");
                }

                if (slotOpen)
                {
                    if (keyOnThisLine)
                    {
                        throw Error(Position, "a block sequence cannot start on the line of its key");
                    }

                    PushBlock(Mark(), isMapping: false, column);
                }
                else if (Top.IsMapping || Top.Indent != column)
                {
                    throw Error(Position, "a sequence entry '- ' where a mapping key was expected");
                }

                Position++;
                _slotMark = Mark();
                Top.EntryOpen = true;
                SkipSpaces();
                continue;
            }

            if (character == '?' && IsBlankOrEnd(next))
            {
                ReadExplicitKey(slotOpen, column, nodeStart);
                return;
            }

            if (character == ':' && IsBlankOrEnd(next) && !slotOpen && _blocks.Count > 0 && Top.ExplicitKey && Top.Indent == column)
            {
                Top.ExplicitKey = false;
                Position++;
                _slotMark = Mark();
                keyOnThisLine = true;
                SkipSpaces();
                continue;
            }

            if (character is '|' or '>')
            {
                RequireSlot(slotOpen, nodeStart);
                Deliver(Complete(ReadBlockScalar(_blocks.Count == 0 ? -1 : Top.Indent), forCollection: false));
                return;
            }

            if (character is '[' or '{' or '*')
            {
                RequireSlot(slotOpen, nodeStart);
                var node = character == '*' ? ReadAlias() : ReadFlow(_blocks.Count == 0 ? -1 : Top.Indent);
                SkipSpaces();
                if (Current == ':' && (IsBlankOrEnd(At(Position + 1)) || character != '*'))
                {
                    throw Error(nodeStart, "complex mapping keys are not supported; a key must be a scalar");
                }

                Deliver(node);
                FinishLine();
                return;
            }

            var startLine = Line;
            var isQuoted = character is '"' or '\'';
            if (!isQuoted && !IsPlainStart(character, next, flow: false))
            {
                throw Error(Position, "unexpected character '" + character + "'");
            }

            var scalarStart = Position;
            var scalar = isQuoted ? ReadQuoted() : ReadPlainFirstLine(flow: false);
            SkipSpaces();
            if (Current == ':' && IsBlankOrEnd(At(Position + 1)))
            {
                if (keyOnThisLine)
                {
                    throw Error(Position, "mapping values are not allowed here");
                }

                if (Line != startLine)
                {
                    throw Error(scalarStart, "a mapping key must be on one line");
                }

                if (slotOpen)
                {
                    PushBlock(MarkAt(nodeStart), isMapping: true, column);
                }
                else if (!Top.IsMapping || Top.Indent != column)
                {
                    throw Error(nodeStart, "a mapping key where a sequence entry '- ' was expected");
                }

                Top.Builder.SetKey(Complete(scalar, forCollection: false));
                Position++;
                _slotMark = Mark();
                keyOnThisLine = true;
                SkipSpaces();
                continue;
            }

            if (!slotOpen)
            {
                throw Error(scalarStart, Top.IsMapping ? "expected 'key: value' here" : "expected a sequence entry '- ' here");
            }

            if (!isQuoted && RestIsBlank(Position) && Current != '#')
            {
                scalar = ReadPlainContinuation(scalar, _blocks.Count == 0 ? -1 : Top.Indent);
            }

            Deliver(Complete(scalar, forCollection: false));
            FinishLine();
            return;
        }
    }

    /// <summary><c>? key</c> then, on a later line at the same indentation, <c>: value</c>: only a one-line scalar key.</summary>
    private void ReadExplicitKey(bool slotOpen, int column, int nodeStart)
    {
        if (slotOpen)
        {
            PushBlock(MarkAt(nodeStart), isMapping: true, column);
        }
        else if (!Top.IsMapping || Top.Indent != column)
        {
            throw Error(nodeStart, "a mapping key where a sequence entry '- ' was expected");
        }

        Position++;
        SkipSpaces();
        ReadProperties(flow: false);
        var character = Current;
        if (RestIsBlank(Position) || (character is not ('"' or '\'') && !IsPlainStart(character, At(Position + 1), flow: false)))
        {
            throw Error(Position, "complex mapping keys are not supported; a key after '?' must be one scalar");
        }

        var key = character is '"' or '\'' ? ReadQuoted() : ReadPlainFirstLine(flow: false);
        Top.Builder.SetKey(Complete(key, forCollection: false));
        Top.ExplicitKey = true;
        FinishLine();
    }

    private void RequireSlot(bool slotOpen, int offset)
    {
        if (!slotOpen)
        {
            throw Error(offset, Top.IsMapping ? "expected 'key: value' here" : "expected a sequence entry '- ' here");
        }
    }

    /// <summary>After a value: only a comment may end the line.</summary>
    private void FinishLine()
    {
        SkipSpaces();
        if (Current == '#' || IsBreak(Current) || AtEnd)
        {
            SkipComment();
            return;
        }

        if (Current == ':' && IsBlankOrEnd(At(Position + 1)))
        {
            throw Error(Position, "mapping values are not allowed here");
        }

        throw Error(Position, "unexpected text after the value");
    }

    private BlockFrame Top => _blocks[_blocks.Count - 1];

    private void PushBlock(SpecMark start, bool isMapping, int indent)
    {
        if (_blocks.Count >= NestingLimit.MaxDepth)
        {
            throw Error(start.Index, NestingLimit.TooDeepMessage);
        }

        var frame = _freeBlocks.Count > 0 ? _freeBlocks.Pop().Reset(start, isMapping, indent) : new BlockFrame(start, isMapping, indent);

        // Properties on an earlier line belong to the collection; on this line, to its first key.
        if (_hasPending && _pendingLine < Line)
        {
            frame.Anchor = _pendingAnchor;
            _hasPending = false;
            _pendingAnchor = null;
            _pendingString = false;
        }

        _blocks.Add(frame);
    }

    private void PopBlock()
    {
        var frame = _blocks[_blocks.Count - 1];
        _blocks.RemoveAt(_blocks.Count - 1);
        var node = frame.Builder.Complete(_lastEnd);
        if (frame.Anchor is not null)
        {
            _anchors[frame.Anchor] = node;
        }

        _freeBlocks.Push(frame);
        Deliver(node);
    }

    /// <summary>A node is complete: it fills the awaited value.</summary>
    private void Deliver(SpecNode node)
    {
        _lastEnd = node.End;
        if (_blocks.Count == 0)
        {
            if (_root is not null)
            {
                throw Error(node.Start.Index, "the document has more than one root node");
            }

            _root = node;
            return;
        }

        var top = Top;
        if (top.IsMapping)
        {
            top.Builder.AddValue(node);
        }
        else
        {
            top.Builder.AddItem(node);
            top.EntryOpen = false;
        }
    }

    private void FillSlotWithNull()
    {
        if (_blocks.Count > 0 && SlotOpen)
        {
            Deliver(Complete(new SpecScalar(string.Empty, isPlain: true, _slotMark, _slotMark), forCollection: false));
        }
        else if (_blocks.Count > 0 && Top.ExplicitKey)
        {
            Top.ExplicitKey = false;
            Deliver(new SpecScalar(string.Empty, isPlain: true, _lastEnd, _lastEnd));
        }
    }

    /// <summary>Gives the pending properties to a scalar or flow node: its anchor, and <c>!!str</c>.</summary>
    private SpecNode Complete(SpecNode node, bool forCollection)
    {
        if (!_hasPending)
        {
            return node;
        }

        if (_pendingString && !forCollection && node is SpecScalar { IsPlain: true } plain)
        {
            node = new SpecScalar(plain.Value, isPlain: false, plain.Start, plain.End);
        }

        if (_pendingAnchor is not null)
        {
            _anchors[_pendingAnchor] = node;
        }

        _hasPending = false;
        _pendingAnchor = null;
        _pendingString = false;
        return node;
    }

    private SpecScalar Complete(SpecScalar scalar, bool forCollection) => (SpecScalar)Complete((SpecNode)scalar, forCollection);

    /// <summary>Reads <c>&amp;anchor</c> and <c>!tag</c> before a node, each followed by separation.</summary>
    private void ReadProperties(bool flow)
    {
        while (Current is '&' or '!')
        {
            var start = Position;
            var marker = Current;
            Position++;
            while (!AtEnd && !IsBlankOrEnd(Current) && !(flow && IsFlowIndicator(Current)))
            {
                Position++;
            }

            if (marker == '&')
            {
                if (Position == start + 1)
                {
                    throw Error(start, "an anchor needs a name");
                }

                _pendingAnchor = Text.Substring(start + 1, Position - start - 1);
            }
            else
            {
                _pendingString |= Position - start == 5 && string.CompareOrdinal(Text, start, "!!str", 0, 5) == 0;
            }

            _hasPending = true;
            _pendingLine = Line;
            SkipSpaces();
        }
    }

    private SpecNode ReadAlias()
    {
        var start = Position;
        Position++;
        while (!AtEnd && !IsBlankOrEnd(Current) && !IsFlowIndicator(Current))
        {
            Position++;
        }

        var name = Text.Substring(start + 1, Position - start - 1);
        if (_hasPending)
        {
            throw Error(start, "an alias cannot have an anchor or tag");
        }

        if (!_anchors.TryGetValue(name, out var node))
        {
            throw Error(start, "the alias '*" + name + "' names no anchor before it");
        }

        _sharesNodes = true;
        return node;
    }

    private bool IsDocumentMarker(int offset, char marker) =>
        offset == LineStart && At(offset) == marker && At(offset + 1) == marker && At(offset + 2) == marker && IsBlankOrEnd(At(offset + 3));

    /// <summary>Only spaces, tabs or a comment from <paramref name="offset"/> to the end of the line.</summary>
    private bool RestIsBlank(int offset)
    {
        while (At(offset) is ' ' or '\t')
        {
            offset++;
        }

        return offset >= Text.Length || IsBreak(Text[offset]) || (Text[offset] == '#' && (offset == LineStart || Text[offset - 1] is ' ' or '\t'));
    }

    private void SkipSpaces()
    {
        while (Current is ' ' or '\t')
        {
            Position++;
        }
    }

    /// <summary>To the end of the line (not past its break).</summary>
    private void SkipComment()
    {
        while (!AtEnd && !IsBreak(Current))
        {
            Position++;
        }
    }

    private void SkipLine()
    {
        SkipComment();
        if (!AtEnd)
        {
            SkipBreak();
        }
    }

    private static bool IsBlankOrEnd(char character) => character is ' ' or '\t' or '\n' or '\r' or '\0';

    private static bool IsFlowIndicator(char character) => character is ',' or '[' or ']' or '{' or '}';

    /// <summary>A block collection being read: its entries stand at <see cref="Indent"/>.</summary>
    private sealed class BlockFrame
    {
        public BlockFrame(SpecMark start, bool isMapping, int indent)
        {
            Builder = new ContainerBuilder(start, isMapping);
            Indent = indent;
            IsMapping = isMapping;
        }

        public ContainerBuilder Builder { get; }

        public int Indent { get; private set; }

        public bool IsMapping { get; private set; }

        public BlockFrame Reset(SpecMark start, bool isMapping, int indent)
        {
            Builder.Reset(start, isMapping);
            Indent = indent;
            IsMapping = isMapping;
            EntryOpen = false;
            ExplicitKey = false;
            Anchor = null;
            return this;
        }

        /// <summary>A sequence's '- ' has been read and its entry has not.</summary>
        public bool EntryOpen { get; set; }

        /// <summary>A mapping's '? key' has been read, and its ': value' line has not.</summary>
        public bool ExplicitKey { get; set; }

        public string? Anchor { get; set; }
    }
}
