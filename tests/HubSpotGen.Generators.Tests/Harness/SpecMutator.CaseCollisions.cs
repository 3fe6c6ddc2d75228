using YamlDotNet.RepresentationModel;

namespace HubSpotGen.Generators.Tests.Harness;

internal static partial class SpecMutator
{
    /// <summary>
    /// Each seed with a copy of every named schema under names that differ only in case (upper, lower, and
    /// the first letter swapped), and synthetic specs whose inline types, enums, unions and properties
    /// collide in case: C# keeps them apart, the compiler's file names must too.
    /// </summary>
    public static IEnumerable<(string Kind, string Text, string Extension)> CaseCollisions(IEnumerable<(string Name, string Text)> seeds)
    {
        foreach (var (name, text) in seeds)
        {
            if (WithCaseVariants(text) is { } mutated)
            {
                yield return ("case-variants-of-" + name, mutated, Path.GetExtension(name));
            }
        }

        yield return ("case-synthetic", """
            openapi: 3.0.3
            info: {title: Case Collisions, version: '1'}
            paths:
              /things:
                get:
                  operationId: getThings
                  parameters:
                    - {name: mode, in: query, schema: {type: string, enum: [a, b]}}
                    - {name: MODE, in: query, schema: {type: string, enum: [c, d]}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
                post:
                  operationId: GetThings
                  responses:
                    '204': {description: none}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    fooBar: {type: object, properties: {a: {type: string}}}
                    foobar: {type: object, properties: {b: {type: string}}}
                    FOOBAR: {type: string, enum: [x, y]}
                    either: {oneOf: [{$ref: '#/components/schemas/thing'}, {$ref: '#/components/schemas/THING'}]}
                    EITHER: {anyOf: [{type: string}, {type: integer}]}
                thing:
                  type: object
                  properties:
                    value: {type: string}
                THING:
                  type: string
                  enum: [one, two]
                ThingFooBar: {type: object, properties: {c: {type: string}}}
                Client: {type: string, enum: [x]}
                CLIENT: {type: object, properties: {d: {type: string}}}
            """, ".yaml");
    }

    private static string? WithCaseVariants(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return null;
        }

        var schemas = Child(Child(root, "components"), "schemas") ?? Child(root, "definitions");
        if (schemas is null || schemas.Children.Count == 0)
        {
            return null;
        }

        var taken = new HashSet<string>(schemas.Children.Keys.OfType<YamlScalarNode>().Select(key => key.Value ?? string.Empty), StringComparer.Ordinal);
        foreach (var (key, value) in schemas.Children.ToList())
        {
            var original = ((YamlScalarNode)key).Value ?? string.Empty;
            var swapped = original.Length == 0 ? original : (char.IsUpper(original[0]) ? char.ToLowerInvariant(original[0]) : char.ToUpperInvariant(original[0])) + original.Substring(1);
            foreach (var variant in new[] { original.ToUpperInvariant(), original.ToLowerInvariant(), swapped })
            {
                if (taken.Add(variant))
                {
                    // Quoted, so that a JSON seed stays JSON.
                    schemas.Children.Add(new YamlScalarNode(variant) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted }, value);
                }
            }
        }

        var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);

        // The document end marker is YAML only.
        var saved = writer.ToString().TrimEnd();
        return saved.EndsWith("...", StringComparison.Ordinal) ? saved.Substring(0, saved.Length - 3) : saved;
    }

    private static YamlMappingNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;
}
