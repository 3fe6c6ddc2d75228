namespace HubSpotGen.Generators.Model;

/// <summary>An object schema, which becomes a class.</summary>
/// <param name="Name">The C# class name.</param>
/// <param name="Description">The spec's description, if any.</param>
/// <param name="Deprecated">Whether the schema is deprecated.</param>
/// <param name="Properties">The declared properties, in spec order.</param>
/// <param name="AdditionalProperties">The type of undeclared properties, or null when the schema forbids them or declares properties without saying.</param>
internal sealed record ObjectTypeModel(
    string Name,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertyModel> Properties,
    TypeRef? AdditionalProperties);

/// <summary>A property of an object schema.</summary>
/// <param name="JsonName">The name in JSON.</param>
/// <param name="CSharpName">The C# property name.</param>
/// <param name="Type">The C# type.</param>
/// <param name="Required">Whether the schema lists it as required.</param>
/// <param name="Nullable">Whether the schema allows JSON null.</param>
/// <param name="Deprecated">Whether the property is deprecated.</param>
/// <param name="Description">The spec's description, if any.</param>
/// <param name="ReadOnly">Set by the service only: callers never have to give it.</param>
/// <param name="DefaultValue">The spec's default as JSON text, for documentation.</param>
internal sealed record PropertyModel(
    string JsonName,
    string CSharpName,
    TypeRef Type,
    bool Required,
    bool Nullable,
    bool Deprecated,
    string? Description,
    bool ReadOnly = false,
    string? DefaultValue = null);
