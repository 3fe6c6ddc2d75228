namespace HubSpotGen.Generators.Parsing.Reading;

/// <summary>Reads a spec's text into a <see cref="SpecNode"/> tree: strict JSON when it looks like JSON, YAML 1.2 otherwise.</summary>
internal static class SpecReader
{
    /// <summary>The first document's root, or null for an empty document.</summary>
    /// <exception cref="SpecSyntaxException">The text is not valid; the exception says where.</exception>
    public static SpecNode? Read(string text) => Read(text, out _);

    /// <param name="text">The spec's text.</param>
    /// <param name="sharesNodes">Whether a node of the tree is reached from more than one place (YAML aliases).</param>
    public static SpecNode? Read(string text, out bool sharesNodes)
    {
        if (JsonReader.LooksLikeJson(text))
        {
            sharesNodes = false;
            return JsonReader.Read(text);
        }

        return YamlReader.Read(text, out sharesNodes);
    }
}
