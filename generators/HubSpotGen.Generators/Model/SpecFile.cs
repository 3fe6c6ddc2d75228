namespace HubSpotGen.Generators.Model;

/// <summary>An AdditionalFiles item marked as an OpenAPI spec, with its text.</summary>
/// <param name="Path">The file path, for diagnostics.</param>
/// <param name="Text">The whole text.</param>
/// <param name="Namespace">The namespace from the OpenApiNamespace metadata.</param>
/// <param name="ClientName">The class name from the OpenApiClientName metadata, if given.</param>
/// <param name="IncludePaths">The OpenApiIncludePaths metadata: path globs separated by ';', if given.</param>
/// <param name="IncludeTags">The OpenApiIncludeTags metadata: tag globs separated by ';', if given.</param>
/// <param name="ModelNamespace">The OpenApiModelNamespace metadata: where models, enums and unions go, if given.</param>
internal sealed record SpecFile(string Path, string Text, string Namespace, string? ClientName, string? IncludePaths = null, string? IncludeTags = null, string? ModelNamespace = null);
