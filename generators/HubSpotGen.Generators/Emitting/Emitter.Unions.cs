using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    private static string EmitUnion(ApiHeader header, UnionTypeModel type)
    {
        var name = type.Name;
        var writer = StartFile(header);
        writer.Doc("summary", type.Description ?? "One of several shapes; read it through the As… and TryGet… members.");
        writer.Line(GeneratedCodeAttribute);
        writer.Line("[global::Newtonsoft.Json.JsonConverter(typeof(global::" + header.Namespace + "." + name + ".Converter))]");
        writer.Open("public sealed partial class " + name);
        writer.Line("private static readonly global::Newtonsoft.Json.JsonSerializer __Serializer = global::Newtonsoft.Json.JsonSerializer.Create(new global::Newtonsoft.Json.JsonSerializerSettings { DateParseHandling = global::Newtonsoft.Json.DateParseHandling.None });");
        writer.Line();
        writer.Line("/// <summary>Wraps a JSON value as it was read or is to be written.</summary>");
        writer.Open("public " + name + "(" + TypeNames.JToken + " json)");
        writer.Line("Json = json ?? throw new global::System.ArgumentNullException(nameof(json));");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The whole value, whichever variant it is.</summary>");
        writer.Line("public " + TypeNames.JToken + " Json { get; }");
        if (type.DiscriminatorProperty is { } discriminator)
        {
            writer.Line();
            writer.Line("/// <summary>The value of <c>" + SourceWriter.DocText(discriminator) + "</c>, which names the variant; null when absent.</summary>");
            writer.Line("public string? Discriminator => Json is global::Newtonsoft.Json.Linq.JObject __object && __object.TryGetValue(" + Literal(discriminator) + ", out var __value) && __value.Type == global::Newtonsoft.Json.Linq.JTokenType.String ? (string?)__value : null;");
        }

        foreach (var variant in type.Variants)
        {
            var variantType = TypeNames.Spell(variant.Type, header.Namespace);
            writer.Line();
            if (type.DiscriminatorProperty is not null && variant.DiscriminatorValues.Count > 0)
            {
                var conditions = new System.Collections.Generic.List<string>();
                foreach (var value in variant.DiscriminatorValues)
                {
                    conditions.Add("Discriminator == " + Literal(value));
                }

                writer.Line("/// <summary>Whether the discriminator names this variant.</summary>");
                writer.Line("public bool Is" + variant.CSharpName + " => " + string.Join(" || ", conditions) + ";");
                writer.Line();
                writer.Line("/// <summary>The value as this variant, or null when the discriminator names another.</summary>");
                writer.Line("public " + variantType + "? As" + variant.CSharpName + "() => Is" + variant.CSharpName + " ? Json.ToObject<" + variantType + ">(__Serializer) : default;");
            }
            else
            {
                writer.Line("/// <summary>Reads the value as this variant; false when it does not fit.</summary>");
                writer.Open("public bool TryGet" + variant.CSharpName + "(out " + variantType + "? value)");
                writer.Open("try");
                writer.Line("value = Json.ToObject<" + variantType + ">(__Serializer);");
                writer.Line(variant.Type.IsValueType ? "return true;" : "return value != null;");
                writer.Close();
                writer.Open("catch (global::System.Exception exception) when (exception is global::Newtonsoft.Json.JsonException || exception is global::System.FormatException || exception is global::System.InvalidCastException || exception is global::System.ArgumentException || exception is global::System.OverflowException)");
                writer.Line("value = default;");
                writer.Line("return false;");
                writer.Close();
                writer.Close();
            }

            writer.Line();
            writer.Line("/// <summary>Wraps a value of this variant.</summary>");
            writer.Line(variant.Type.IsValueType
                ? "public static " + name + " From" + variant.CSharpName + "(" + variantType + " value) => new " + name + "(" + TypeNames.JToken + ".FromObject(value, __Serializer));"
                : "public static " + name + " From" + variant.CSharpName + "(" + variantType + " value) => new " + name + "(value == null ? global::Newtonsoft.Json.Linq.JValue.CreateNull() : " + TypeNames.JToken + ".FromObject(value, __Serializer));");
        }

        writer.Line();
        writer.Line("/// <summary>The JSON text of the value.</summary>");
        writer.Line("public override string ToString() => Json.ToString(global::Newtonsoft.Json.Formatting.None);");
        writer.Line();
        writer.Line("/// <summary>Reads and writes the value as the JSON it is.</summary>");
        writer.Open("public sealed class Converter : global::Newtonsoft.Json.JsonConverter");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool CanConvert(global::System.Type objectType) => objectType == typeof(" + name + ");");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override object? ReadJson(global::Newtonsoft.Json.JsonReader reader, global::System.Type objectType, object? existingValue, global::Newtonsoft.Json.JsonSerializer serializer)");
        writer.Line("return reader.TokenType == global::Newtonsoft.Json.JsonToken.Null ? null : new " + name + "(" + TypeNames.JToken + ".ReadFrom(reader));");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override void WriteJson(global::Newtonsoft.Json.JsonWriter writer, object? value, global::Newtonsoft.Json.JsonSerializer serializer)");
        writer.Open("if (value is " + name + " union)");
        writer.Line("union.Json.WriteTo(writer);");
        writer.Close();
        writer.Open("else");
        writer.Line("writer.WriteNull();");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
