using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>An AdditionalFiles item whose text lives in memory, as the IDE hands over an unsaved buffer.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
