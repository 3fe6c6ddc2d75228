using System.Diagnostics.CodeAnalysis;
using HubSpotGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HubSpotGen.Benchmarks.Generation;

/// <summary>
/// Runs <see cref="OpenApiClientGenerator"/> the way the compiler does for a project that lists the spec
/// as an AdditionalFiles item with OpenApiNamespace metadata. Each <see cref="Run"/> builds a new driver,
/// so nothing is cached from a previous run: it is the cost of a clean build, not of an IDE keystroke.
/// </summary>
internal sealed class OurGeneratorRun
{
    private const string NamespaceKey = "build_metadata.AdditionalFiles.OpenApiNamespace";
    private const string ClientNameKey = "build_metadata.AdditionalFiles.OpenApiClientName";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private readonly AdditionalText _spec;
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly CSharpCompilation _compilation;

    public OurGeneratorRun(string path, string text, string @namespace, string clientName)
    {
        _spec = new InMemoryAdditionalText(path, text);
        _options = new SpecOptionsProvider(path, new Dictionary<string, string>
        {
            [NamespaceKey] = @namespace,
            [ClientNameKey] = clientName,
        });
        _compilation = MinimalCompilation.Create();
    }

    /// <summary>One generator run from scratch; the result holds the generated sources.</summary>
    public GeneratorDriverRunResult Run()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            new[] { _spec },
            ParseOptions,
            _options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        driver = driver.RunGenerators(_compilation);
        return driver.GetRunResult();
    }

    /// <summary>Fails unless the run produced a client without throwing and without warnings.</summary>
    public static void Verify(GeneratorDriverRunResult result, string what)
    {
        var generator = result.Results.Single();
        if (generator.Exception is not null)
        {
            throw new InvalidOperationException(what + ": the generator threw.", generator.Exception);
        }

        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(what + ": the generator reported " + string.Join("; ", problems.Select(d => d.ToString())));
        }

        if (generator.GeneratedSources.IsDefaultOrEmpty)
        {
            throw new InvalidOperationException(what + ": the generator wrote nothing.");
        }
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>The keys MSBuild writes into the generated .editorconfig from the item's metadata.</summary>
    private sealed class SpecOptionsProvider(string path, Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions _spec = new DictionaryOptions(values);

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            string.Equals(textFile.Path, path, StringComparison.Ordinal) ? _spec : GlobalOptions;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
