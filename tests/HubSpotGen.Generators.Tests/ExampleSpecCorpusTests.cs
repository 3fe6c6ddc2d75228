using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Specs written by others, read in place from shared/specs/oai: whatever they use, the generator must
/// not throw and its output must compile cleanly. HSG warnings about skipped constructs are fine.
/// </summary>
public sealed class ExampleSpecCorpusTests
{
    private const string MissingFolder = "(example specs folder not found)";

    public static IEnumerable<TestCaseData> ExampleSpecs()
    {
        var folder = RepositoryPaths.ExampleSpecsFolder;
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder)
                .Where(path => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                    || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                    || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Select(Path.GetFileName)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList()
            : new List<string?>();

        if (files.Count == 0)
        {
            yield return new TestCaseData(MissingFolder).SetName("ExampleSpec(none found)");
            yield break;
        }

        foreach (var file in files)
        {
            yield return new TestCaseData(file).SetName("ExampleSpec(" + file + ")");
        }
    }

    [TestCaseSource(nameof(ExampleSpecs))]
    public void Generates_code_that_compiles_without_errors_or_warnings(string fileName)
    {
        if (fileName == MissingFolder)
        {
            Assert.Ignore("No example specs in " + RepositoryPaths.ExampleSpecsFolder + ".");
        }

        var path = Path.Combine(RepositoryPaths.ExampleSpecsFolder, fileName);
        var run = GeneratorHarness.Run(new SpecInput(path, File.ReadAllText(path), "Examples.Generated"));

        run.AssertGeneratorDidNotThrow();
        var generatorErrors = run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(generatorErrors, Is.Empty, GeneratorRun.Describe(generatorErrors));
        Assert.That(run.Sources, Is.Not.Empty);
        run.AssertCompilesWithoutWarnings();
        TestContext.Out.WriteLine(GeneratorRun.Describe(run.GeneratorDiagnostics));
    }
}
