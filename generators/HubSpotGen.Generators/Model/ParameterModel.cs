namespace HubSpotGen.Generators.Model;

/// <summary>Where a parameter travels.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>A path, query, header or cookie parameter of an operation.</summary>
/// <param name="WireName">The name on the wire.</param>
/// <param name="CSharpName">The C# parameter name, escaped if it is a keyword.</param>
/// <param name="Location">Where the value travels.</param>
/// <param name="Type">The C# type.</param>
/// <param name="Required">Whether the caller must give it.</param>
/// <param name="Explode">For arrays in a query: repeat the name per item (true) or join items with commas (false).</param>
/// <param name="Description">The spec's description, if any.</param>
internal sealed record ParameterModel(
    string WireName,
    string CSharpName,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    bool Explode,
    string? Description);
