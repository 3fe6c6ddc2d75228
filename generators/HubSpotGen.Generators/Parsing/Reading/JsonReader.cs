using System.Collections.Generic;
using System.Globalization;

namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>
/// Strict JSON, for specs written in JSON. JSON is also YAML, but read as YAML some broken JSON (a missing
/// comma between members, say) is still accepted, and a mistake is then reported far from where it is, or
/// not at all. One pass, with an explicit stack: nesting is bounded by <see cref="NestingLimit"/>, not by
/// the thread's stack.
/// </summary>
internal sealed class JsonReader : TextReaderBase
{
    private JsonReader(string text)
        : base(text)
    {
    }

    /// <summary>Whether the text is JSON rather than YAML: its first significant character opens an object or array.</summary>
    public static bool LooksLikeJson(string text)
    {
        foreach (var character in text)
        {
            if (character is '\uFEFF' or ' ' or '\t' or '\r' or '\n')
            {
                continue;
            }

            return character is '{' or '[';
        }

        return false;
    }

    /// <exception cref="SpecSyntaxException">The text is not valid JSON; the exception says where.</exception>
    public static SpecNode Read(string text) => new JsonReader(text).ReadDocument();

    private SpecNode ReadDocument()
    {
        var open = new Stack<ContainerBuilder>();

        // Builders of containers already read, to reuse: a spec has tens of thousands of small objects.
        var free = new Stack<ContainerBuilder>();
        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                throw Error(Position, "the JSON ends where a value was expected");
            }

            SpecNode? completed;
            var character = Current;
            if (character is '{' or '[')
            {
                if (open.Count >= NestingLimit.MaxDepth)
                {
                    throw Error(Position, NestingLimit.TooDeepMessage);
                }

                var start = Mark();
                Position++;
                var container = free.Count > 0 ? free.Pop().Reset(start, character == '{') : new ContainerBuilder(start, character == '{');
                SkipWhitespace();
                if (Current == (character == '{' ? '}' : ']'))
                {
                    Position++;
                    completed = container.Complete(Mark());
                    free.Push(container);
                }
                else
                {
                    open.Push(container);
                    if (character == '{')
                    {
                        container.SetKey(ReadMemberName());
                    }

                    continue;
                }
            }
            else
            {
                completed = ReadScalar();
            }

            // A value is complete: add it, then close every container that ends here.
            while (true)
            {
                if (open.Count == 0)
                {
                    SkipWhitespace();
                    if (!AtEnd)
                    {
                        throw Error(Position, "unexpected text after the end of the JSON document");
                    }

                    return completed;
                }

                var parent = open.Peek();
                var isObject = parent.IsMapping;
                if (isObject)
                {
                    parent.AddValue(completed);
                }
                else
                {
                    parent.AddItem(completed);
                }

                SkipWhitespace();
                if (AtEnd)
                {
                    throw Error(Position, "the JSON ends inside an unclosed " + (isObject ? "object" : "array"));
                }

                var next = Current;
                if (next == ',')
                {
                    Position++;
                    if (isObject)
                    {
                        SkipWhitespace();
                        parent.SetKey(ReadMemberName());
                    }

                    break;
                }

                if (next != (isObject ? '}' : ']'))
                {
                    throw Error(Position, "expected ',' or '" + (isObject ? "}" : "]") + "' but found '" + next + "'");
                }

                Position++;
                var closed = open.Pop();
                completed = closed.Complete(Mark());
                free.Push(closed);
            }
        }
    }

    /// <summary>Reads <c>"name"</c> and the colon after it.</summary>
    private SpecScalar ReadMemberName()
    {
        if (Current != '"')
        {
            throw Error(Position, "expected a quoted member name");
        }

        var name = ReadString();
        SkipWhitespace();
        if (Current != ':')
        {
            throw Error(Position, "expected ':' after the member name");
        }

        Position++;
        return name;
    }

    private SpecScalar ReadScalar()
    {
        if (Current == '"')
        {
            return ReadString();
        }

        var start = Position;
        while (!AtEnd && (char.IsLetterOrDigit(Current) || Current is '-' or '+' or '.'))
        {
            Position++;
        }

        if (Position == start)
        {
            throw Error(start, "unexpected character '" + Text[start] + "'");
        }

        var word = Slice(start, Position);
        if (word is not ("true" or "false" or "null") && !IsNumber(word))
        {
            throw Error(start, "'" + word + "' is not a JSON value");
        }

        return new SpecScalar(word, isPlain: true, MarkAt(start), Mark());
    }

    private SpecScalar ReadString()
    {
        var start = Position++;
        var startMark = MarkAt(start);
        var contentStart = Position;
        System.Text.StringBuilder? builder = null;
        while (!AtEnd)
        {
            var character = Text[Position];
            if (character == '"')
            {
                var value = builder is null ? Slice(contentStart, Position) : builder.Append(Text, contentStart, Position - contentStart).ToString();
                Position++;
                return new SpecScalar(value, isPlain: false, startMark, Mark());
            }

            if (IsBreak(character))
            {
                break;
            }

            if (character != '\\')
            {
                Position++;
                continue;
            }

            builder ??= Builder();
            builder.Append(Text, contentStart, Position - contentStart);
            var escape = At(Position + 1);
            switch (escape)
            {
                case '"' or '\\' or '/':
                    builder.Append(escape);
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u' when Position + 6 <= Text.Length
                    && int.TryParse(Text.Substring(Position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    Position += 4;
                    break;
                default:
                    throw Error(Position, "'\\" + escape + "' is not a JSON escape");
            }

            Position += 2;
            contentStart = Position;
        }

        throw Error(start, "a string that is never closed");
    }

    private static bool IsNumber(string word) =>
        word.Length > 0 && (char.IsDigit(word[0]) || (word[0] == '-' && word.Length > 1))
        && double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private void SkipWhitespace()
    {
        while (!AtEnd)
        {
            switch (Text[Position])
            {
                case ' ' or '\t' or '\uFEFF':
                    Position++;
                    break;
                case '\n' or '\r':
                    SkipBreak();
                    break;
                default:
                    return;
            }
        }
    }
}
