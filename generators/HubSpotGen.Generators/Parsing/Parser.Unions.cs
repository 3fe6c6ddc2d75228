using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

internal static partial class Parser
{

    /// <summary>The oneOf or anyOf list of a schema that is a union rather than an object with properties.</summary>
    private static SpecSequence? UnionVariants(SpecMapping schema) =>
        !IsObjectSchema(schema) && (schema.GetSequence("oneOf") ?? schema.GetSequence("anyOf")) is { Children.Count: > 0 } variants
            ? variants
            : null;

    private static TypeRef DeclareUnion(ParseContext context, SpecMapping schema, SpecSequence variantNodes, string desiredName, bool named)
    {
        var name = CSharpNames.MakeUnique(desiredName, context.TypeNames);
        var type = new TypeRef(TypeKind.Union, name);
        if (named)
        {
            context.NamedTypes[schema] = type;
        }
        else
        {
            context.TypesByInlineNode[schema] = type;
        }

        var place = context.Unions.Reserve();

        var discriminator = schema.GetMap("discriminator");
        var mapping = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var entry in discriminator.GetMap("mapping").Entries())
        {
            if (entry.Value is SpecScalar { Value: { } target })
            {
                if (!mapping.TryGetValue(target, out var values))
                {
                    mapping[target] = values = new List<string>();
                }

                values.Add(entry.Key);
            }
        }

        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        var variants = new List<UnionVariantModel>();
        var index = 0;
        foreach (var node in variantNodes.Children)
        {
            index++;
            var variantType = ResolveSchema(context, node, name + "Variant" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var reference = (node as SpecMapping).GetString("$ref");
            var values = new List<string>();
            if (discriminator is not null && reference is not null)
            {
                // Without a mapping, the spec says the schema's own name is the discriminator value.
                values = mapping.TryGetValue(reference, out var mapped) ? mapped : new List<string> { reference.Substring(reference.LastIndexOf('/') + 1) };
            }

            variants.Add(new UnionVariantModel(CSharpNames.MakeUnique(VariantName(variantType), memberNames), variantType, values.ToEquatableArray()));
        }

        context.Unions.Fill(place, new UnionTypeModel(name, schema.GetString("description"), variants.ToEquatableArray(), discriminator.GetString("propertyName")));
        return type;
    }

    private static string VariantName(TypeRef type) => type.Kind switch
    {
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => type.Name!,
        TypeKind.Array => VariantName(type.Element!) + "List",
        TypeKind.Map => VariantName(type.Element!) + "Map",
        TypeKind.Any => "Json",
        _ => type.Kind.ToString(),
    };
}
