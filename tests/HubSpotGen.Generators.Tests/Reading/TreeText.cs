using System.Text;
using HubSpotGen.Generators.Parsing;
using Newtonsoft.Json;
using YamlDotNet.RepresentationModel;

namespace HubSpotGen.Generators.Tests.Reading;

/// <summary>
/// A tree written out in one line, so that a test can state the tree it expects: mappings as
/// <c>{k: v}</c>, sequences as <c>[a, b]</c>, plain scalars bare and every other scalar as a JSON string
/// (<c>"a"</c>), so that the plain-or-quoted distinction the parser relies on is part of what is compared.
/// </summary>
internal static class TreeText
{
    /// <summary>The one-based line and column a diagnostic at <paramref name="mark"/> would show.</summary>
    public static (int Line, int Column) LineAndColumn(string text, SpecMark mark)
    {
        var lines = new SpecLines(text);
        return (lines.LineOf(mark.Index) + 1, lines.ColumnOf(mark.Index) + 1);
    }

    public static string Of(SpecNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    /// <summary>The same text from an independent reader (YamlDotNet's representation model), merge keys applied as ours are.</summary>
    public static string Of(YamlNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, SpecNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("(none)");
                break;
            case SpecScalar scalar:
                WriteScalar(builder, scalar.Value, scalar.IsPlain);
                break;
            case SpecSequence sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Write(builder, sequence.Children[i]);
                }

                builder.Append(']');
                break;
            case SpecMapping mapping:
                builder.Append('{');
                for (var i = 0; i < mapping.Children.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Write(builder, mapping.Children[i].Key);
                    builder.Append(": ");
                    Write(builder, mapping.Children[i].Value);
                }

                builder.Append('}');
                break;
        }
    }

    private static void Write(StringBuilder builder, YamlNode? node)
    {
        switch (node)
        {
            case null:
                builder.Append("(none)");
                break;
            case YamlScalarNode scalar:
                WriteScalar(builder, scalar.Value ?? string.Empty, scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.Value != "tag:yaml.org,2002:str"));
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Write(builder, sequence.Children[i]);
                }

                builder.Append(']');
                break;
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<YamlScalarNode, YamlNode>>();
                var merges = new List<YamlNode>();
                foreach (var entry in mapping.Children)
                {
                    if (entry.Key is not YamlScalarNode key)
                    {
                        continue;
                    }

                    if (key is { Value: "<<", Style: YamlDotNet.Core.ScalarStyle.Plain } && entry.Value is YamlMappingNode or YamlSequenceNode)
                    {
                        merges.Add(entry.Value);
                    }
                    else
                    {
                        entries.Add(new KeyValuePair<YamlScalarNode, YamlNode>(key, entry.Value));
                    }
                }

                foreach (var merge in merges)
                {
                    var sources = merge is YamlSequenceNode list ? list.Children.ToList() : new List<YamlNode> { merge };
                    foreach (var source in sources.OfType<YamlMappingNode>())
                    {
                        foreach (var entry in source.Children)
                        {
                            if (entry.Key is YamlScalarNode key && entries.All(existing => existing.Key.Value != key.Value))
                            {
                                entries.Add(new KeyValuePair<YamlScalarNode, YamlNode>(key, entry.Value));
                            }
                        }
                    }
                }

                builder.Append('{');
                for (var i = 0; i < entries.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    Write(builder, entries[i].Key);
                    builder.Append(": ");
                    Write(builder, entries[i].Value);
                }

                builder.Append('}');
                break;
        }
    }

    private static void WriteScalar(StringBuilder builder, string value, bool isPlain) =>
        builder.Append(isPlain ? value : JsonConvert.ToString(value));
}
