using System;
using System.Text;

namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>Scalars: plain (one line or folded over several), single- and double-quoted, literal and folded blocks.</summary>
internal sealed partial class YamlReader
{
    /// <summary>Whether a plain scalar may start here: not at an indicator, but '-', '?' and ':' may begin a word.</summary>
    private static bool IsPlainStart(char character, char next, bool flow)
    {
        switch (character)
        {
            case '\0' or ' ' or '\t' or '\r' or '\n':
                return false;
            case '-' or '?' or ':':
                return !IsBlankOrEnd(next) && !(flow && IsFlowIndicator(next));
            case ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`':
                return false;
            default:
                return true;
        }
    }

    /// <summary>The plain scalar's part on this line: up to ': ', ' #', the line's end, or in flow a flow indicator.</summary>
    private SpecScalar ReadPlainFirstLine(bool flow)
    {
        var start = Position;
        var end = ScanPlainLine(flow);
        return new SpecScalar(Slice(start, end), isPlain: true, MarkAt(start), MarkAt(end));
    }

    /// <summary>Moves to the end of the plain text on this line (trailing spaces left out) and returns it.</summary>
    private int ScanPlainLine(bool flow)
    {
        var start = Position;
        var end = Position;
        var index = Position;
        while (index < Text.Length)
        {
            var character = Text[index];
            if (IsBreak(character)
                || (character == ':' && (IsBlankOrEnd(At(index + 1)) || (flow && IsFlowIndicator(At(index + 1)))))
                || (character == '#' && index > start && Text[index - 1] is ' ' or '\t')
                || (flow && IsFlowIndicator(character)))
            {
                break;
            }

            index++;
            if (character is not (' ' or '\t'))
            {
                end = index;
            }
        }

        Position = end;
        return end;
    }

    /// <summary>
    /// Continues a plain scalar over the lines after it that are indented more than <paramref name="parentIndent"/>:
    /// one line break folds to a space, each blank line between is a line feed.
    /// </summary>
    private SpecScalar ReadPlainContinuation(SpecScalar first, int parentIndent, bool flow = false)
    {
        StringBuilder? builder = null;
        var end = first.End;
        while (!AtEnd)
        {
            var saved = Save();
            SkipBreak();
            var emptyLines = 0;
            var continues = false;
            while (true)
            {
                var index = Position;
                while (At(index) == ' ')
                {
                    index++;
                }

                var indent = index - Position;
                while (At(index) is ' ' or '\t')
                {
                    index++;
                }

                if (index >= Text.Length)
                {
                    break;
                }

                var character = Text[index];
                if (IsBreak(character))
                {
                    emptyLines++;
                    Position = index;
                    SkipBreak();
                    continue;
                }

                var ends = character == '#'
                    || (!flow && indent <= parentIndent)
                    || (indent == 0 && (IsDocumentMarker(Position, '-') || IsDocumentMarker(Position, '.')))
                    || (flow && (IsFlowIndicator(character) || (character == ':' && IsBlankOrEnd(At(index + 1)))));
                if (!ends)
                {
                    Position = index;
                    continues = true;
                }

                break;
            }

            if (!continues)
            {
                Restore(saved);
                break;
            }

            var segmentStart = Position;
            var segmentEnd = ScanPlainLine(flow);
            if (!flow && segmentEnd == segmentStart)
            {
                throw Error(segmentStart, "mapping values are not allowed here");
            }

            builder ??= Builder().Append(first.Value);
            if (emptyLines == 0)
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append('\n', emptyLines);
            }

            builder.Append(Text, segmentStart, segmentEnd - segmentStart);
            end = Mark();
            SkipSpaces();
            if (!flow && Current == ':' && IsBlankOrEnd(At(Position + 1)))
            {
                throw Error(Position, "mapping values are not allowed here");
            }

            if (!AtEnd && !IsBreak(Current))
            {
                break;
            }
        }

        return builder is null ? first : new SpecScalar(builder.ToString(), isPlain: true, first.Start, end);
    }

    /// <summary>A single- or double-quoted scalar, which may run over several lines (folded as a plain scalar is).</summary>
    private SpecScalar ReadQuoted()
    {
        var quote = Current;
        var start = Position;
        var startMark = Mark();
        Position++;
        var segmentStart = Position;
        StringBuilder? builder = null;
        while (true)
        {
            if (AtEnd)
            {
                throw Error(start, "a quoted scalar that is never closed");
            }

            var character = Text[Position];
            if (character == quote)
            {
                if (quote == '\'' && At(Position + 1) == '\'')
                {
                    (builder ??= Builder()).Append(Text, segmentStart, Position - segmentStart).Append('\'');
                    Position += 2;
                    segmentStart = Position;
                    continue;
                }

                var value = builder is null ? Slice(segmentStart, Position) : builder.Append(Text, segmentStart, Position - segmentStart).ToString();
                Position++;
                return new SpecScalar(value, isPlain: false, startMark, Mark());
            }

            if (character == '\\' && quote == '"')
            {
                builder ??= Builder();
                builder.Append(Text, segmentStart, Position - segmentStart);
                if (IsBreak(At(Position + 1)))
                {
                    // An escaped line break joins the lines without a space.
                    Position++;
                    FoldQuotedBreak(builder, escaped: true);
                }
                else
                {
                    AppendEscape(builder);
                }

                segmentStart = Position;
                continue;
            }

            if (IsBreak(character))
            {
                builder ??= Builder();
                var segmentEnd = Position;
                while (segmentEnd > segmentStart && Text[segmentEnd - 1] is ' ' or '\t')
                {
                    segmentEnd--;
                }

                builder.Append(Text, segmentStart, segmentEnd - segmentStart);
                FoldQuotedBreak(builder, escaped: false);
                segmentStart = Position;
                continue;
            }

            Position++;
        }
    }

    /// <summary>At a break inside quotes: the break and the next line's indentation become one space, or one line feed per blank line.</summary>
    private void FoldQuotedBreak(StringBuilder builder, bool escaped)
    {
        SkipBreak();
        SkipSpaces();
        var emptyLines = 0;
        while (!AtEnd && IsBreak(Current))
        {
            emptyLines++;
            SkipBreak();
            SkipSpaces();
        }

        if (emptyLines > 0)
        {
            builder.Append('\n', emptyLines);
        }
        else if (!escaped)
        {
            builder.Append(' ');
        }
    }

    private void AppendEscape(StringBuilder builder)
    {
        var escape = At(Position + 1);
        var replacement = escape switch
        {
            '0' => '\0',
            'a' => '\a',
            'b' => '\b',
            't' or '\t' => '\t',
            'n' => '\n',
            'v' => '\v',
            'f' => '\f',
            'r' => '\r',
            'e' => '\u001b',
            ' ' => ' ',
            '"' => '"',
            '/' => '/',
            '\\' => '\\',
            'N' => '\u0085',
            '_' => '\u00a0',
            'L' => '\u2028',
            'P' => '\u2029',
            _ => '\uffff',
        };
        if (replacement != '\uffff')
        {
            builder.Append(replacement);
            Position += 2;
            return;
        }

        var digits = escape switch
        {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        var code = 0;
        for (var i = 0; i < digits; i++)
        {
            var digit = HexValue(At(Position + 2 + i));
            if (digit < 0)
            {
                digits = 0;
                break;
            }

            code = (code * 16) + digit;
        }

        if (digits == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF && digits == 8))
        {
            throw Error(Position, "'\\" + escape + "' is not a valid escape in a double-quoted scalar");
        }

        if (code > 0xFFFF)
        {
            builder.Append(char.ConvertFromUtf32(code));
        }
        else
        {
            builder.Append((char)code);
        }

        Position += 2 + digits;
    }

    private static int HexValue(char character) => character switch
    {
        >= '0' and <= '9' => character - '0',
        >= 'a' and <= 'f' => character - 'a' + 10,
        >= 'A' and <= 'F' => character - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar whose lines are indented more than
    /// <paramref name="parentIndent"/>, with its chomping (<c>-</c> strip, <c>+</c> keep, clip by default)
    /// and optional indentation indicator. Leaves the reader at the start of the first line after it.
    /// </summary>
    private SpecScalar ReadBlockScalar(int parentIndent)
    {
        var startMark = Mark();
        var folded = Current == '>';
        Position++;
        var explicitIndent = 0;
        var chomping = ' ';
        for (var i = 0; i < 2; i++)
        {
            if (Current is '+' or '-' && chomping == ' ')
            {
                chomping = Current;
                Position++;
            }
            else if (Current is >= '1' and <= '9' && explicitIndent == 0)
            {
                explicitIndent = Current - '0';
                Position++;
            }
        }

        SkipSpaces();
        if (!AtEnd && !IsBreak(Current) && !(Current == '#' && Text[Position - 1] is ' ' or '\t'))
        {
            throw Error(Position, "unexpected text after the block scalar's indicator");
        }

        SkipComment();
        var end = Mark();
        if (AtEnd)
        {
            return new SpecScalar(string.Empty, isPlain: false, startMark, end);
        }

        SkipBreak();
        var indent = explicitIndent > 0 ? Math.Max(parentIndent, 0) + explicitIndent : DetectBlockIndent(parentIndent);

        var builder = Builder();
        var pendingBreak = false;
        var trailingBreaks = 0;
        var previousMoreIndented = false;
        while (!AtEnd)
        {
            var lineBegin = Position;
            var index = Position;
            while (At(index) == ' ')
            {
                index++;
            }

            var spaces = index - lineBegin;
            if ((index >= Text.Length || IsBreak(Text[index])) && spaces <= indent)
            {
                Position = index;
                if (AtEnd)
                {
                    break;
                }

                trailingBreaks++;
                SkipBreak();
                continue;
            }

            if (spaces < indent || (indent == 0 && (IsDocumentMarker(lineBegin, '-') || IsDocumentMarker(lineBegin, '.'))))
            {
                break;
            }

            var contentStart = lineBegin + indent;
            var lineEnd = contentStart;
            while (lineEnd < Text.Length && !IsBreak(Text[lineEnd]))
            {
                lineEnd++;
            }

            // Folding joins two lines of text with a space; around a more-indented line, and across blank
            // lines, the breaks stay as written.
            var moreIndented = At(contentStart) is ' ' or '\t';
            if (folded && pendingBreak && !previousMoreIndented && !moreIndented)
            {
                if (trailingBreaks == 0)
                {
                    builder.Append(' ');
                }
            }
            else if (pendingBreak)
            {
                builder.Append('\n');
            }

            builder.Append('\n', trailingBreaks);
            trailingBreaks = 0;
            previousMoreIndented = moreIndented;
            builder.Append(Text, contentStart, lineEnd - contentStart);
            Position = lineEnd;
            end = Mark();
            pendingBreak = false;
            if (AtEnd)
            {
                break;
            }

            SkipBreak();
            pendingBreak = true;
        }

        if (chomping != '-' && pendingBreak)
        {
            builder.Append('\n');
        }

        if (chomping == '+')
        {
            builder.Append('\n', trailingBreaks);
        }

        return new SpecScalar(builder.ToString(), isPlain: false, startMark, end);
    }

    /// <summary>
    /// The content indentation of a block scalar without an indentation indicator (YAML 1.2, 8.1.1.1): the
    /// spaces before its first line of text. Blank lines may come first, but none may hold more spaces than
    /// that line. When no line of text follows (the scalar is only blank lines, or nothing), the longest of
    /// those blank lines sets the indentation, and never less than one more than the parent's: so a keep
    /// scalar (<c>|+</c>) whose only line is blank and long keeps that line as one line feed.
    /// </summary>
    private int DetectBlockIndent(int parentIndent)
    {
        var longestBlank = 0;
        var longestBlankAt = Position;
        var index = Position;
        while (index < Text.Length)
        {
            var lineBegin = index;
            while (At(index) == ' ')
            {
                index++;
            }

            var spaces = index - lineBegin;
            if (index >= Text.Length)
            {
                break;
            }

            if (!IsBreak(Text[index]))
            {
                if (spaces <= parentIndent)
                {
                    break;
                }

                if (longestBlank > spaces)
                {
                    throw Error(longestBlankAt, "a blank line at the start of this block scalar holds more spaces than its first line of text");
                }

                return spaces;
            }

            if (spaces > longestBlank)
            {
                longestBlank = spaces;
                longestBlankAt = lineBegin;
            }

            index += Text[index] == '\r' && At(index + 1) == '\n' ? 2 : 1;
        }

        return Math.Max(longestBlank, parentIndent + 1);
    }
}
