using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace HubSpotGen.Generators.Emitting;

/// <summary>Builds C# text with "\n" line ends and four-space indentation, whatever the host platform.</summary>
internal sealed class SourceWriter
{
    private static readonly char[] XmlSpecials = { '&', '<', '>' };

    private readonly ChunkedText _builder = new();
    private int _indent;

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
    private ChunkedText StartLine() => _builder.Append(' ', _indent * 4);

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

    /// <summary>The file's text; the writer is done with.</summary>
    public SourceText Finish() => _builder.ToSourceText();

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
}
