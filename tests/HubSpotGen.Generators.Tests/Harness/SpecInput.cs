namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>One AdditionalFiles item as a project would declare it.</summary>
/// <param name="Path">The item's path, which diagnostics point at.</param>
/// <param name="Text">The spec text.</param>
/// <param name="Namespace">The OpenApiNamespace metadata; null leaves the item unmarked, so the generator ignores it.</param>
/// <param name="ClientName">The optional OpenApiClientName metadata.</param>
/// <param name="IncludePaths">The optional OpenApiIncludePaths metadata.</param>
/// <param name="IncludeTags">The optional OpenApiIncludeTags metadata.</param>
/// <param name="ModelNamespace">The optional OpenApiModelNamespace metadata.</param>
internal sealed record SpecInput(string Path, string Text, string? Namespace = "Generated.Api", string? ClientName = null, string? IncludePaths = null, string? IncludeTags = null, string? ModelNamespace = null)
{
    /// <summary>The real Flow Service spec with the metadata the library project gives it.</summary>
    public static SpecInput FlowService() =>
        FlowService(File.ReadAllText(RepositoryPaths.FlowServiceSpec));

    /// <summary>Some Flow Service spec text under the library project's metadata.</summary>
    public static SpecInput FlowService(string text) =>
        new(RepositoryPaths.FlowServiceSpec, text, "HubSpotGen.FlowService", "FlowServiceClient");

    /// <summary>A small spec written inside a test, under a made-up path.</summary>
    public static SpecInput Inline(string text, string fileName = "inline.yaml", string? clientName = null) =>
        new(System.IO.Path.Combine("/specs", fileName), text, "Generated.Api", clientName);
}
