using System.Collections.Immutable;
using HubSpotGen.Generators.Diagnostics;
using HubSpotGen.Generators.Emitting;
using HubSpotGen.Generators.Model;
using HubSpotGen.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace HubSpotGen.Generators;

/// <summary>
/// Generates a typed HttpClient-based client from each AdditionalFiles item that carries
/// <c>OpenApiNamespace</c> metadata. Initialize only wires named steps; the work lives in
/// <see cref="Parser"/> and <see cref="Emitter"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    private const string NamespaceMetadata = "build_metadata.AdditionalFiles.OpenApiNamespace";
    private const string ClientNameMetadata = "build_metadata.AdditionalFiles.OpenApiClientName";
    private const string IncludePathsMetadata = "build_metadata.AdditionalFiles.OpenApiIncludePaths";
    private const string IncludeTagsMetadata = "build_metadata.AdditionalFiles.OpenApiIncludeTags";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadSpecFile(pair.Left, pair.Right, cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var parseResults = specFiles
            .Select(static (file, cancellationToken) => Parser.Parse(file, cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        var diagnostics = parseResults
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.SpecDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, items) =>
        {
            foreach (var item in items)
            {
                output.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        var models = parseResults
            .Select(static (result, _) => result.Model)
            .WithTrackingName(TrackingNames.ApiModels);

        // Reduced to a small record at once: the compilation changes on every keystroke, this rarely does.
        var support = context.CompilationProvider
            .Select(static (compilation, _) => ReadCompilationSupport(compilation))
            .WithTrackingName(TrackingNames.CompilationSupport);

        // A project that cannot take the code is told once, however many specs it has, at the first spec item
        // in path order: the cause is the project file, which has no location a diagnostic can point at.
        var supportProblem = parseResults
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.SpecPath)
            .Collect()
            .Combine(support)
            .Select(static (pair, _) => pair.Left.IsEmpty ? null : DescribeUnsupportedCompilation(pair.Right, FirstInOrder(pair.Left)))
            .WithTrackingName(TrackingNames.UnsupportedCompilation);
        context.RegisterSourceOutput(supportProblem, static (output, problem) =>
        {
            if (problem is not null)
            {
                output.ReportDiagnostic(problem.ToDiagnostic());
            }
        });

        // One record per file: after an edit, only the files whose record changed are written again.
        var sourceFiles = models
            .Combine(support)
            .SelectMany(static (pair, _) => pair.Left is null || !IsSupported(pair.Right)
                ? ImmutableArray<SourceFile>.Empty
                : Emitter.Plan(pair.Left, new EmitOptions(
                    UseRequiredMembers: pair.Right.LanguageVersionNumber >= (int)LanguageVersion.CSharp11,
                    UseArrayPool: pair.Right.HasArrayPool)).ToImmutableArray())
            .WithTrackingName(TrackingNames.SourceFiles);
        context.RegisterSourceOutput(sourceFiles, static (output, sourceFile) =>
        {
            var file = Emitter.Emit(sourceFile);
            output.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));
        });
    }

    private static SpecFile? ReadSpecFile(AdditionalText text, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(text);
        if (!fileOptions.TryGetValue(NamespaceMetadata, out var @namespace))
        {
            return null;
        }

        fileOptions.TryGetValue(ClientNameMetadata, out var clientName);
        fileOptions.TryGetValue(IncludePathsMetadata, out var includePaths);
        fileOptions.TryGetValue(IncludeTagsMetadata, out var includeTags);
        var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecFile(text.Path, content, @namespace.Trim(), NullIfBlank(clientName), NullIfBlank(includePaths), NullIfBlank(includeTags));
    }

    /// <summary>MSBuild writes every declared metadata name for every item, empty where the item has none.</summary>
    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static CompilationSupport ReadCompilationSupport(Compilation compilation)
    {
        var version = compilation is CSharpCompilation csharp ? csharp.LanguageVersion : LanguageVersion.Latest;
        return new CompilationSupport(
            compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert") is not null,
            version.ToDisplayString(),
            (int)version,
            compilation.GetTypeByMetadataName("System.Buffers.ArrayPool`1") is not null);
    }

    private static bool IsSupported(CompilationSupport support) =>
        support.HasNewtonsoftJson && support.LanguageVersionNumber >= (int)LanguageVersion.CSharp9;

    /// <summary>Why the compilation cannot take the generated code, located at the spec item; null when it can.</summary>
    private static DiagnosticInfo? DescribeUnsupportedCompilation(CompilationSupport support, string specPath)
    {
        if (!support.HasNewtonsoftJson)
        {
            return DiagnosticInfo.Create(DiagnosticDescriptors.MissingNewtonsoftJson, SpecLocation.StartOf(specPath));
        }

        return support.LanguageVersionNumber < (int)LanguageVersion.CSharp9
            ? DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, SpecLocation.StartOf(specPath), support.LanguageVersion)
            : null;
    }

    private static string FirstInOrder(ImmutableArray<string> paths)
    {
        var first = paths[0];
        foreach (var path in paths)
        {
            if (string.CompareOrdinal(path, first) < 0)
            {
                first = path;
            }
        }

        return first;
    }
}
