using System.Text;
using System.Text.RegularExpressions;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>One mutated spec: where it came from, what was done to it, and the text.</summary>
/// <param name="Index">Its number in the run; with the base seed it reproduces the mutation.</param>
/// <param name="Source">The seed spec's file name, or "synthetic".</param>
/// <param name="Kind">What was done, e.g. "truncate" or "deep-array-json-5000".</param>
/// <param name="Text">The mutated text.</param>
/// <param name="FileName">The AdditionalFiles name it is given (its extension says YAML or JSON).</param>
internal sealed record Mutation(int Index, string Source, string Kind, string Text, string FileName)
{
    public override string ToString() => "#" + Index + " " + Kind + " of " + Source;
}

/// <summary>
/// Derives broken and extreme specs from valid ones, deterministically: mutation <c>i</c> depends only on
/// the base seed, <c>i</c> and the seed texts, so a failure is reproduced by its number.
/// </summary>
internal static partial class SpecMutator
{
    private static readonly string[] TypeValues =
    {
        "\"string\"", "\"integer\"", "\"number\"", "\"boolean\"", "\"object\"", "\"array\"", "\"null\"",
        "[\"string\", \"null\"]", "[\"object\", \"array\"]", "[\"null\"]", "[]", "{}", "\"strng\"", "\"\"", "5", "null", "true",
    };

    private static readonly string[] RefTargets =
    {
        "#/components/schemas/DoesNotExist", "#/components/schemas/", "#", "#/", "", "other.yaml#/components/schemas/X",
        "#/paths", "#/info/title", "#/components", "#/components/schemas", "#/components/schemas/%ZZ", "#/definitions/Nope",
        "https://example.test/schema.json", "#/components/schemas/~2", "#/components/parameters/Nope", "#/components/responses",
        "#/paths/~1nowhere/get", "#/components/schemas/A/properties/b/items", "#/servers/0", "#/servers/99", "#/tags/-1",
    };

    private static readonly string[] Values =
    {
        "[]", "{}", "5", "-1", "1e400", "\"x\"", "null", "~", "true", "[1, {a: b}]", "{$ref: '#/x'}", "class", "''",
        "\"\\u0000\"", "!!binary AAAA", "*undefinedAlias", "&anchor", "|", ">", "'unterminated", "[", "{", "}", "<<", "- x",
        "{type: object, properties: {a: {$ref: '#/components/schemas/Loop'}}}", "[[[[[]]]]]", "\"\\uD800\"", "0x1F", ".inf",
    };

    private static readonly string[] KeyNames =
    {
        "", "class", "1abc", "with space", "a.b", "$ref", "<<", "~", "operationId", "type", "properties", "enum", "allOf",
        "oneOf", "anyOf", "items", "required", "nullable", "additionalProperties", "discriminator", "in", "name", "schema",
        "content", "responses", "default", "x-ext", "\"quoted\"", "'single'", "Équipe", "get", "parameters", "$id",
    };

    private static readonly string[] InsertedFragments =
    {
        "\0", "\u0001", "\t", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\uFEFF", "\uD800", "\uDC00", "\uFFFF", "\"", "'", "{", "}",
        "[", "]", ":", ",", "#", "&", "*", "!", "%", "@", "`", "|", ">", "- ", "? ", "\\", "\u00e9", "\U0001F600", "<!--", "*/", "</summary>",
    };

    private static readonly string[] Kinds =
    {
        "truncate", "swap-type", "remove-type", "dangling-ref", "delete-lines", "duplicate-lines", "swap-lines", "reindent",
        "random-bytes", "replace-value", "rename-key", "delete-structural-char", "huge-scalar",
    };

    /// <summary>Mutation <paramref name="index"/> of <paramref name="seedText"/>.</summary>
    public static Mutation Mutate(int baseSeed, int index, string seedName, string seedText)
    {
        var random = new Random(unchecked((baseSeed * 7919) + index));
        // Huge scalars cost a compile of a megabyte of source; keep them rare.
        var kind = Kinds[random.Next(Kinds.Length - 1)];
        if (random.Next(60) == 0)
        {
            kind = "huge-scalar";
        }

        var text = kind switch
        {
            "truncate" => seedText.Substring(0, random.Next(seedText.Length + 1)),
            "swap-type" => ReplaceMatch(seedText, TypePattern(), random, match => match.Groups["key"].Value + Pick(random, TypeValues)),
            "remove-type" => ReplaceMatch(seedText, TypePattern(), random, match => match.Groups["key"].Value + (random.Next(2) == 0 ? "" : "null")),
            "dangling-ref" => ReplaceMatch(seedText, RefPattern(), random, match => match.Groups["key"].Value + "\"" + Pick(random, RefTargets) + "\""),
            "delete-lines" => EditLines(seedText, random, (lines, at, count) => lines.RemoveRange(at, count)),
            "duplicate-lines" => EditLines(seedText, random, (lines, at, count) => lines.InsertRange(at, lines.GetRange(at, count))),
            "swap-lines" => SwapLines(seedText, random),
            "reindent" => Reindent(seedText, random),
            "random-bytes" => InsertRandom(seedText, random),
            "replace-value" => ReplaceValue(seedText, random, Pick(random, Values)),
            "rename-key" => RenameKey(seedText, random),
            "delete-structural-char" => DeleteStructuralCharacter(seedText, random),
            _ => ReplaceValue(seedText, random, "\"" + new string((char)('a' + random.Next(26)), 1 << 20) + "\""),
        };

        return new Mutation(index, seedName, kind, text, "mutant-" + index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + Path.GetExtension(seedName));
    }

