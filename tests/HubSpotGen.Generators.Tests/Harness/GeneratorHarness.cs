using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>Runs <see cref="OpenApiClientGenerator"/> the way the compiler does, with step tracking on.</summary>
internal static class GeneratorHarness
{
    public static GeneratorRun Run(params SpecInput[] specs) => Run(TestCompilations.Create(), specs);

    public static GeneratorRun Run(Compilation compilation, params SpecInput[] specs)
    {
        // Generated trees are parsed like the project's own, as the compiler does.
        var parseOptions = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions;
        return RunAgain(CreateDriver(specs, out _, parseOptions), compilation);
    }

    /// <summary>A fresh driver; <paramref name="texts"/> are its AdditionalFiles, to replace one later as an edit would.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SpecInput> specs, out IReadOnlyList<AdditionalText> texts, CSharpParseOptions? parseOptions = null)
    {
        var list = specs.ToList();
        texts = list.Select(spec => (AdditionalText)new InMemoryAdditionalText(spec.Path, spec.Text)).ToList();
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            texts,
            parseOptions ?? TestCompilations.ParseOptions,
            new SpecMetadataOptionsProvider(list),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs an existing driver, keeping its cached state, on <paramref name="compilation"/>.</summary>
    public static GeneratorRun RunAgain(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new GeneratorRun(driver, result, compilation, output, diagnostics);
    }
}
