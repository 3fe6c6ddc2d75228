using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>What one run of the generator produced, with the compilation that includes its output.</summary>
/// <param name="Driver">The driver after the run, to run again incrementally.</param>
/// <param name="Result">The run's result for the one generator.</param>
/// <param name="InputCompilation">The compilation handed to the generator.</param>
/// <param name="OutputCompilation">The same compilation with the generated trees added.</param>
/// <param name="GeneratorDiagnostics">What the generator reported.</param>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    GeneratorRunResult Result,
    Compilation InputCompilation,
    Compilation OutputCompilation,
    IReadOnlyList<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Hint name to source text, in the order the generator added them.</summary>
    public IReadOnlyList<(string HintName, string Text)> Sources =>
        Result.GeneratedSources.Select(source => (source.HintName, source.SourceText.ToString())).ToList();

    /// <summary>Every compiler diagnostic of warning severity or worse in the compilation with the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilerWarningsAndErrors =>
        OutputCompilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    public IReadOnlyList<Diagnostic> CompilerErrors =>
        OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Asserts that the generator neither threw nor had its exception turned into CS8785.</summary>
    public void AssertGeneratorDidNotThrow()
    {
        Assert.That(Result.Exception, Is.Null, "The generator threw.");
        Assert.That(GeneratorDiagnostics.Select(d => d.Id), Has.No.Member("CS8785"), "The generator threw (CS8785).");
        Assert.That(GeneratorDiagnostics.Select(d => d.Id), Has.No.Member("HSG0001"), Describe(GeneratorDiagnostics));
    }

    public void AssertCompilesWithoutErrors() =>
        Assert.That(CompilerErrors, Is.Empty, Describe(CompilerErrors));

    public void AssertCompilesWithoutWarnings() =>
        Assert.That(CompilerWarningsAndErrors, Is.Empty, Describe(CompilerWarningsAndErrors));

    /// <summary>The generated type with this metadata name, from the compiled output.</summary>
    public INamedTypeSymbol GetGeneratedType(string metadataName) =>
        OutputCompilation.GetTypeByMetadataName(metadataName)
        ?? throw new AssertionException(metadataName + " was not generated. Files: " + string.Join(", ", Sources.Select(s => s.HintName)));

    /// <summary>One line per diagnostic, with the 1-based line, so that a failure says where to look.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return d.Id + " " + span.Path + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        }));
}
