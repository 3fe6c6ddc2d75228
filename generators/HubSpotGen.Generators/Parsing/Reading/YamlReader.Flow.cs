using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>Flow collections (<c>[a, b]</c>, <c>{a: 1}</c>), read with an explicit stack of open brackets.</summary>
internal sealed partial class YamlReader
{
    private readonly List<FlowFrame> _flow = new();

    private readonly Stack<FlowFrame> _freeFlow = new();

    private enum FlowState
    {
        /// <summary>At a mapping's key or a sequence's item.</summary>
        Start,

        /// <summary>A mapping's key is read; a ':' or the entry's end comes next.</summary>
        AfterKey,

        /// <summary>After a mapping's ':'.</summary>
        ExpectValue,

        /// <summary>An entry is read; ',' or the closing bracket comes next.</summary>
        AfterEntry,
    }

    /// <summary>
    /// The flow collection at the reader, whose lines must be indented more than <paramref name="blockIndent"/>
    /// (the block collection it is in), but for a line that closes it.
    /// </summary>
    private SpecNode ReadFlow(int blockIndent)
    {
        _flow.Clear();
        OpenFlow();

        // Just after a quoted scalar or a closed collection, ':' is a value indicator even without a space (JSON style).
        var adjacent = -1;
        while (true)
        {
            SkipFlowSpace(blockIndent);
            var top = _flow[_flow.Count - 1];
            var character = Current;
            var next = At(Position + 1);
            if (character is ']' or '}')
            {
                if (top.IsPair)
                {
                    ClosePair();
                    continue;
                }

                if (character != top.Closer)
                {
                    throw Error(Position, "expected ',' or '" + top.Closer + "' but found '" + character + "'");
                }

                FinishFlowEntry(top);
                Position++;
                adjacent = Position;
                var node = top.Builder.Complete(Mark());
                if (top.Anchor is not null)
                {
                    _anchors[top.Anchor] = node;
                }

                _flow.RemoveAt(_flow.Count - 1);
                _freeFlow.Push(top);
                if (_flow.Count == 0)
                {
                    return node;
                }

                DeliverFlow(node);
                continue;
            }

            if (character == ',')
            {
                if (top.IsPair)
                {
                    ClosePair();
                    continue;
                }

                if (top.State == FlowState.Start)
                {
                    throw Error(Position, "unexpected ','");
                }

                FinishFlowEntry(top);
                top.State = FlowState.Start;
                Position++;
                continue;
            }

            if (character == ':' && (IsBlankOrEnd(next) || IsFlowIndicator(next) || Position == adjacent))
            {
                if (top.IsMapping && top.State == FlowState.AfterKey)
                {
                    top.State = FlowState.ExpectValue;
                    Position++;
                    continue;
                }

                if (!top.IsMapping && top.State == FlowState.AfterEntry)
                {
                    StartPair(top);
                    Position++;
                    continue;
                }

                throw Error(Position, top.IsMapping && top.State == FlowState.Start ? "a mapping key is missing before ':'" : "unexpected ':'");
            }

            if (top.State is FlowState.AfterKey or FlowState.AfterEntry)
            {
                throw Error(Position, "expected ',' or '" + top.Closer + "' but found '" + character + "'");
            }

            if (character == '?' && IsBlankOrEnd(next))
            {
                throw Error(Position, "complex mapping keys are not supported; a key must be a scalar");
            }

            ReadProperties(flow: true);
            if (_hasPending)
            {
                SkipFlowSpace(blockIndent);
            }

            character = Current;
            if (character is '[' or '{')
            {
                OpenFlow();
                continue;
            }

            SpecNode scalar;
            if (character == '*')
            {
                scalar = ReadAlias();
            }
            else if (character is '"' or '\'')
            {
                scalar = Complete(ReadQuoted(), forCollection: false);
                adjacent = Position;
            }
            else if (IsPlainStart(character, At(Position + 1), flow: true))
            {
                var first = ReadPlainFirstLine(flow: true);
                SkipSpaces();
                scalar = Complete(AtEnd || IsBreak(Current) ? ReadPlainContinuation(first, blockIndent, flow: true) : first, forCollection: false);
            }
            else if (_hasPending && character is ',' or ']' or '}')
            {
                // Properties with no node after them: an empty scalar.
                scalar = Complete(new SpecScalar(string.Empty, isPlain: true, Mark(), Mark()), forCollection: false);
            }
            else
            {
                throw Error(Position, "unexpected character '" + character + "'");
            }

            DeliverFlow(scalar);
        }
    }

    private void OpenFlow()
    {
        if (_blocks.Count + _flow.Count >= NestingLimit.MaxDepth)
        {
            throw Error(Position, NestingLimit.TooDeepMessage);
        }

        var isMapping = Current == '{';
        var frame = NewFlowFrame(Mark(), isMapping, isMapping ? '}' : ']', isPair: false);
        frame.Anchor = _pendingAnchor;
        _hasPending = false;
        _pendingAnchor = null;
        _pendingString = false;
        Position++;
        _flow.Add(frame);
    }

