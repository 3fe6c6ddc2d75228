using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

/// <summary>Spells model types as <c>global::</c>-qualified C# so that no user type can shadow them.</summary>
internal static class TypeNames
{
    public const string JToken = "global::Newtonsoft.Json.Linq.JToken";

    public static string Spell(TypeRef type, string @namespace) => type.Kind switch
    {
        TypeKind.Any => JToken,
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.Guid => "global::System.Guid",
        TypeKind.DateTimeOffset => "global::System.DateTimeOffset",
        TypeKind.Bytes => "byte[]",
        TypeKind.Stream => "global::System.IO.Stream",
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => "global::" + @namespace + "." + type.Name,
        TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + SpellElement(type.Element!, @namespace) + ">",
        TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + SpellElement(type.Element!, @namespace) + ">",
        _ => JToken,
    };

    /// <summary>The type with a <c>?</c> where "absent" must be representable.</summary>
    public static string SpellNullable(TypeRef type, string @namespace) => Spell(type, @namespace) + "?";

    /// <summary>JSON null can stand in any untyped slot, so those elements are nullable.</summary>
    private static string SpellElement(TypeRef element, string @namespace) =>
        element.Kind == TypeKind.Any ? JToken + "?" : Spell(element, @namespace);
}
