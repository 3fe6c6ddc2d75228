using System;

namespace HubSpotGen.Generators.Emitting;

/// <summary>
/// String literals for generated code. Nearly every string a spec gives (paths, wire names, media types) is printable
/// ASCII that needs no escape; those are quoted as they are, and the rest is left to Roslyn and System.Uri. Both
/// searched each string for characters to escape with a table built afresh on every call, and set up large
/// tables on their first use in a compiler process.
/// </summary>
internal static class CSharpLiterals
{
    /// <summary>The C# literal of <paramref name="text"/>, as Roslyn's SymbolDisplay.FormatLiteral writes it.</summary>
    public static string Quote(string text)
    {
        foreach (var character in text)
        {
            if (character is < ' ' or > '~' or '"' or '\\')
            {
                return Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
            }
        }

        return "\"" + text + "\"";
    }

    /// <summary>The text percent-encoded as <see cref="Uri.EscapeDataString(string)"/> does it.</summary>
    public static string EscapeDataString(string text)
    {
        foreach (var character in text)
        {
            if (!IsUnreserved(character))
            {
                return Uri.EscapeDataString(text);
            }
        }

        return text;
    }

    /// <summary>RFC 3986's unreserved characters, which percent-encoding leaves as they are.</summary>
    private static bool IsUnreserved(char character) =>
        character is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';
}
