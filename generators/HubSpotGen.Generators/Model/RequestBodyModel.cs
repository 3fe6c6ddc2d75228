namespace HubSpotGen.Generators.Model;

/// <summary>A JSON request body.</summary>
/// <param name="CSharpName">The C# parameter name.</param>
/// <param name="MediaType">The media type sent in Content-Type.</param>
/// <param name="Type">The C# type of the body.</param>
/// <param name="Required">Whether the caller must give it.</param>
/// <param name="Description">The spec's description, if any.</param>
internal sealed record RequestBodyModel(
    string CSharpName,
    string MediaType,
    TypeRef Type,
    bool Required,
    string? Description);
