namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>Reads a spec's text into a <see cref="SpecNode"/> tree: strict JSON when it looks like JSON, YAML 1.2 otherwise.</summary>
internal static class SpecReader
{
    /// <summary>The first document's root, or null for an empty document.</summary>
    /// <exception cref="SpecSyntaxException">The text is not valid; the exception says where.</exception>
    public static SpecNode? Read(string text) => JsonReader.LooksLikeJson(text) ? JsonReader.Read(text) : YamlReader.Read(text);
}
