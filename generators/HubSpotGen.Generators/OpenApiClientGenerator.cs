using System;
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
    private const string ModelNamespaceMetadata = "build_metadata.AdditionalFiles.OpenApiModelNamespace";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadSpecFile(pair.Left, pair.Right, cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .WithTrackingName(TrackingNames.SpecFiles);

        // Only files a $ref could name are read, and the set is compared by content: an edit of any other
        // AdditionalFiles item (or of a spec, which is not a companion) leaves every parse cached.
        var companions = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadCompanionFile(pair.Left, pair.Right, cancellationToken))
            .Where(static file => file is not null)
            .Select(static (file, _) => file!)
            .Collect()
            .Select(static (files, _) => new EquatableArray<CompanionFile>(files))
            .WithTrackingName(TrackingNames.CompanionFiles);

        var parseResults = specFiles
            .Combine(companions)
            .Select(static (pair, cancellationToken) => Parser.Parse(pair.Left, pair.Right, cancellationToken))
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
        // Collected arrays and combined pairs become classes before the next Combine: a struct in a pipeline value
        // costs a copy of the driver's generic code of its own, compiled afresh in every new compiler process.
        var supportProblem = parseResults
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.SpecPath)
            .Collect()
            .Select(static (paths, _) => new EquatableArray<string>(paths))
            .Combine(support)
            .Select(static (pair, _) => pair.Left.Count == 0 ? null : DescribeUnsupportedCompilation(pair.Right, FirstInOrder(pair.Left)))
            .WithTrackingName(TrackingNames.UnsupportedCompilation);
        context.RegisterSourceOutput(supportProblem, static (output, problem) =>
        {
            if (problem is not null)
            {
                output.ReportDiagnostic(problem.ToDiagnostic());
            }
        });

        // Every client's name and spec item: two specs may name their clients alike, but not their files.
        var clients = models
            .Where(static model => model is not null)
            .Select(static (model, _) => model!.Header)
            .Collect()
            .Select(static (headers, _) => new EquatableArray<ApiHeader>(headers))
            .WithTrackingName(TrackingNames.Clients);

        // One record per file: after an edit, only the files whose record changed are written again.
        var sourceFiles = models
            .Combine(support.Combine(clients).Select(static (pair, _) => new EmitTarget(pair.Left, pair.Right)))
            .SelectMany(static (pair, _) => pair.Left is not { } model || !IsSupported(pair.Right.Support)
                ? ImmutableArray<SourceFile>.Empty
                : PlanFiles(model, Emitter.HintPrefix(model.Header, pair.Right.Clients), new EmitOptions(
                    UseRequiredMembers: pair.Right.Support.LanguageVersionNumber >= (int)LanguageVersion.CSharp11,
                    UseArrayPool: pair.Right.Support.HasArrayPool)))
            .WithTrackingName(TrackingNames.SourceFiles);
        context.RegisterSourceOutput(sourceFiles, static (output, sourceFile) => EmitFile(output, sourceFile));
    }

    /// <summary>
    /// The model's files; a failure part way keeps the files planned before it and adds one that reports it,
    /// so that the build shows a located error rather than CS8785 and the loss of every file.
    /// </summary>
    private static ImmutableArray<SourceFile> PlanFiles(ApiModel model, string hintPrefix, EmitOptions options)
    {
        var files = ImmutableArray.CreateBuilder<SourceFile>();
        try
        {
            foreach (var file in Emitter.Plan(model, options, hintPrefix))
            {
                files.Add(file);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            files.Add(new FailedPlanFile(model.Header, exception.GetType().Name + ": " + exception.Message));
        }

        return files.ToImmutable();
    }

    /// <summary>Writes one file; a failure is reported at the spec item and costs that file only.</summary>
    private static void EmitFile(SourceProductionContext output, SourceFile sourceFile)
    {
        if (sourceFile is FailedPlanFile failed)
        {
            output.ReportDiagnostic(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, SpecLocation.StartOf(failed.Header.SpecPath), failed.Message, "files after the failure were not generated").ToDiagnostic());
            return;
        }

        try
        {
            var file = Emitter.Emit(sourceFile);
            output.AddSource(file.HintName, file.Text);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(DiagnosticInfo.Create(
                DiagnosticDescriptors.InternalError,
                SpecLocation.StartOf(sourceFile.Header.SpecPath),
                exception.GetType().Name + ": " + exception.Message,
                "the file '" + sourceFile.HintName + "' was not generated").ToDiagnostic());
        }
    }

    /// <summary>
    /// The item's spec, when it is one: it has a non-blank OpenApiNamespace, or names a client without one
    /// (a spec missing its namespace, which parsing reports). MSBuild gives every AdditionalFiles item both
    /// metadata keys, empty when unset, so an item with neither is some other file and is left alone.
    /// </summary>
    private static SpecFile? ReadSpecFile(AdditionalText text, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellationToken)
    {
        var fileOptions = options.GetOptions(text);
        fileOptions.TryGetValue(NamespaceMetadata, out var @namespace);
        fileOptions.TryGetValue(ClientNameMetadata, out var clientName);
        if (string.IsNullOrWhiteSpace(@namespace) && string.IsNullOrWhiteSpace(clientName))
        {
            return null;
        }

        fileOptions.TryGetValue(IncludePathsMetadata, out var includePaths);
        fileOptions.TryGetValue(IncludeTagsMetadata, out var includeTags);
        fileOptions.TryGetValue(ModelNamespaceMetadata, out var modelNamespace);
        var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
        return new SpecFile(text.Path, content, @namespace?.Trim() ?? string.Empty, NullIfBlank(clientName), NullIfBlank(includePaths), NullIfBlank(includeTags), NullIfBlank(modelNamespace));
    }

    /// <summary>A YAML or JSON item that is not itself a spec: a file a spec's relative $ref may name.</summary>
    private static CompanionFile? ReadCompanionFile(AdditionalText text, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options, System.Threading.CancellationToken cancellationToken)
    {
        if (!SpecFilePaths.HasSpecExtension(text.Path))
        {
            return null;
        }

        var fileOptions = options.GetOptions(text);
        fileOptions.TryGetValue(NamespaceMetadata, out var @namespace);
        fileOptions.TryGetValue(ClientNameMetadata, out var clientName);
        if (!string.IsNullOrWhiteSpace(@namespace) || !string.IsNullOrWhiteSpace(clientName))
        {
            return null;
        }

        return new CompanionFile(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty);
    }

    /// <summary>MSBuild writes every declared metadata name for every item, empty where the item has none.</summary>
    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

    private static CompilationSupport ReadCompilationSupport(Compilation compilation)
    {
        var version = compilation is CSharpCompilation csharp ? csharp.LanguageVersion : LanguageVersion.Latest;
        var (hasNewtonsoftJson, hasArrayPool) = ReferencedTypes.Read(compilation);
        return new CompilationSupport(hasNewtonsoftJson, version.ToDisplayString(), (int)version, hasArrayPool);
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

    private static string FirstInOrder(EquatableArray<string> paths)
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

    /// <summary>What every client's files are written for: the compilation's support and every client's name.</summary>
    private sealed record EmitTarget(CompilationSupport Support, EquatableArray<ApiHeader> Clients);
}
