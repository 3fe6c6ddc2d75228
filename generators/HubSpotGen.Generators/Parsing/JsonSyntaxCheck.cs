using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Strict JSON syntax, for specs written in JSON. The YAML reader accepts some broken JSON (a missing
/// comma between members, say) as YAML, and would then report nothing, or report it far from the mistake.
/// </summary>
internal static class JsonSyntaxCheck
{
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

    /// <summary>The first syntax error as (offset, message), or null when the text is valid JSON.</summary>
    public static (int Offset, string Message)? FindError(string text)
    {
        var position = 0;
        var containers = new Stack<char>();
        var expectValue = true;
        while (true)
        {
            SkipWhitespace(text, ref position);
            if (expectValue)
            {
                if (position >= text.Length)
                {
                    return (position, "the JSON ends where a value was expected");
                }

                var character = text[position];
                if (character is '{' or '[')
                {
                    if (containers.Count >= NestingLimit.MaxDepth)
                    {
                        return (position, NestingLimit.TooDeepMessage);
                    }

                    containers.Push(character);
                    position++;
                    SkipWhitespace(text, ref position);
                    if (position < text.Length && text[position] == (character == '{' ? '}' : ']'))
                    {
                        containers.Pop();
                        position++;
                        expectValue = false;
                        continue;
                    }

                    if (character == '{' && !ReadMemberName(text, ref position, out var nameError))
                    {
                        return nameError;
                    }

                    continue;
                }

                if (!ReadScalar(text, ref position, out var scalarError))
                {
                    return scalarError;
                }

                expectValue = false;
                continue;
            }

            if (containers.Count == 0)
            {
                return position < text.Length ? (position, "unexpected text after the end of the JSON document") : null;
            }

            if (position >= text.Length)
            {
                return (position, "the JSON ends inside an unclosed " + (containers.Peek() == '{' ? "object" : "array"));
            }

            var next = text[position];
            var open = containers.Peek();
            if (next == ',')
            {
                position++;
                SkipWhitespace(text, ref position);
                if (open == '{' && !ReadMemberName(text, ref position, out var nameError))
                {
                    return nameError;
                }

                expectValue = true;
                continue;
            }

            if (next == (open == '{' ? '}' : ']'))
            {
                containers.Pop();
                position++;
                continue;
            }

            return (position, "expected ',' or '" + (open == '{' ? "}" : "]") + "' but found '" + next + "'");
        }
    }

    /// <summary>Reads <c>"name"</c> and the colon after it.</summary>
    private static bool ReadMemberName(string text, ref int position, out (int, string)? error)
    {
        error = null;
        if (position >= text.Length || text[position] != '"')
        {
            error = (position, "expected a quoted member name");
            return false;
        }

        if (!ReadString(text, ref position, out error))
        {
            return false;
        }

        SkipWhitespace(text, ref position);
        if (position >= text.Length || text[position] != ':')
        {
            error = (position, "expected ':' after the member name");
            return false;
        }

        position++;
        return true;
    }

    private static bool ReadScalar(string text, ref int position, out (int, string)? error)
    {
        error = null;
        var character = text[position];
        if (character == '"')
        {
            return ReadString(text, ref position, out error);
        }

        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '-' or '+' or '.'))
        {
            position++;
        }

        var word = text.Substring(start, position - start);
        if (word is "true" or "false" or "null" || IsNumber(word))
        {
            return true;
        }

        error = (start, word.Length == 0 ? "unexpected character '" + character + "'" : "'" + word + "' is not a JSON value");
        return false;
    }

    private static bool ReadString(string text, ref int position, out (int, string)? error)
    {
        error = null;
        var start = position++;
        while (position < text.Length)
        {
            var character = text[position++];
            if (character == '\\')
            {
                position++;
            }
            else if (character == '"')
            {
                return true;
            }
            else if (character is '\n' or '\r')
            {
                break;
            }
        }

        error = (start, "a string that is never closed");
        return false;
    }

    private static bool IsNumber(string word) =>
        word.Length > 0 && (char.IsDigit(word[0]) || (word[0] == '-' && word.Length > 1))
        && double.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static void SkipWhitespace(string text, ref int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
        {
            position++;
        }
    }
}
