namespace HubSpotGen.Generators.Model;

/// <summary>What a schema becomes in C#, before it is spelled as text by the emitter.</summary>
internal enum TypeKind
{
    /// <summary>Any JSON value, kept as a JSON token.</summary>
    Any,
    String,
    Boolean,
    Int32,
    Int64,
    Float,
    Double,
    Decimal,
    Guid,
    DateTimeOffset,
    Bytes,
    /// <summary>A stream, for binary request bodies only.</summary>
    Stream,
    /// <summary>A generated class; <see cref="TypeRef.Name"/> holds its C# name.</summary>
    Object,
    /// <summary>A generated string enum struct; <see cref="TypeRef.Name"/> holds its C# name.</summary>
    Enum,
    /// <summary>A generated oneOf/anyOf class; <see cref="TypeRef.Name"/> holds its C# name.</summary>
    Union,
    /// <summary>A list of <see cref="TypeRef.Element"/>.</summary>
    Array,
    /// <summary>A string-keyed dictionary of <see cref="TypeRef.Element"/>.</summary>
    Map,
}

/// <summary>A C# type for a schema.</summary>
/// <param name="Kind">The shape of the type.</param>
/// <param name="Name">The generated type's name, for objects and enums.</param>
/// <param name="Element">The element type, for arrays and maps.</param>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Element = null)
{
    public static readonly TypeRef Any = new(TypeKind.Any);
    public static readonly TypeRef String = new(TypeKind.String);

    /// <summary>Whether the C# type is a struct, so that "absent" needs <c>Nullable&lt;T&gt;</c>.</summary>
    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float
        or TypeKind.Double or TypeKind.Decimal or TypeKind.Guid or TypeKind.DateTimeOffset or TypeKind.Enum;
}