    /// <summary><c>[a: b]</c>: an entry followed by ':' is the key of a mapping with one pair.</summary>
    private void StartPair(FlowFrame sequence)
    {
        var item = sequence.Pending!;
        sequence.Pending = null;
        if (item is not SpecScalar key)
        {
            throw Error(item.Start.Index, "complex mapping keys are not supported; a key must be a scalar");
        }

        if (_blocks.Count + _flow.Count >= NestingLimit.MaxDepth)
        {
            throw Error(Position, NestingLimit.TooDeepMessage);
        }

        var pair = NewFlowFrame(key.Start, isMapping: true, sequence.Closer, isPair: true);
        pair.Builder.SetKey(key);
        pair.State = FlowState.ExpectValue;
        _flow.Add(pair);
    }

    private void ClosePair()
    {
        var pair = _flow[_flow.Count - 1];
        if (pair.State == FlowState.ExpectValue)
        {
            pair.Builder.AddValue(new SpecScalar(string.Empty, isPlain: true, Mark(), Mark()));
        }

        _flow.RemoveAt(_flow.Count - 1);
        var sequence = _flow[_flow.Count - 1];
        sequence.Pending = pair.Builder.Complete(_lastEnd);
        _freeFlow.Push(pair);
        sequence.State = FlowState.AfterEntry;
    }

    private FlowFrame NewFlowFrame(SpecMark start, bool isMapping, char closer, bool isPair) =>
        _freeFlow.Count > 0 ? _freeFlow.Pop().Reset(start, isMapping, closer, isPair) : new FlowFrame(start, isMapping, closer, isPair);

    private void FinishFlowEntry(FlowFrame frame)
    {
        if (frame.IsMapping)
        {
            if (frame.State is FlowState.AfterKey or FlowState.ExpectValue)
            {
                frame.Builder.AddValue(new SpecScalar(string.Empty, isPlain: true, Mark(), Mark()));
            }
        }
        else if (frame.Pending is not null)
        {
            frame.Builder.AddItem(frame.Pending);
            frame.Pending = null;
        }
    }

    private void DeliverFlow(SpecNode node)
    {
        _lastEnd = node.End;
        var top = _flow[_flow.Count - 1];
        if (!top.IsMapping)
        {
            top.Pending = node;
            top.State = FlowState.AfterEntry;
            return;
        }

        if (top.State == FlowState.Start)
        {
            if (node is not SpecScalar key)
            {
                throw Error(node.Start.Index, "complex mapping keys are not supported; a key must be a scalar");
            }

            top.Builder.SetKey(key);
            top.State = FlowState.AfterKey;
            return;
        }

        top.Builder.AddValue(node);
        top.State = FlowState.AfterEntry;
        if (top.IsPair)
        {
            ClosePair();
        }
    }

    /// <summary>Spaces, comments and line breaks between flow tokens; a line that leaves the flow unclosed is an error there.</summary>
    private void SkipFlowSpace(int blockIndent)
    {
        while (true)
        {
            if (AtEnd)
            {
                throw Unclosed();
            }

            var character = Current;
            if (character is ' ' or '\t')
            {
                Position++;
            }
            else if (character == '#' && (Position == LineStart || Text[Position - 1] is ' ' or '\t'))
            {
                SkipComment();
            }
            else if (IsBreak(character))
            {
                SkipBreak();
                var index = Position;
                while (At(index) == ' ')
                {
                    index++;
                }

                if (!RestIsBlank(index)
                    && ((index - Position <= blockIndent && At(index) is not (']' or '}'))
                        || IsDocumentMarker(Position, '-') || IsDocumentMarker(Position, '.')))
                {
                    throw Unclosed();
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>The innermost bracket still open: the one a truncated or mistyped line left unclosed.</summary>
    private SpecSyntaxException Unclosed()
    {
        for (var i = _flow.Count - 1; i >= 0; i--)
        {
            if (!_flow[i].IsPair)
            {
                var frame = _flow[i];
                return Error(frame.Builder.Start.Index, "the '" + (frame.IsMapping ? '{' : '[') + "' opened here is not closed");
            }
        }

        return Error(Position, "a flow collection is not closed");
    }

    private sealed class FlowFrame
    {
        public FlowFrame(SpecMark start, bool isMapping, char closer, bool isPair)
        {
            Builder = new ContainerBuilder(start, isMapping);
            Reset(start, isMapping, closer, isPair);
        }

        public ContainerBuilder Builder { get; }

        public char Closer { get; private set; }

        public bool IsMapping { get; private set; }

        /// <summary>The one-pair mapping of <c>[key: value]</c>, closed by the sequence's ',' or ']'.</summary>
        public bool IsPair { get; private set; }

        public FlowFrame Reset(SpecMark start, bool isMapping, char closer, bool isPair)
        {
            Builder.Reset(start, isMapping);
            Closer = closer;
            IsMapping = isMapping;
            IsPair = isPair;
            State = FlowState.Start;
            Pending = null;
            Anchor = null;
            return this;
        }

        public FlowState State { get; set; }

        /// <summary>A sequence's last entry, added at its ',' or ']' unless a ':' makes it a key.</summary>
        public SpecNode? Pending { get; set; }

        public string? Anchor { get; set; }
    }
}
