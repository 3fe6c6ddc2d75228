using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

/// <summary>
/// Keeps only the types the client's operations and webhooks use, directly or through other types. It reads
/// the model, not the spec: allOf parts are already merged into their classes, so a schema only ever used
/// as an allOf part is not kept, while the types of the properties it gave are.
/// </summary>
internal static class ReachableTypes
{
    public static ApiModel Prune(ApiModel model)
    {
        var objects = new Dictionary<string, ObjectTypeModel>(StringComparer.Ordinal);
        foreach (var type in model.Objects)
        {
            objects[type.Name] = type;
        }

        var unions = new Dictionary<string, UnionTypeModel>(StringComparer.Ordinal);
        foreach (var type in model.Unions)
        {
            unions[type.Name] = type;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>();
        foreach (var operation in model.Operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                pending.Push(parameter.Type);
            }

            if (operation.Body is { } body)
            {
                pending.Push(body.Type);
            }

            foreach (var response in operation.Responses)
            {
                if (response.Type is { } responseType)
                {
                    pending.Push(responseType);
                }
            }
        }

        foreach (var webhook in model.Webhooks)
        {
            pending.Push(webhook.PayloadType);
        }

        // A stack rather than recursion: a long chain of nested types must not cost stack depth.
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.Element is { } element)
            {
                pending.Push(element);
            }

            if (type.Name is not { } name || !reached.Add(name))
            {
                continue;
            }

            if (type.Kind == TypeKind.Object && objects.TryGetValue(name, out var declared))
            {
                foreach (var property in declared.Properties)
                {
                    pending.Push(property.Type);
                }

                if (declared.AdditionalProperties is { } additional)
                {
                    pending.Push(additional);
                }
            }
            else if (type.Kind == TypeKind.Union && unions.TryGetValue(name, out var union))
            {
                foreach (var variant in union.Variants)
                {
                    pending.Push(variant.Type);
                }
            }
        }

        return model with
        {
            Objects = Keep(model.Objects, type => reached.Contains(type.Name)),
            Enums = Keep(model.Enums, type => reached.Contains(type.Name)),
            Unions = Keep(model.Unions, type => reached.Contains(type.Name)),
        };
    }

    private static EquatableArray<T> Keep<T>(EquatableArray<T> items, Func<T, bool> keep)
        where T : IEquatable<T>
    {
        var kept = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (keep(item))
            {
                kept.Add(item);
            }
        }

        return kept.ToEquatableArray();
    }
}
