using System.Collections.Generic;
using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    private static void WriteUnion(SourceWriter writer, UnionFile file)
    {
        var type = file.Type;
        var name = type.Name;
        writer.Doc("summary", type.Description ?? "One of several shapes; read it through the As… and TryGet… members.");
        writer.Block($$"""
            {{GeneratedCodeAttribute}}
            [{{KnownTypes.JsonConverter}}(typeof({{ModelType(file.Header, name)}}.Converter))]
            public sealed partial class {{name}}
            {
                private static readonly {{KnownTypes.JsonSerializer}} __Serializer = {{KnownTypes.JsonSerializer}}.Create(new {{KnownTypes.JsonSerializerSettings}} { DateParseHandling = {{KnownTypes.DateParseHandling}}.None });

                /// <summary>Wraps a JSON value as it was read or is to be written.</summary>
                public {{name}}({{KnownTypes.JToken}} json)
                {
                    Json = json ?? throw new {{KnownTypes.ArgumentNullException}}(nameof(json));
                }

                /// <summary>The whole value, whichever variant it is.</summary>
                public {{KnownTypes.JToken}} Json { get; }
            """);
        writer.Indent();
        if (type.DiscriminatorProperty is { } discriminator)
        {
            writer.Block($"""

                /// <summary>The value of <c>{SourceWriter.DocText(discriminator)}</c>, which names the variant; null when absent.</summary>
                public string? Discriminator => Json is {KnownTypes.JObject} __object && __object.TryGetValue({Literal(discriminator)}, out var __value) && __value.Type == {KnownTypes.JTokenType}.String ? (string?)__value : null;
                """);
        }

        foreach (var variant in type.Variants)
        {
            WriteVariant(writer, file, variant);
        }

        writer.Block($$"""

            /// <summary>The JSON text of the value.</summary>
            public override string ToString() => Json.ToString({{KnownTypes.Formatting}}.None);

            /// <summary>Reads and writes the value as the JSON it is.</summary>
            public sealed class Converter : {{KnownTypes.JsonConverter}}
            {
                /// <inheritdoc/>
                public override bool CanConvert({{KnownTypes.Type}} objectType) => objectType == typeof({{name}});

                /// <inheritdoc/>
                public override object? ReadJson({{KnownTypes.JsonReader}} reader, {{KnownTypes.Type}} objectType, object? existingValue, {{KnownTypes.JsonSerializer}} serializer) =>
                    reader.TokenType == {{KnownTypes.JsonToken}}.Null ? null : new {{name}}({{KnownTypes.JToken}}.ReadFrom(reader));

                /// <inheritdoc/>
                public override void WriteJson({{KnownTypes.JsonWriter}} writer, object? value, {{KnownTypes.JsonSerializer}} serializer) =>
                    (value is {{name}} union ? union.Json : {{KnownTypes.JValue}}.CreateNull()).WriteTo(writer);
            }
            """);
        writer.Close();
    }

    /// <summary>
    /// With a discriminator value, <c>Is…</c> and <c>As…</c> read the variant the value names; without one,
    /// <c>TryGet…</c> tries the variant's shape.
    /// </summary>
    private static void WriteVariant(SourceWriter writer, UnionFile file, UnionVariantModel variant)
    {
        var union = file.Type.Name;
        var variantName = variant.CSharpName;
        var variantType = TypeNames.Spell(variant.Type, file.Header.TypesNamespace);
        writer.Line();
        if (file.Type.DiscriminatorProperty is not null && variant.DiscriminatorValues.Count > 0)
        {
            var conditions = new List<string>();
            foreach (var value in variant.DiscriminatorValues)
            {
                conditions.Add($"Discriminator == {Literal(value)}");
            }

            writer.Block($"""
                /// <summary>Whether the discriminator names this variant.</summary>
                public bool Is{variantName} => {string.Join(" || ", conditions)};

                /// <summary>The value as this variant, or null when the discriminator names another.</summary>
                public {variantType}? As{variantName}() => Is{variantName} ? Json.ToObject<{variantType}>(__Serializer) : default;
                """);
        }
        else
        {
            var fits = variant.Type.IsValueType ? "return true;" : "return value != null;";
            writer.Block($$"""
                /// <summary>Reads the value as this variant; false when it does not fit.</summary>
                public bool TryGet{{variantName}}(out {{variantType}}? value)
                {
                    try
                    {
                        value = Json.ToObject<{{variantType}}>(__Serializer);
                        {{fits}}
                    }
                    catch ({{KnownTypes.Exception}} exception) when (exception is {{KnownTypes.JsonException}} || exception is {{KnownTypes.FormatException}} || exception is {{KnownTypes.InvalidCastException}} || exception is {{KnownTypes.ArgumentException}} || exception is {{KnownTypes.OverflowException}})
                    {
                        value = default;
                        return false;
                    }
                }
                """);
        }

        var wrapped = variant.Type.IsValueType
            ? $"{KnownTypes.JToken}.FromObject(value, __Serializer)"
            : $"value == null ? {KnownTypes.JValue}.CreateNull() : {KnownTypes.JToken}.FromObject(value, __Serializer)";
        writer.Block($"""

            /// <summary>Wraps a value of this variant.</summary>
            public static {union} From{variantName}({variantType} value) => new {union}({wrapped});
            """);
    }
}
