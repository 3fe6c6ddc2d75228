using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace HubSpotGen.Generators.Emitting;

/// <summary>Builds C# text with "\n" line ends and four-space indentation, whatever the host platform.</summary>
internal sealed class SourceWriter
{
    private static readonly char[] XmlSpecials = { '&', '<', '>' };

    /// <summary>A model file is a few thousand characters; builders up to this size are kept for the next file.</summary>
    private const int MaxSpareCapacity = 256 * 1024;

    /// <summary>
    /// The builder of the last file written on this thread, emptied: thousands of files are written one
    /// after another, and growing a fresh builder for each was a good part of what the emitter allocated.
    /// </summary>
    [System.ThreadStatic]
    private static StringBuilder? t_spareBuilder;

    /// <summary>
    /// Roslyn keeps a text of this many characters or more in chunks, each below the large object heap; a string
    /// of that length would be on it.
    /// </summary>
    private const int LargeTextLength = 40 * 1024;

    private readonly StringBuilder _builder;
    private int _indent;

    public SourceWriter()
    {
        _builder = t_spareBuilder ?? new StringBuilder(8 * 1024);
        t_spareBuilder = null;
    }

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            StartLine().Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>One line of a few pieces, appended as they are: the lines written for every property and
    /// operation would otherwise each be joined into a string first, only to be copied.</summary>
    public SourceWriter Line(string first, string second, string third = "", string fourth = "", string fifth = "")
    {
        if (first.Length + second.Length + third.Length + fourth.Length + fifth.Length > 0)
        {
            StartLine().Append(first).Append(second).Append(third).Append(fourth).Append(fifth);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>
    /// Writes text of several lines (a raw string template), each at the current indentation; blank lines
    /// stay empty. The template's own line ends, whatever a checkout made of them, become "\n".
    /// </summary>
    public SourceWriter Block(string text)
    {
        // Line by line in place: templates are most of the text written, and splitting them cost a string per line.
        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            var length = (end < 0 ? text.Length : end) - start;
            if (end >= 0 && length > 0 && text[start + length - 1] == '\r')
            {
                length--;
            }

            if (length > 0)
            {
                StartLine().Append(text, start, length);
            }

            _builder.Append('\n');
            if (end < 0)
            {
                return this;
            }

            start = end + 1;
        }
    }

    /// <summary>The builder, at the start of a line that is not empty: indented.</summary>
    private StringBuilder StartLine() => _builder.Append(' ', _indent * 4);

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Indents what follows one level more, after a template that opened a brace itself.</summary>
    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Close(string closing = "}")
    {
        _indent--;
        return Line(closing);
    }

    /// <summary>Writes an XML doc element, one <c>///</c> line per line of the spec's text.</summary>
    public SourceWriter Doc(string element, string? text, string attributes = "")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        // Doc comments are a large share of the output: written straight into the builder, piece by piece.
        var escaped = EscapeXml(CommentSafe(text!).Trim());
        if (escaped.IndexOf('\n') < 0)
        {
            StartLine().Append("/// <").Append(element).Append(attributes).Append('>').Append(escaped).Append("</").Append(element).Append(">\n");
            return this;
        }

        StartLine().Append("/// <").Append(element).Append(attributes).Append(">\n");
        var start = 0;
        while (start <= escaped.Length)
        {
            var end = escaped.IndexOf('\n', start);
            if (end < 0)
            {
                end = escaped.Length;
            }

            // Each line without its trailing white space, and "///" alone for an empty one.
            var last = end - 1;
            while (last >= start && char.IsWhiteSpace(escaped[last]))
            {
                last--;
            }

            StartLine().Append("///");
            if (last >= start)
            {
                _builder.Append(' ').Append(escaped, start, last - start + 1);
            }

            _builder.Append('\n');
            start = end + 1;
        }

        StartLine().Append("/// </").Append(element).Append(">\n");
        return this;
    }

    public override string ToString() => _builder.ToString();

    /// <summary>The file's text; the writer is done with, and its builder is kept for the next file.</summary>
    public SourceText Finish()
    {
        // A file too big for one string below the large object heap (the client of a big spec is megabytes)
        // is handed over in chunks, which Roslyn keeps as chunks: one such string per build made the GC collect
        // every generation, and that cost more than writing the text.
        var text = _builder.Length < LargeTextLength
            ? SourceText.From(_builder.ToString(), Encoding.UTF8)
            : SourceText.From(new BuilderReader(_builder), _builder.Length, Encoding.UTF8);
        if (_builder.Capacity <= MaxSpareCapacity)
        {
            _builder.Clear();
            t_spareBuilder = _builder;
        }

        return text;
    }

    /// <summary>Spec text for one line of an XML doc comment.</summary>
    public static string DocText(string text) => EscapeXml(SingleLine(text));

    /// <summary>Spec text for one line of a plain comment.</summary>
    public static string SingleLine(string text) => CommentSafe(text).Replace('\n', ' ');

    private static string EscapeXml(string text) =>
        text.IndexOfAny(XmlSpecials) < 0 ? text : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>
    /// Spec text made safe inside a comment, with "\n" as its only line end: C# also ends a comment at
    /// "\r", U+0085, U+2028 and U+2029, and XML docs reject control characters and lone surrogates.
    /// </summary>
    private static string CommentSafe(string text)
    {
        // Nearly all spec text is safe as it is; only text that is not pays for a copy.
        if (IsCommentSafe(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            if (character == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (character is '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append('\n');
            }
            else if (char.IsHighSurrogate(character) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(character).Append(text[++i]);
            }
            else if ((character < ' ' && character is not '\n' and not '\t') || char.IsSurrogate(character) || character is '\uFFFE' or '\uFFFF')
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    private static bool IsCommentSafe(string text)
    {
        foreach (var character in text)
        {
            if ((character < ' ' && character is not '\n' and not '\t') || character is '\u0085' or '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF' || char.IsSurrogate(character))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads a builder's text in place, chunk by chunk, without making it one string.</summary>
    private sealed class BuilderReader : TextReader
    {
        private readonly StringBuilder _builder;
        private int _position;

        public BuilderReader(StringBuilder builder) => _builder = builder;

        public override int Peek() => _position < _builder.Length ? _builder[_position] : -1;

        public override int Read() => _position < _builder.Length ? _builder[_position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var length = System.Math.Min(count, _builder.Length - _position);
            _builder.CopyTo(_position, buffer, index, length);
            _position += length;
            return length;
        }
    }
}
