using System;
using System.Text;

namespace HubSpotGen.Generators.Emitting;

/// <summary>Builds C# text with "\n" line ends and four-space indentation, whatever the host platform.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string text)
    {
        Line(text);
        Line("{");
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

        var lines = EscapeXml(text!.Trim()).Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 1)
        {
            return Line("/// <" + element + attributes + ">" + lines[0].TrimEnd() + "</" + element + ">");
        }

        Line("/// <" + element + attributes + ">");
        foreach (var line in lines)
        {
            Line(("/// " + line.TrimEnd()).TrimEnd());
        }

        return Line("/// </" + element + ">");
    }

    public override string ToString() => _builder.ToString();

    private static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
