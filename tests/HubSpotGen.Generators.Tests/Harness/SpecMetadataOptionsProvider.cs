using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>
/// Gives each AdditionalFiles item the <c>build_metadata.AdditionalFiles.*</c> keys that MSBuild would
/// write into the generated .editorconfig from the item's metadata.
/// </summary>
internal sealed class SpecMetadataOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly Dictionary<string, AnalyzerConfigOptions> _byPath;

    public SpecMetadataOptionsProvider(IEnumerable<SpecInput> specs)
    {
        _byPath = new Dictionary<string, AnalyzerConfigOptions>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (spec.Namespace is not null)
            {
                values["build_metadata.AdditionalFiles.OpenApiNamespace"] = spec.Namespace;
            }

            if (spec.ClientName is not null)
            {
                values["build_metadata.AdditionalFiles.OpenApiClientName"] = spec.ClientName;
            }

            if (spec.IncludePaths is not null)
            {
                values["build_metadata.AdditionalFiles.OpenApiIncludePaths"] = spec.IncludePaths;
            }

            if (spec.IncludeTags is not null)
            {
                values["build_metadata.AdditionalFiles.OpenApiIncludeTags"] = spec.IncludeTags;
            }

            if (spec.ModelNamespace is not null)
            {
                values["build_metadata.AdditionalFiles.OpenApiModelNamespace"] = spec.ModelNamespace;
            }

            _byPath[spec.Path] = new DictionaryOptions(values);
        }
    }

    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _byPath.TryGetValue(textFile.Path, out var options) ? options : GlobalOptions;

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
