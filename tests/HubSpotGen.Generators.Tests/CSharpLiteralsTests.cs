using HubSpotGen.Generators.Emitting;
using Microsoft.CodeAnalysis.CSharp;

namespace HubSpotGen.Generators.Tests;

/// <summary>The quick paths must write exactly what Roslyn and System.Uri write, for every kind of character.</summary>
public sealed class CSharpLiteralsTests
{
    private static readonly string[] Samples =
    {
        "", "/flows/{id}/runs", "application/json", "x-sandbox-name", "a\"b", "back\\slash", "tab\there", "line\nend",
        "\r", "\0", "caf\u00e9", "\u2028", "emoji \ud83d\ude00", "lone \ud83d", "~!@#$%^&*()_+`-={}[]|:;'<>?,./", "\u007f", " ",
    };

    [Test]
    public void Every_character_below_256_and_some_beyond_are_quoted_as_roslyn_quotes_them()
    {
        var samples = Samples.Concat(Enumerable.Range(0, 256).Select(code => "x" + (char)code + "y"));
        foreach (var text in samples)
        {
            Assert.That(CSharpLiterals.Quote(text), Is.EqualTo(SymbolDisplay.FormatLiteral(text, quote: true)), text);
        }
    }

    [Test]
    public void Every_character_below_256_and_some_beyond_are_escaped_as_uri_escapes_them()
    {
        var samples = Samples.Where(text => !text.Contains('\ud83d') || text.Contains('\ude00')).Concat(Enumerable.Range(0, 256).Select(code => "x" + (char)code + "y"));
        foreach (var text in samples)
        {
            Assert.That(CSharpLiterals.EscapeDataString(text), Is.EqualTo(Uri.EscapeDataString(text)), text);
        }
    }
}
