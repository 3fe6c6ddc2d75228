namespace HubSpotGen.Generators.Model;

/// <summary>
/// A oneOf or anyOf schema, which becomes a class over the JSON value with one typed accessor per
/// variant: the value is kept whole, so reading a variant never loses what the others would see.
/// </summary>
/// <param name="Name">The C# class name.</param>
/// <param name="Description">The spec's description, if any.</param>
/// <param name="Variants">The listed schemas, in spec order.</param>
/// <param name="DiscriminatorProperty">The JSON property that names the variant, if the spec gives one.</param>
internal sealed record UnionTypeModel(
    string Name,
    string? Description,
    EquatableArray<UnionVariantModel> Variants,
    string? DiscriminatorProperty);

/// <summary>One variant of a union.</summary>
/// <param name="CSharpName">The suffix of its accessors, e.g. <c>Cat</c> in <c>AsCat</c>.</param>
/// <param name="Type">Its C# type.</param>
/// <param name="DiscriminatorValues">The discriminator values that select it; empty without a discriminator.</param>
internal sealed record UnionVariantModel(string CSharpName, TypeRef Type, EquatableArray<string> DiscriminatorValues);
