using System;
using System.Collections.Generic;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Parsing;

internal static partial class Parser
{
    /// <summary>What <c>Emitter.EmitEnum</c> declares inside every enum struct.</summary>
    private static readonly string[] EnumStructMemberNames = { "Converter", "Equals", "GetHashCode", "ToString", "Value" };

    /// <summary>Named schemas come first so that their classes keep their spec names whatever uses them.</summary>
    private static void ParseComponentSchemas(ParseContext context)
    {
        var schemas = context.Document.GetMap("components").GetMap("schemas");
        foreach (var entry in schemas.Entries())
        {
            if (!context.ComponentSchemaNames.ContainsKey(entry.Value))
            {
                context.ComponentSchemaNames[entry.Value] = entry.Key;
            }
        }

        foreach (var entry in schemas.Entries())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            Guarded(context, entry.Value, "the schema '" + entry.Key + "' may be left out", () =>
            {
                FaultInjection.ThrowIfRequested(entry.Key);
                ResolveNamedSchema(context, entry.Key, entry.Value);
            });
        }
    }

    /// <summary>The C# type for a schema node, which may be a reference, a named schema or an inline one.</summary>
    private static TypeRef ResolveSchema(ParseContext context, SpecNode? node, string nameHint)
    {
        if (node is not SpecMapping schema)
        {
            return TypeRef.Any;
        }

        if (schema.Get("$ref") is SpecScalar reference)
        {
            var pointer = reference.Value ?? string.Empty;
            var target = ResolveReference(context, reference, "any JSON value is used instead");
            if (target is null)
            {
                return TypeRef.Any;
            }

            if (context.NamedTypes.TryGetValue(target, out var known))
            {
                return known;
            }

            var name = context.ComponentSchemaNames.TryGetValue(target, out var componentName) ? componentName : ReferencedSchemaName(pointer) ?? nameHint;
            if (context.NamedSchemasInProgress.Contains(target))
            {
                return ResolveRecursiveReference(context, reference, target, name);
            }

            return ResolveNamedSchema(context, name, target);
        }

        return ResolveInlineSchema(context, schema, nameHint);
    }

    /// <summary>
    /// The name a reference gives the schema it reaches: the last segment of a <c>…/components/schemas/Name</c>
    /// or <c>…/definitions/Name</c> pointer, in this file or another, or the name of a file that is the schema.
    /// </summary>
    private static string? ReferencedSchemaName(string reference)
    {
        var hash = reference.IndexOf('#');
        if (hash < 0)
        {
            return reference.Length == 0 ? null : SpecFilePaths.FileStem(reference);
        }

        var pointer = reference.Substring(hash + 1);
        foreach (var prefix in new[] { "/components/schemas/", "/definitions/" })
        {
            if (pointer.StartsWith(prefix, StringComparison.Ordinal) && pointer.Length > prefix.Length && pointer.IndexOf('/', prefix.Length) < 0)
            {
                return UnescapePointerSegment(Uri.UnescapeDataString(pointer.Substring(prefix.Length)));
            }
        }

        return hash == 0 || pointer.Length > 0 ? null : SpecFilePaths.FileStem(reference.Substring(0, hash));
    }

    /// <summary>
    /// A reference back to a named schema still being read. Objects and unions are found before this (their
    /// type is known before their members are read), so the schema is an array or a map that reaches itself
    /// through its items: it is typed again from them, whose type is known by now. Only a chain of references
    /// that never reaches a schema with content is a loop.
    /// </summary>
    private static TypeRef ResolveRecursiveReference(ParseContext context, SpecScalar reference, SpecNode target, string name)
    {
        var pointer = reference.Value ?? string.Empty;
        if (target is not SpecMapping mapping || DereferenceQuietly(context, mapping) is not { } content)
        {
            Report(context, DiagnosticDescriptors.ReferenceLoop, reference, pointer, "any JSON value is used instead");
            return TypeRef.Any;
        }

        var containerType = ReadTypeName(content);
        var isContainer = !IsObjectSchema(content) && UnionVariants(content) is null
            && (containerType == "array" || (containerType == "object" && content.Get("additionalProperties") is SpecMapping));
        if (!isContainer || !context.RecursiveContainersInProgress.Add(content))
        {
            // An array of itself, with no object between, is List<List<…>> without end.
            Report(context, DiagnosticDescriptors.UnsupportedConstruct, reference, "A schema that is only a container of itself", "the inner level is kept as any JSON value");
            return TypeRef.Any;
        }

        try
        {
            return containerType == "array"
                ? new TypeRef(TypeKind.Array, Element: ResolveSchema(context, content.Get("items"), name + "Item"))
                : new TypeRef(TypeKind.Map, Element: ReadAdditionalProperties(context, content, name + "Value") ?? TypeRef.Any);
        }
        finally
        {
            context.RecursiveContainersInProgress.Remove(content);
        }
    }

    private static TypeRef ResolveNamedSchema(ParseContext context, string name, SpecNode node)
    {
        if (context.NamedTypes.TryGetValue(node, out var known))
        {
            return known;
        }

        if (!context.NamedSchemasInProgress.Add(node))
        {
            // Only aliases (a schema that is just another reference) can loop here: objects are
            // registered before their properties are read, so a recursive object finds itself above.
            return TypeRef.Any;
        }

        var type = node is SpecMapping schema && IsObjectSchema(schema)
            ? DeclareObject(context, schema, CSharpNames.ToPascalCase(name, "Model"), named: true)
            : node is SpecMapping unionSchema && UnionVariants(unionSchema) is { } variants
                ? DeclareUnion(context, unionSchema, variants, CSharpNames.ToPascalCase(name, "Union"), named: true)
                : ResolveSchema(context, node, name);
        context.NamedSchemasInProgress.Remove(node);
        context.NamedTypes[node] = type;
        return type;
    }

    /// <summary>
    /// A YAML alias can make a schema contain itself without any $ref; reading it again from inside
    /// would never end, so the inner occurrence becomes any JSON value.
    /// </summary>
    private static TypeRef ResolveInlineSchema(ParseContext context, SpecMapping schema, string nameHint)
    {
        // One node is one type, however many aliases or allOf merges reach it: reading it per use would
        // duplicate classes and, through aliases of aliases, grow exponentially. A class is known here as soon
        // as it is declared, so an object that reaches itself (through an alias or an array) is one recursive type.
        if (context.TypesByInlineNode.TryGetValue(schema, out var known))
        {
            return known;
        }

        if (!context.InlineSchemasInProgress.Add(schema))
        {
            Report(context, DiagnosticDescriptors.UnsupportedConstruct, schema, "A schema that contains itself through a YAML alias", "the inner occurrence is kept as any JSON value");
            return TypeRef.Any;
        }

        try
        {
            var type = ResolveInlineSchemaOnce(context, schema, nameHint);
            context.TypesByInlineNode[schema] = type;
            return type;
        }
        finally
        {
            context.InlineSchemasInProgress.Remove(schema);
        }
    }

    private static TypeRef ResolveInlineSchemaOnce(ParseContext context, SpecMapping schema, string nameHint)
    {
        if (schema.GetSequence("allOf") is { Children.Count: 1 } single && schema.GetMap("properties") is null)
        {
            return ResolveSchema(context, single.Children[0], nameHint);
        }

        if (UnionVariants(schema) is { } variants)
        {
            return DeclareUnion(context, schema, variants, CSharpNames.ToPascalCase(nameHint, "Union"), named: false);
        }

        var type = ReadTypeName(schema);
        if (schema.GetSequence("enum") is { } values && type is "string" or "integer")
        {
            return DeclareEnum(context, schema, values, CSharpNames.ToPascalCase(nameHint, "Enum"), type == "integer");
        }

        if (IsObjectSchema(schema))
        {
            return DeclareObject(context, schema, CSharpNames.ToPascalCase(nameHint, "Model"), named: false);
        }

        switch (type)
        {
            case "object":
                return new TypeRef(TypeKind.Map, Element: ReadAdditionalProperties(context, schema, nameHint + "Value") ?? TypeRef.Any);
            case "array":
                return new TypeRef(TypeKind.Array, Element: ResolveSchema(context, schema.Get("items"), nameHint + "Item"));
            case "string":
                return schema.GetString("format") switch
                {
                    "date-time" => new TypeRef(TypeKind.DateTimeOffset),
                    "uuid" => new TypeRef(TypeKind.Guid),
                    "byte" => new TypeRef(TypeKind.Bytes),
                    _ => TypeRef.String,
                };
            case "integer":
                return new TypeRef(schema.GetString("format") == "int64" ? TypeKind.Int64 : TypeKind.Int32);
            case "number":
                return new TypeRef(schema.GetString("format") switch
                {
                    "float" => TypeKind.Float,
                    "decimal" => TypeKind.Decimal,
                    _ => TypeKind.Double,
                });
            case "boolean":
                return new TypeRef(TypeKind.Boolean);
            case null or "null":
                return TypeRef.Any;
            default:
                Report(context, DiagnosticDescriptors.UnsupportedConstruct, schema.Get("type")!, "The schema type '" + type + "'", "the value is kept as any JSON value");
                return TypeRef.Any;
        }
    }

    /// <summary>The schema's type; for OpenAPI 3.1 type lists, the one that is not "null".</summary>
    private static string? ReadTypeName(SpecMapping schema)
    {
        switch (schema.Get("type"))
        {
            case SpecScalar scalar:
                return scalar.Value;
            case SpecSequence list:
                foreach (var name in list.Strings())
                {
                    if (name != "null")
                    {
                        return name;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsNullable(SpecMapping schema) =>
        schema.GetBool("nullable") || (schema.Get("type") is SpecSequence list && Contains(list.Strings(), "null"));

    /// <summary>A schema that becomes a class: it declares properties, or merges several schemas with allOf.</summary>
    private static bool IsObjectSchema(SpecMapping schema) =>
        schema.Get("$ref") is null
        && (schema.GetMap("properties") is { Children.Count: > 0 } || schema.GetSequence("allOf") is { Children.Count: > 1 });

    /// <summary>What allOf parts and the schema itself declare, merged; the first declaration of a property wins.</summary>
    private sealed class ObjectMembers
    {
        public List<KeyValuePair<string, SpecNode>> Properties { get; } = new();

        public HashSet<string> PropertyNames { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Required { get; } = new(StringComparer.Ordinal);

        public SpecNode? AdditionalProperties { get; set; }

        public SpecMapping? AdditionalPropertiesOwner { get; set; }

        public string? Description { get; set; }
    }

    private static void CollectMembers(ParseContext context, SpecMapping schema, ObjectMembers members, HashSet<SpecMapping> visited)
    {
        // A part reached twice (diamonds, or a loop through allOf) adds nothing new the second time.
        if (!visited.Add(schema))
        {
            return;
        }

        foreach (var part in schema.GetSequence("allOf")?.Children ?? (IList<SpecNode>)Array.Empty<SpecNode>())
        {
            if (part is SpecMapping partMap && DereferenceQuietly(context, partMap) is { } resolved)
            {
                CollectMembers(context, resolved, members, visited);
                members.Description ??= resolved.GetString("description");
            }
        }

        foreach (var entry in schema.GetMap("properties").Entries())
        {
            if (members.PropertyNames.Add(entry.Key))
            {
                members.Properties.Add(entry);
            }
        }

        foreach (var name in schema.GetSequence("required").Strings())
        {
            members.Required.Add(name);
        }

        if (schema.Get("additionalProperties") is { } additional)
        {
            members.AdditionalProperties = additional;
            members.AdditionalPropertiesOwner = schema;
        }
    }

    /// <summary>The type of undeclared properties: null when forbidden, any JSON when allowed without a schema.</summary>
    private static TypeRef? ReadAdditionalProperties(ParseContext context, SpecMapping schema, string nameHint) =>
        schema.Get("additionalProperties") switch
        {
            null => TypeRef.Any,
            SpecScalar { Value: "false" } => null,
            SpecScalar => TypeRef.Any,
            SpecMapping { Children.Count: 0 } => TypeRef.Any,
            var other => ResolveSchema(context, other, nameHint),
        };

    private static TypeRef DeclareObject(ParseContext context, SpecMapping schema, string desiredName, bool named)
    {
        // The class may declare an AdditionalProperties member, and no member may share its type's name.
        var name = CSharpNames.MakeUnique(desiredName == "AdditionalProperties" ? desiredName + "Model" : desiredName, context.TypeNames);
        var type = new TypeRef(TypeKind.Object, name);
        if (named)
        {
            context.NamedTypes[schema] = type;
        }
        else
        {
            context.TypesByInlineNode[schema] = type;
        }

        var place = context.Objects.Reserve();

        var members = new ObjectMembers();
        CollectMembers(context, schema, members, new HashSet<SpecMapping>());
        var additional = members.AdditionalProperties is null ? null : ReadAdditionalProperties(context, members.AdditionalPropertiesOwner!, name + "Value");
        var memberNames = new HashSet<string>(CSharpNames.InheritedMemberNames, StringComparer.Ordinal) { name };
        if (additional is not null)
        {
            memberNames.Add("AdditionalProperties");
        }

        var properties = new List<PropertyModel>();
        foreach (var entry in members.Properties)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var pascalKey = CSharpNames.ToPascalCase(entry.Key);
            var propertyName = CSharpNames.MakeUnique(pascalKey, memberNames);
            var propertySchema = entry.Value as SpecMapping;
            // Quiet: ResolveSchema below reads the same reference and reports it if it is broken.
            var target = propertySchema is null ? null : DereferenceQuietly(context, propertySchema);
            properties.Add(new PropertyModel(
                entry.Key,
                propertyName,
                ResolveSchema(context, entry.Value, name + pascalKey),
                members.Required.Contains(entry.Key),
                (propertySchema is not null && IsNullable(propertySchema)) || (target is not null && IsNullable(target)),
                propertySchema.GetBool("deprecated") || target.GetBool("deprecated"),
                propertySchema.GetString("description") ?? target.GetString("description"),
                propertySchema.GetBool("readOnly") || target.GetBool("readOnly"),
                ScalarText(propertySchema.Get("default") ?? target.Get("default"))));
        }

        context.Objects.Fill(place, new ObjectTypeModel(
            name,
            schema.GetString("description") ?? members.Description,
            schema.GetBool("deprecated"),
            properties.ToEquatableArray(),
            additional));
        return type;
    }

    private static TypeRef DeclareEnum(ParseContext context, SpecMapping schema, SpecSequence values, string desiredName, bool isInteger)
    {
        // The struct declares these members itself, and no member may share its type's name.
        var name = CSharpNames.MakeUnique(Contains(EnumStructMemberNames, desiredName) ? desiredName + "Enum" : desiredName, context.TypeNames);
        var memberNames = new HashSet<string>(CSharpNames.InheritedMemberNames, StringComparer.Ordinal) { name, "Value", "Converter" };
        var members = new List<EnumMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // x-enum-varnames is the common extension that names the values, mostly of integer enums.
        var givenNames = new List<string>(schema.GetSequence("x-enum-varnames").Strings());
        var index = 0;
        foreach (var value in values.Strings())
        {
            var position = index++;
            if (isInteger && !long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            if (seen.Add(value))
            {
                var desiredMember = position < givenNames.Count ? CSharpNames.ToPascalCase(givenNames[position], "Empty")
                    : isInteger ? "Value" + value.Replace("-", "Minus")
                    : CSharpNames.ToPascalCase(value, "Empty");
                members.Add(new EnumMemberModel(value, CSharpNames.MakeUnique(desiredMember, memberNames)));
            }
        }

        context.Enums.Add(new EnumTypeModel(name, schema.GetString("description"), members.ToEquatableArray(), isInteger));
        return new TypeRef(TypeKind.Enum, name);
    }

    private static bool Contains(IEnumerable<string> items, string wanted)
    {
        foreach (var item in items)
        {
            if (item == wanted)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A scalar default as written in the spec; structured defaults are left to the description.</summary>
    private static string? ScalarText(SpecNode? node) =>
        node is SpecScalar { Value: { } value } scalar && !SpecNodeExtensions.IsNullScalar(scalar) ? value : null;

    private static string UnescapePointerSegment(string segment) => segment.Replace("~1", "/").Replace("~0", "~");
}
