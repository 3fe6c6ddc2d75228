namespace HubSpotGen.Generators.Model;

/// <summary>A string enum, which becomes a struct that also carries values the spec does not list.</summary>
/// <param name="Name">The C# struct name.</param>
/// <param name="Description">The spec's description, if any.</param>
/// <param name="Members">The listed values.</param>
/// <param name="IsInteger">Values are JSON integers rather than strings.</param>
internal sealed record EnumTypeModel(string Name, string? Description, EquatableArray<EnumMemberModel> Members, bool IsInteger = false);

/// <summary>A listed value of a string enum.</summary>
/// <param name="Value">The value on the wire.</param>
/// <param name="CSharpName">The C# property name.</param>
internal sealed record EnumMemberModel(string Value, string CSharpName);
