using System;
using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace HubSpotGen.Generators.Parsing;

/// <summary>Small, allocation-light reads over YamlDotNet's representation model.</summary>
internal static class YamlNodes
{
    public static YamlNode? Get(this YamlMappingNode? map, string key)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    public static YamlScalarNode? GetKeyNode(this YamlMappingNode map, string key)
    {
        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return scalar;
            }
        }

        return null;
    }

    public static YamlMappingNode? GetMap(this YamlMappingNode? map, string key) => map.Get(key) as YamlMappingNode;

    public static YamlSequenceNode? GetSequence(this YamlMappingNode? map, string key) => map.Get(key) as YamlSequenceNode;

    public static string? GetString(this YamlMappingNode? map, string key) =>
        map.Get(key) is YamlScalarNode { Value: { } value } && !IsNullScalar(map.Get(key)!) ? value : null;

    public static bool GetBool(this YamlMappingNode? map, string key, bool fallback = false)
    {
        var text = map.GetString(key);
        if (text is null)
        {
            return fallback;
        }

        return string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)
            || (!string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) && fallback);
    }

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlMappingNode? map)
    {
        if (map is null)
        {
            yield break;
        }

        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } key })
            {
                yield return new KeyValuePair<string, YamlNode>(key, entry.Value);
            }
        }
    }

    public static IEnumerable<string> Strings(this YamlSequenceNode? sequence)
    {
        if (sequence is null)
        {
            yield break;
        }

        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value })
            {
                yield return value;
            }
        }
    }

    /// <summary>A plain <c>null</c> or <c>~</c> scalar, as YAML and JSON write "no value".</summary>
    public static bool IsNullScalar(YamlNode node) =>
        node is YamlScalarNode scalar
        && scalar.Style == YamlDotNet.Core.ScalarStyle.Plain
        && (scalar.Value is null or "" or "null" or "~" or "Null" or "NULL");
}
