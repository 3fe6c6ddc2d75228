using System;
using System.Collections.Generic;

namespace HubSpotGen.Generators.Parsing;

/// <summary>Null-tolerant reads over the spec tree, so that a missing section reads as empty rather than failing.</summary>
internal static class SpecNodeExtensions
{
    public static SpecNode? Get(this SpecMapping? map, string key) => map?.Find(key);

    public static SpecScalar? GetKeyNode(this SpecMapping map, string key) => map.FindKey(key);

    public static SpecMapping? GetMap(this SpecMapping? map, string key) => map.Get(key) as SpecMapping;

    public static SpecSequence? GetSequence(this SpecMapping? map, string key) => map.Get(key) as SpecSequence;

    public static string? GetString(this SpecMapping? map, string key) =>
        map.Get(key) is SpecScalar scalar && !IsNullScalar(scalar) ? scalar.Value : null;

    public static bool GetBool(this SpecMapping? map, string key, bool fallback = false)
    {
        var text = map.GetString(key);
        if (text is null)
        {
            return fallback;
        }

        return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)
            || (!string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) && fallback);
    }

    public static IEnumerable<KeyValuePair<string, SpecNode>> Entries(this SpecMapping? map)
    {
        if (map is null)
        {
            yield break;
        }

        foreach (var entry in map.Children)
        {
            yield return new KeyValuePair<string, SpecNode>(entry.Key.Value, entry.Value);
        }
    }

    public static IEnumerable<string> Strings(this SpecSequence? sequence)
    {
        if (sequence is null)
        {
            yield break;
        }

        foreach (var item in sequence.Children)
        {
            if (item is SpecScalar scalar)
            {
                yield return scalar.Value;
            }
        }
    }

    /// <summary>A plain <c>null</c> or <c>~</c> scalar, as YAML and JSON write "no value".</summary>
    public static bool IsNullScalar(SpecNode node) =>
        node is SpecScalar { IsPlain: true } scalar
        && scalar.Value is "" or "null" or "~" or "Null" or "NULL";
}
