using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace HubSpotGen.Generators.Parsing;

/// <summary>Turns names from the spec, which may hold any character, into valid C# identifiers.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// Members every generated class and struct inherits from <c>object</c>: a property of the same name
    /// would hide one (CS0108), and on enum structs, which declare Equals, GetHashCode and ToString, clash (CS0102).
    /// </summary>
    public static readonly string[] InheritedMemberNames = { "Equals", "Finalize", "GetHashCode", "GetType", "MemberwiseClone", "ReferenceEquals", "ToString" };

    /// <summary>PascalCase: words split at anything that is not a letter or digit, each capitalised, inner casing kept.</summary>
    public static string ToPascalCase(string text, string fallback = "Value")
    {
        // Most names are one word of letters and digits already (schema names, property keys): no builder for them.
        if (IsOneWord(text))
        {
            var first = char.ToUpperInvariant(text[0]);
            if (first == text[0])
            {
                return text;
            }

            var characters = text.ToCharArray();
            characters[0] = first;
            return new string(characters);
        }

        var builder = new StringBuilder(text.Length);
        var startOfWord = true;
        foreach (var character in text)
        {
            if (!char.IsLetterOrDigit(character))
            {
                startOfWord = true;
                continue;
            }

            builder.Append(startOfWord ? char.ToUpperInvariant(character) : character);
            startOfWord = false;
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary>Letters and digits only, not starting with a digit: what <see cref="ToPascalCase"/> only capitalises.</summary>
    private static bool IsOneWord(string text)
    {
        if (text.Length == 0 || char.IsDigit(text[0]))
        {
            return false;
        }

        foreach (var character in text)
        {
            if (!char.IsLetterOrDigit(character))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>camelCase, escaped with <c>@</c> where it is a C# keyword, for parameters.</summary>
    public static string ToParameterName(string text)
    {
        var pascal = ToPascalCase(text, "value");
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return EscapeKeyword(camel);
    }

    /// <summary>Dot-separated identifiers, none of them a reserved keyword, as a namespace declaration needs.</summary>
    public static bool IsValidNamespace(string text)
    {
        foreach (var segment in text.Split('.'))
        {
            if (!SyntaxFacts.IsValidIdentifier(segment) || SyntaxFacts.GetKeywordKind(segment) != SyntaxKind.None)
            {
                return false;
            }
        }

        return true;
    }

    public static string EscapeKeyword(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    /// <summary>Returns <paramref name="desired"/>, or it with the smallest numeric suffix not yet taken, and records it as taken.</summary>
    public static string MakeUnique(string desired, HashSet<string> taken)
    {
        var candidate = desired;
        for (var suffix = 2; !taken.Add(candidate); suffix++)
        {
            candidate = desired + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
