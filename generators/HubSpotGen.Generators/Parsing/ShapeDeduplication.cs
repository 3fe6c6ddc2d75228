using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Declares each inline enum, object and union once per wire shape. Large specs repeat the same inline
/// enum on every property that takes it; each copy was a file of its own. Two types have one shape when
/// JSON reads and writes the same through both and C# spells the same members: the same values, property
/// names (JSON and C#), member types, required-ness, nullability and read-only-ness. Descriptions, defaults
/// and deprecation are documentation; they may differ, and the kept type's are the ones shown.
/// </summary>
/// <remarks>
/// A shape keeps the name of a named (components) schema of that shape if there is one, else the name of
/// its first inline use in document order, so the output is as stable as the spec. Named schemas are never
/// merged with each other: two names in the spec are two types on purpose. Merging can make two objects
/// equal that were not (their properties now name the same enum), so it runs until nothing changes.
/// </remarks>
internal static class ShapeDeduplication
{
    public static ApiModel Apply(ApiModel model, ISet<string> namedTypes)
    {
        while (true)
        {
            var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
            FindDuplicates(model.Enums, type => type.Name, type => new Shape(type.IsInteger, type.Members), namedTypes, replacements);
            FindDuplicates(model.Objects, type => type.Name, ObjectShape, namedTypes, replacements);
            FindDuplicates(model.Unions, type => type.Name, type => new Shape(type.Variants, type.DiscriminatorProperty), namedTypes, replacements);
            if (replacements.Count == 0)
            {
                return model;
            }

            model = Rewrite(model, replacements);
        }
    }

    /// <summary>What an object's shape is made of: its properties without their documentation, and what else it accepts.</summary>
    private static Shape ObjectShape(ObjectTypeModel type)
    {
        var properties = new List<PropertyModel>(type.Properties.Count);
        foreach (var property in type.Properties)
        {
            properties.Add(property with { Description = null, Deprecated = false, DefaultValue = null });
        }

        return new Shape(properties.ToEquatableArray(), type.AdditionalProperties);
    }

    /// <summary>Maps every inline type whose shape was seen before (or belongs to a named type) to the type that keeps it.</summary>
    private static void FindDuplicates<T>(
        EquatableArray<T> types,
        Func<T, string> nameOf,
        Func<T, Shape> shapeOf,
        ISet<string> namedTypes,
        Dictionary<string, string> replacements)
        where T : IEquatable<T>
    {
        var keeper = new Dictionary<Shape, string>();
        var shapes = new List<Shape>(types.Count);
        foreach (var type in types)
        {
            var shape = shapeOf(type);
            shapes.Add(shape);
            if (namedTypes.Contains(nameOf(type)) && !keeper.ContainsKey(shape))
            {
                keeper[shape] = nameOf(type);
            }
        }

        for (var i = 0; i < types.Count; i++)
        {
            var name = nameOf(types[i]);
            if (namedTypes.Contains(name))
            {
                continue;
            }

            if (!keeper.TryGetValue(shapes[i], out var kept))
            {
                keeper[shapes[i]] = name;
            }
            else if (kept != name)
            {
                replacements[name] = kept;
            }
        }
    }

    private static ApiModel Rewrite(ApiModel model, Dictionary<string, string> replacements)
    {
        var operations = new List<OperationModel>(model.Operations.Count);
        foreach (var operation in model.Operations)
        {
            var parameters = new List<ParameterModel>(operation.Parameters.Count);
            foreach (var parameter in operation.Parameters)
            {
                parameters.Add(parameter with { Type = Rewrite(parameter.Type, replacements) });
            }

            var responses = new List<ResponseModel>(operation.Responses.Count);
            foreach (var response in operation.Responses)
            {
                responses.Add(response.Type is null ? response : response with { Type = Rewrite(response.Type, replacements) });
            }

            operations.Add(operation with
            {
                Parameters = parameters.ToEquatableArray(),
                Body = operation.Body is null ? null : operation.Body with { Type = Rewrite(operation.Body.Type, replacements) },
                Responses = responses.ToEquatableArray(),
            });
        }

        var objects = new List<ObjectTypeModel>(model.Objects.Count);
        foreach (var type in model.Objects)
        {
            if (replacements.ContainsKey(type.Name))
            {
                continue;
            }

            var properties = new List<PropertyModel>(type.Properties.Count);
            foreach (var property in type.Properties)
            {
                properties.Add(property with { Type = Rewrite(property.Type, replacements) });
            }

            objects.Add(type with
            {
                Properties = properties.ToEquatableArray(),
                AdditionalProperties = type.AdditionalProperties is null ? null : Rewrite(type.AdditionalProperties, replacements),
            });
        }

        var enums = new List<EnumTypeModel>(model.Enums.Count);
        foreach (var type in model.Enums)
        {
            if (!replacements.ContainsKey(type.Name))
            {
                enums.Add(type);
            }
        }

        var unions = new List<UnionTypeModel>(model.Unions.Count);
        foreach (var type in model.Unions)
        {
            if (replacements.ContainsKey(type.Name))
            {
                continue;
            }

            var variants = new List<UnionVariantModel>(type.Variants.Count);
            foreach (var variant in type.Variants)
            {
                variants.Add(variant with { Type = Rewrite(variant.Type, replacements) });
            }

            unions.Add(type with { Variants = variants.ToEquatableArray() });
        }

        var webhooks = new List<WebhookModel>(model.Webhooks.Count);
        foreach (var webhook in model.Webhooks)
        {
            webhooks.Add(webhook with { PayloadType = Rewrite(webhook.PayloadType, replacements) });
        }

        return model with
        {
            Operations = operations.ToEquatableArray(),
            Objects = objects.ToEquatableArray(),
            Enums = enums.ToEquatableArray(),
            Unions = unions.ToEquatableArray(),
            Webhooks = webhooks.ToEquatableArray(),
        };
    }

    private static TypeRef Rewrite(TypeRef type, Dictionary<string, string> replacements)
    {
        if (type.Element is { } element)
        {
            var rewritten = Rewrite(element, replacements);
            return ReferenceEquals(rewritten, element) ? type : type with { Element = rewritten };
        }

        return type.Name is { } name && replacements.TryGetValue(name, out var kept) ? type with { Name = kept } : type;
    }

    /// <summary>
    /// Two parts that make a type's shape, compared by value. A class rather than a tuple: dictionaries and lists
    /// of a tuple are generic code that every new compiler process compiles afresh.
    /// </summary>
    private sealed class Shape : IEquatable<Shape>
    {
        private readonly object? _first;
        private readonly object? _second;

        public Shape(object? first, object? second)
        {
            _first = first;
            _second = second;
        }

        public bool Equals(Shape? other) => other is not null && Equals(_first, other._first) && Equals(_second, other._second);

        public override bool Equals(object? obj) => Equals(obj as Shape);

        public override int GetHashCode() => ((_first?.GetHashCode() ?? 0) * 31) + (_second?.GetHashCode() ?? 0);
    }
}
