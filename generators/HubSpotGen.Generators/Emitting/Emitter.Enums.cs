namespace HubSpotGen.Generators.Emitting;

internal static partial class Emitter
{
    /// <summary>
    /// A struct rather than a C# enum: a value the spec does not list (a service adds states over time)
    /// reads and writes back unchanged instead of failing the whole response.
    /// </summary>
    private static void WriteEnum(SourceWriter writer, EnumFile file)
    {
        var type = file.Type;
        var name = type.Name;
        writer.Doc("summary", type.Description ?? $"The values of {name}.");
        writer.Block($$"""
            {{GeneratedCodeAttribute}}
            [{{KnownTypes.JsonConverter}}(typeof({{ModelType(file.Header, name)}}.Converter))]
            """);
        writer.Open($"public readonly partial struct {name} : {KnownTypes.IEquatable}<{name}>");
        foreach (var member in type.Members)
        {
            var value = type.IsInteger ? $"{member.Value}L" : Literal(member.Value);
            writer.Block($$"""
                /// <summary>The value <c>{{SourceWriter.DocText(member.Value)}}</c>.</summary>
                public static {{name}} {{member.CSharpName}} { get; } = new {{name}}({{value}});

                """);
        }

        // The two kinds differ in the wire type and in how a value is compared, hashed, printed and read.
        var (valueType, jsonKind, check, equals, hash, text, read) = type.IsInteger
            ? ("long", "number", "Value = value;",
                $"public bool Equals({name} other) => Value == other.Value;",
                "public override int GetHashCode() => Value.GetHashCode();",
                $"public override string ToString() => Value.ToString({KnownTypes.CultureInfo}.InvariantCulture);",
                $"new {name}({KnownTypes.Convert}.ToInt64(reader.Value, {KnownTypes.CultureInfo}.InvariantCulture))")
            : ("string", "string", $"Value = value ?? throw new {KnownTypes.ArgumentNullException}(nameof(value));",
                $"public bool Equals({name} other) => string.Equals(Value, other.Value, {KnownTypes.StringComparison}.Ordinal);",
                $"public override int GetHashCode() => Value == null ? 0 : {KnownTypes.StringComparer}.Ordinal.GetHashCode(Value);",
                "public override string ToString() => Value ?? string.Empty;",
                $"new {name}({KnownTypes.Convert}.ToString(reader.Value, {KnownTypes.CultureInfo}.InvariantCulture) ?? string.Empty)");
        writer.Block($$"""
            /// <summary>Wraps a value, listed in the spec or not.</summary>
            public {{name}}({{valueType}} value)
            {
                {{check}}
            }

            /// <summary>The value on the wire.</summary>
            public {{valueType}} Value { get; }

            /// <inheritdoc/>
            {{equals}}

            /// <inheritdoc/>
            public override bool Equals(object? obj) => obj is {{name}} other && Equals(other);

            /// <inheritdoc/>
            {{hash}}

            /// <summary>The value on the wire.</summary>
            {{text}}

            /// <summary>Compares by value.</summary>
            public static bool operator ==({{name}} left, {{name}} right) => left.Equals(right);

            /// <summary>Compares by value.</summary>
            public static bool operator !=({{name}} left, {{name}} right) => !left.Equals(right);

            /// <summary>Wraps a value, listed in the spec or not.</summary>
            public static implicit operator {{name}}({{valueType}} value) => new {{name}}(value);

            /// <summary>Reads and writes the value as a JSON {{jsonKind}}.</summary>
            public sealed class Converter : {{KnownTypes.JsonConverter}}
            {
                /// <inheritdoc/>
                public override bool CanConvert({{KnownTypes.Type}} objectType) => objectType == typeof({{name}}) || objectType == typeof({{name}}?);

                /// <inheritdoc/>
                public override object? ReadJson({{KnownTypes.JsonReader}} reader, {{KnownTypes.Type}} objectType, object? existingValue, {{KnownTypes.JsonSerializer}} serializer) =>
                    reader.TokenType == {{KnownTypes.JsonToken}}.Null ? (objectType == typeof({{name}}) ? (object)default({{name}}) : null) : {{read}};

                /// <inheritdoc/>
                public override void WriteJson({{KnownTypes.JsonWriter}} writer, object? value, {{KnownTypes.JsonSerializer}} serializer) =>
                    writer.WriteValue(value is {{name}} known ? known.Value : ({{valueType}}?)null);
            }
            """);
        writer.Close();
    }
}
