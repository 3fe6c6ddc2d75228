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

        var emitInputs = models
            .Combine(support)
            .WithTrackingName(TrackingNames.EmitInputs);
        context.RegisterSourceOutput(emitInputs, static (output, input) => Emit(output, input.Left, input.Right));
    }

    private static SpecFile? ReadSpecFile(AdditionalText text, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(text);
        if (!fileOptions.TryGetValue(NamespaceMetadata, out var @namespace))
        {
            return null;
        }

        fileOptions.TryGetValue(ClientNameMetadata, out var clientName);
        var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecFile(text.Path, content, @namespace.Trim(), string.IsNullOrWhiteSpace(clientName) ? null : clientName!.Trim());
    }

    private static CompilationSupport ReadCompilationSupport(Compilation compilation)
    {
        var version = compilation is CSharpCompilation csharp ? csharp.LanguageVersion : LanguageVersion.Latest;
        return new CompilationSupport(
            compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert") is not null,
            version.ToDisplayString(),
            (int)version);
    }

    private static void Emit(SourceProductionContext output, ApiModel? model, CompilationSupport support)
    {
        if (model is null)
        {
            return;
        }

        // Reported without a location: the cause is the project file, not the spec.
        if (!support.HasNewtonsoftJson)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingNewtonsoftJson, Location.None));
            return;
        }

        if (support.LanguageVersionNumber < (int)LanguageVersion.CSharp9)
        {
            output.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LanguageVersionTooLow, Location.None, support.LanguageVersion));
            return;
        }

        var options = new EmitOptions(UseRequiredMembers: support.LanguageVersionNumber >= (int)LanguageVersion.CSharp11);
        foreach (var file in Emitter.Emit(model, options))
        {
            output.AddSource(file.HintName, SourceText.From(file.Source, System.Text.Encoding.UTF8));
        }
    }
}
