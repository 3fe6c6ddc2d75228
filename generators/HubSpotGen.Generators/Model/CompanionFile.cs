namespace HubSpotGen.Generators.Model;

/// <summary>
/// An AdditionalFiles item without OpenApiNamespace whose name says YAML or JSON: a file that a spec's
/// relative <c>$ref</c> may name. It is compared by its text, so an edit of it parses its specs again.
/// </summary>
/// <param name="Path">The item's path, as diagnostics name it.</param>
/// <param name="Text">The whole text.</param>
internal sealed record CompanionFile(string Path, string Text);