    /// <summary>Specs no mutation of a small seed reaches: extreme depth, length and size, and plain noise.</summary>
    public static IEnumerable<(string Kind, string Text, string Extension)> Extremes(int baseSeed)
    {
        yield return ("deep-array-yaml-block-5000", DeepArrayYaml(5000), ".yaml");
        yield return ("deep-array-json-flow-5000", DeepArrayJson(5000), ".json");
        yield return ("deep-object-yaml-block-5000", DeepObjectYaml(5000), ".yaml");
        yield return ("deep-object-json-flow-5000", DeepObjectJson(5000), ".json");
        yield return ("deep-flow-sequence-yaml-5000", Header + "x-deep: " + new string('[', 5000) + new string(']', 5000) + "\n", ".yaml");
        yield return ("deep-flow-mapping-json-5000", "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Deep\",\"version\":\"1\"},\"paths\":{},\"x-deep\":" + Repeat("{\"a\":", 5000) + "1" + new string('}', 5000) + "}", ".json");
        // Just inside the parser's depth limit: the model, the emitter and the compiler all see the depth.
        yield return ("deep-array-yaml-block-900", DeepArrayYaml(900), ".yaml");
        yield return ("deep-array-json-flow-900", DeepArrayJson(900), ".json");
        yield return ("deep-object-yaml-block-440", DeepObjectYaml(440), ".yaml");
        yield return ("deep-object-json-flow-440", DeepObjectJson(440), ".json");
        yield return ("ref-chain-5000", RefChain(5000), ".yaml");
        yield return ("object-chain-2000", ObjectChain(2000), ".yaml");

        var huge = new string('x', 1 << 20);
        yield return ("huge-description", Header.Replace("paths: {}\n", "") + "paths:\n  /a:\n    get:\n      operationId: getA\n      description: \"" + huge + "\"\n      responses:\n        '204':\n          description: ok\n", ".yaml");
        yield return ("huge-operation-id", Header.Replace("paths: {}\n", "") + "paths:\n  /a:\n    get:\n      operationId: " + huge + "\n      responses:\n        '204':\n          description: ok\n", ".yaml");
        yield return ("huge-property-name", Header + "components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        " + huge + ":\n          type: string\n", ".yaml");
        yield return ("huge-schema-name", Header + "components:\n  schemas:\n    " + huge + ":\n      type: object\n      properties:\n        a:\n          type: string\n", ".yaml");
        yield return ("huge-enum-value", Header + "components:\n  schemas:\n    Thing:\n      type: string\n      enum: [a, \"" + huge + "\"]\n", ".yaml");
        yield return ("huge-title", "openapi: 3.0.3\ninfo:\n  title: " + huge + "\n  version: '1'\npaths: {}\n", ".yaml");
        yield return ("huge-path", Header.Replace("paths: {}\n", "") + "paths:\n  /" + huge + "/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n        '204':\n          description: ok\n", ".yaml");
        yield return ("huge-server-url", "openapi: 3.0.3\ninfo: {title: T, version: '1'}\nservers:\n  - url: https://" + huge + ".example.test\npaths: {}\n", ".yaml");
        yield return ("huge-single-scalar", huge, ".yaml");
        yield return ("long-names-nested-120", LongNames(120), ".yaml");
        yield return ("long-parameter-name", Header.Replace("paths: {}\n", "") + "paths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - {name: " + new string('p', 600) + ", in: query, schema: {type: string}}\n      responses:\n        '204':\n          description: ok\n", ".yaml");
        yield return ("long-enum-member", Header + "components:\n  schemas:\n    Thing:\n      type: string\n      enum: [" + new string('e', 600) + "]\n", ".yaml");

        yield return ("empty", string.Empty, ".yaml");
        yield return ("bom-only", "\uFEFF", ".yaml");
        yield return ("nul-bytes", new string('\0', 64), ".yaml");
        yield return ("version-only", "openapi: 3.0.3\n", ".yaml");
        yield return ("swagger-version-only", "{\"swagger\": \"2.0\"}", ".json");
        var random = new Random(baseSeed);
        for (var i = 0; i < 12; i++)
        {
            var bytes = new byte[random.Next(1, 4096)];
            random.NextBytes(bytes);
            var text = i % 3 == 0 ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes);
            // Half of them start like a spec, so that the noise reaches past the version check.
            yield return ("random-bytes-" + i, i % 2 == 0 ? Header + text : text, i % 4 == 0 ? ".json" : ".yaml");
        }
    }

    private const string Header = "openapi: 3.0.3\ninfo:\n  title: Extreme\n  version: '1'\npaths: {}\n";

    private static string DeepArrayYaml(int levels)
    {
        var builder = new StringBuilder(Header.Replace("paths: {}\n", "")).Append("paths:\n  /deep:\n    get:\n      operationId: getDeep\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n");
        var indent = 16;
        for (var i = 0; i < levels; i++)
        {
            builder.Append(' ', indent).Append("type: array\n").Append(' ', indent).Append("items:\n");
            indent += 2;
        }

        return builder.Append(' ', indent).Append("type: string\n").ToString();
    }

    private static string DeepArrayJson(int levels) =>
        "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Deep\",\"version\":\"1\"},\"paths\":{\"/deep\":{\"get\":{\"operationId\":\"getDeep\",\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":"
        + Repeat("{\"type\":\"array\",\"items\":", levels) + "{\"type\":\"string\"}" + new string('}', levels) + "}}}}}}}}";

    private static string DeepObjectYaml(int levels)
    {
        var builder = new StringBuilder(Header).Append("components:\n  schemas:\n    Deep:\n");
        var indent = 6;
        for (var i = 0; i < levels; i++)
        {
            builder.Append(' ', indent).Append("type: object\n").Append(' ', indent).Append("properties:\n").Append(' ', indent + 2).Append('c').Append(i % 10).Append(":\n");
            indent += 4;
        }

        return builder.Append(' ', indent).Append("type: string\n").ToString();
    }

    private static string DeepObjectJson(int levels) =>
        "{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Deep\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":{\"Deep\":"
        + Repeat("{\"type\":\"object\",\"properties\":{\"c\":", levels) + "{\"type\":\"string\"}" + Repeat("}}", levels) + "}}}";

    private static string RefChain(int length)
    {
        var builder = new StringBuilder(Header.Replace("paths: {}\n", "")).Append("paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/S0'\ncomponents:\n  schemas:\n");
        for (var i = 0; i < length; i++)
        {
            builder.Append("    S").Append(i).Append(":\n      $ref: '#/components/schemas/S").Append(i + 1).Append("'\n");
        }

        return builder.Append("    S").Append(length).Append(":\n      type: object\n      properties:\n        end:\n          type: string\n").ToString();
    }

    private static string ObjectChain(int length)
    {
        var builder = new StringBuilder(Header.Replace("paths: {}\n", "")).Append("paths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/O0'\ncomponents:\n  schemas:\n");
        for (var i = 0; i < length; i++)
        {
            builder.Append("    O").Append(i).Append(":\n      type: object\n      properties:\n        next:\n          $ref: '#/components/schemas/O").Append(i + 1).Append("'\n");
        }

        return builder.Append("    O").Append(length).Append(":\n      type: object\n      properties:\n        back:\n          $ref: '#/components/schemas/O0'\n").ToString();
    }

    /// <summary>
    /// Anchors whose aliases fan out level by level: a few hundred bytes that name
    /// <paramref name="fanOut"/>^<paramref name="levels"/> inline objects if each alias is read as its own schema.
    /// </summary>
    public static string AliasFanOut(int levels, int fanOut)
    {
        var builder = new StringBuilder(Header).Append("components:\n  schemas:\n    L0: &l0 {type: object, properties: {leaf: {type: string}}}\n");
        for (var level = 1; level <= levels; level++)
        {
            builder.Append("    L").Append(level).Append(": &l").Append(level).Append(" {type: object, properties: {");
            for (var i = 0; i < fanOut; i++)
            {
                builder.Append(i == 0 ? "" : ", ").Append('p').Append(i).Append(": *l").Append(level - 1);
            }

            builder.Append("}}\n");
        }

        return builder.ToString();
    }

    /// <summary>Inline objects nested so that names built from parent and property grow past C#'s 512-character limit.</summary>
    private static string LongNames(int levels)
    {
        var builder = new StringBuilder(Header).Append("components:\n  schemas:\n    Root:\n");
        var indent = 6;
        for (var i = 0; i < levels; i++)
        {
            builder.Append(' ', indent).Append("type: object\n").Append(' ', indent).Append("properties:\n").Append(' ', indent + 2).Append("child:\n");
            indent += 4;
        }

        return builder.Append(' ', indent).Append("type: string\n").ToString();
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string ReplaceMatch(string text, Regex pattern, Random random, Func<Match, string> replacement)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0)
        {
            return InsertRandom(text, random);
        }

        var match = matches[random.Next(matches.Count)];
        return text.Substring(0, match.Index) + replacement(match) + text.Substring(match.Index + match.Length);
    }

    private static string EditLines(string text, Random random, Action<List<string>, int, int> edit)
    {
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        var count = Math.Min(random.Next(1, 6), lines.Count - at);
        edit(lines, at, count);
        return string.Join('\n', lines);
    }

    private static string SwapLines(string text, Random random)
    {
        var lines = text.Split('\n');
        var a = random.Next(lines.Length);
        var b = random.Next(lines.Length);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    private static string Reindent(string text, Random random)
    {
        var lines = text.Split('\n');
        var at = random.Next(lines.Length);
        var shift = random.Next(1, 5);
        lines[at] = random.Next(2) == 0
            ? new string(' ', shift) + lines[at]
            : lines[at].Substring(Math.Min(shift, lines[at].Length - lines[at].TrimStart(' ').Length));
        return string.Join('\n', lines);
    }

    private static string InsertRandom(string text, Random random)
    {
        var builder = new StringBuilder(text);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            builder.Insert(random.Next(builder.Length + 1), Pick(random, InsertedFragments));
        }

        return builder.ToString();
    }

    /// <summary>Replaces the value of a random key; a block value goes with the lines indented under it.</summary>
    private static string ReplaceValue(string text, Random random, string value)
    {
        var lines = text.Split('\n').ToList();
        var candidates = Enumerable.Range(0, lines.Count).Where(i => KeyLinePattern().IsMatch(lines[i])).ToList();
        if (candidates.Count == 0)
        {
            return InsertRandom(text, random);
        }

        var at = candidates[random.Next(candidates.Count)];
        var match = KeyLinePattern().Match(lines[at]);
        var rest = match.Groups["rest"].Value;
        var indent = lines[at].Length - lines[at].TrimStart(' ').Length;
        if (string.IsNullOrWhiteSpace(rest) || rest.TrimStart().StartsWith('#'))
        {
            while (at + 1 < lines.Count && lines[at + 1].Trim().Length > 0 && lines[at + 1].Length - lines[at + 1].TrimStart(' ').Length > indent)
            {
                lines.RemoveAt(at + 1);
            }
        }

        lines[at] = match.Groups["key"].Value + " " + value + (rest.TrimEnd().EndsWith(',') ? "," : "");
        return string.Join('\n', lines);
    }

    private static string RenameKey(string text, Random random)
    {
        var lines = text.Split('\n');
        var candidates = Enumerable.Range(0, lines.Length).Where(i => KeyLinePattern().IsMatch(lines[i])).ToList();
        if (candidates.Count == 0)
        {
            return InsertRandom(text, random);
        }

        var at = candidates[random.Next(candidates.Count)];
        var match = KeyLinePattern().Match(lines[at]);
        var name = match.Groups["name"];
        var replacement = Pick(random, KeyNames);
        lines[at] = lines[at].Substring(0, name.Index) + (name.Value.StartsWith('"') ? "\"" + replacement.Trim('"') + "\"" : replacement) + lines[at].Substring(name.Index + name.Length);
        return string.Join('\n', lines);
    }

    private static string DeleteStructuralCharacter(string text, Random random)
    {
        var positions = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '{' or '}' or '[' or ']' or ',' or ':' or '"' or '\'' or '-')
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            return InsertRandom(text, random);
        }

        var at = positions[random.Next(positions.Count)];
        return text.Remove(at, 1);
    }

    [GeneratedRegex("(?<key>\\btype\"?\\s*:[ \\t]*)(?<value>\"[^\"\\n]*\"|'[^'\\n]*'|\\[[^\\]\\n]*\\]|[A-Za-z]+)")]
    private static partial Regex TypePattern();

    [GeneratedRegex("(?<key>\\$ref\"?\\s*:[ \\t]*)(?<value>\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s,}\\n]+)")]
    private static partial Regex RefPattern();

    [GeneratedRegex("^(?<key>\\s*(?:-\\s+)?(?<name>\"[^\"]*\"|'[^']*'|[^\\s#'\"{}\\[\\],][^:#{}\\[\\],]*?)\\s*:)(?<rest>(?:\\s.*)?)$")]
    private static partial Regex KeyLinePattern();
}
