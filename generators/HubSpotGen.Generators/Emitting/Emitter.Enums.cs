using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    /// <summary>
    /// A struct rather than a C# enum: a value the spec does not list (a service adds states over time)
    /// reads and writes back unchanged instead of failing the whole response.
    /// </summary>
    private static string EmitEnum(ApiHeader header, EnumTypeModel type)
    {
        var name = type.Name;
        var valueType = type.IsInteger ? "long" : "string";
        var writer = StartFile(header);
        writer.Doc("summary", type.Description ?? "The values of " + name + ".");
        writer.Line(GeneratedCodeAttribute);
        writer.Line("[global::Newtonsoft.Json.JsonConverter(typeof(global::" + header.Namespace + "." + name + ".Converter))]");
        writer.Open("public readonly partial struct " + name + " : global::System.IEquatable<" + name + ">");
        foreach (var member in type.Members)
        {
            writer.Line("/// <summary>The value <c>" + SourceWriter.DocText(member.Value) + "</c>.</summary>");
            writer.Line("public static " + name + " " + member.CSharpName + " { get; } = new " + name + "(" + (type.IsInteger ? member.Value + "L" : Literal(member.Value)) + ");");
            writer.Line();
        }

        writer.Line("/// <summary>Wraps a value, listed in the spec or not.</summary>");
        writer.Open("public " + name + "(" + valueType + " value)");
        writer.Line(type.IsInteger ? "Value = value;" : "Value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>The value on the wire.</summary>");
        writer.Line("public " + valueType + " Value { get; }");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line(type.IsInteger
            ? "public bool Equals(" + name + " other) => Value == other.Value;"
            : "public bool Equals(" + name + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool Equals(object? obj) => obj is " + name + " other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line(type.IsInteger
            ? "public override int GetHashCode() => Value.GetHashCode();"
            : "public override int GetHashCode() => Value == null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.Line("/// <summary>The value on the wire.</summary>");
        writer.Line(type.IsInteger
            ? "public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);"
            : "public override string ToString() => Value ?? string.Empty;");
        writer.Line();
        writer.Line("/// <summary>Compares by value.</summary>");
        writer.Line("public static bool operator ==(" + name + " left, " + name + " right) => left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Compares by value.</summary>");
        writer.Line("public static bool operator !=(" + name + " left, " + name + " right) => !left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Wraps a value, listed in the spec or not.</summary>");
        writer.Line("public static implicit operator " + name + "(" + valueType + " value) => new " + name + "(value);");
        writer.Line();
        writer.Line("/// <summary>Reads and writes the value as a JSON " + (type.IsInteger ? "number" : "string") + ".</summary>");
        writer.Open("public sealed class Converter : global::Newtonsoft.Json.JsonConverter");
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override bool CanConvert(global::System.Type objectType) => objectType == typeof(" + name + ") || objectType == typeof(" + name + "?);");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override object? ReadJson(global::Newtonsoft.Json.JsonReader reader, global::System.Type objectType, object? existingValue, global::Newtonsoft.Json.JsonSerializer serializer)");
        writer.Open("if (reader.TokenType == global::Newtonsoft.Json.JsonToken.Null)");
        writer.Line("return objectType == typeof(" + name + ") ? (object)default(" + name + ") : null;");
        writer.Close();
        writer.Line();
        writer.Line(type.IsInteger
            ? "return new " + name + "(global::System.Convert.ToInt64(reader.Value, global::System.Globalization.CultureInfo.InvariantCulture));"
            : "return new " + name + "(global::System.Convert.ToString(reader.Value, global::System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open("public override void WriteJson(global::Newtonsoft.Json.JsonWriter writer, object? value, global::Newtonsoft.Json.JsonSerializer serializer)");
        writer.Open(type.IsInteger ? "if (value is " + name + " known)" : "if (value is " + name + " known && known.Value != null)");
        writer.Line("writer.WriteValue(known.Value);");
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
