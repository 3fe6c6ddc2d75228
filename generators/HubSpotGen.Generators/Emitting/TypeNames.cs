using HubSpotGen.Generators.Model;

namespace HubSpotGen.Generators.Emitting;

/// <summary>Spells model types as <c>global::</c>-qualified C# so that no user type can shadow them.</summary>
internal static class TypeNames
{
    public static string Spell(TypeRef type, string @namespace) => type.Kind switch
    {
        TypeKind.Any => KnownTypes.JToken,
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int32 => "int",
        TypeKind.Int64 => "long",
        TypeKind.Float => "float",
        TypeKind.Double => "double",
        TypeKind.Decimal => "decimal",
        TypeKind.Guid => KnownTypes.Guid,
        TypeKind.DateTimeOffset => KnownTypes.DateTimeOffset,
        TypeKind.Bytes => "byte[]",
        TypeKind.Stream => KnownTypes.Stream,
        TypeKind.Object or TypeKind.Enum or TypeKind.Union => $"global::{@namespace}.{type.Name}",
        TypeKind.Array => $"{KnownTypes.IReadOnlyList}<{SpellElement(type.Element!, @namespace)}>",
        TypeKind.Map => $"{KnownTypes.IReadOnlyDictionary}<string, {SpellElement(type.Element!, @namespace)}>",
        _ => KnownTypes.JToken,
    };

    /// <summary>The type with a <c>?</c> where "absent" must be representable.</summary>
    public static string SpellNullable(TypeRef type, string @namespace) => $"{Spell(type, @namespace)}?";

    /// <summary>JSON null can stand in any untyped slot, so those elements are nullable.</summary>
    private static string SpellElement(TypeRef element, string @namespace) =>
        element.Kind == TypeKind.Any ? $"{KnownTypes.JToken}?" : Spell(element, @namespace);
}
