using System.Collections.Concurrent;
using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using YamlDotNet.RepresentationModel;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Our own specs (Corpus/valid, Corpus/broken), which between them use every construct the generator reads:
/// OpenAPI 3.0, 3.1 and Swagger 2.0 in YAML and JSON, references, composition, enums, every parameter
/// location and body kind, and each diagnostic a spec can cause.
/// A valid spec must give a client that compiles; a broken one must give its declared diagnostic on its
/// declared line, and still nothing that throws or fails to compile.
/// </summary>
public sealed class CorpusSpecTests
{
    /// <summary>One run per spec, shared by the tests that look at it from different sides.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<GeneratorRun>> Runs = new(StringComparer.Ordinal);

    public static IEnumerable<TestCaseData> ValidSpecs(string test) => Cases(test, CorpusFiles.ValidSpecs);

    public static IEnumerable<TestCaseData> BrokenSpecs(string test) => Cases(test, CorpusFiles.BrokenSpecs);

    [TestCaseSource(nameof(ValidSpecs), new object[] { nameof(Valid_spec_generates_a_client_that_compiles_without_errors) })]
    public void Valid_spec_generates_a_client_that_compiles_without_errors(string fileName)
    {
        var run = RunValid(fileName);

        run.AssertGeneratorDidNotThrow();
        var generatorErrors = run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.That(generatorErrors, Is.Empty, "A valid spec got generator errors:\n" + GeneratorRun.Describe(generatorErrors));
        Assert.That(run.Sources.Select(s => s.HintName), Has.Some.EndsWith(".Client.g.cs"), "No client was generated.");
        run.AssertCompilesWithoutErrors();
        TestContext.Out.WriteLine(GeneratorRun.Describe(run.GeneratorDiagnostics));
    }

    [TestCaseSource(nameof(ValidSpecs), new object[] { nameof(Valid_spec_generates_a_client_that_compiles_without_warnings) })]
    public void Valid_spec_generates_a_client_that_compiles_without_warnings(string fileName)
    {
        var run = RunValid(fileName);

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();
    }

    [TestCaseSource(nameof(ValidSpecs), new object[] { nameof(Valid_spec_gives_one_client_method_per_operation) })]
    public void Valid_spec_gives_one_client_method_per_operation(string fileName)
    {
        var run = RunValid(fileName);
        var expected = CountOperations(File.ReadAllText(Path.Combine(CorpusFiles.ValidFolder, fileName)));

        var client = run.OutputCompilation.GetSymbolsWithName(name => name.EndsWith("Client", StringComparison.Ordinal), SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .SingleOrDefault(type => type.ContainingNamespace.ToDisplayString() == "Corpus.Generated" && type.GetMembers("BaseUrl").Length > 0);
        Assert.That(client, Is.Not.Null, "No client class. Files: " + string.Join(", ", run.Sources.Select(s => s.HintName)));
        var methods = client!.GetMembers().OfType<IMethodSymbol>()
            .Where(method => method.DeclaredAccessibility == Accessibility.Public && method.MethodKind == MethodKind.Ordinary && method.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(method => method.Name)
            .ToList();
        Assert.That(methods, Has.Count.EqualTo(expected), "The spec has " + expected + " operations; the client has: " + string.Join(", ", methods));
        Assert.That(methods, Is.Unique);
    }

    [TestCaseSource(nameof(ValidSpecs), new object[] { nameof(Valid_spec_diagnostics_point_at_lines_of_the_spec) })]
    public void Valid_spec_diagnostics_point_at_lines_of_the_spec(string fileName)
    {
        var run = RunValid(fileName);
        var path = Path.Combine(CorpusFiles.ValidFolder, fileName);
        var lineCount = File.ReadAllText(path).Split('\n').Length;

        foreach (var diagnostic in run.GeneratorDiagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            Assert.That(span.Path, Is.EqualTo(path), GeneratorRun.Describe(new[] { diagnostic }));
            Assert.That(span.StartLinePosition.Line + 1, Is.InRange(1, lineCount), GeneratorRun.Describe(new[] { diagnostic }));
        }
    }

    [TestCaseSource(nameof(BrokenSpecs), new object[] { nameof(Broken_spec_reports_its_diagnostic_at_the_declared_line) })]
    public void Broken_spec_reports_its_diagnostic_at_the_declared_line(string fileName)
    {
        var expectations = CorpusFiles.ReadExpectations(fileName);
        Assert.That(expectations, Is.Not.Empty, fileName + " declares no '# expect: HSGnnnn at line N' (or a .expect file for JSON).");

        var input = CorpusFiles.Load(CorpusFiles.BrokenFolder, fileName);
        var run = GeneratorHarness.Run(input);

        run.AssertGeneratorDidNotThrow();
        var reported = run.GeneratorDiagnostics
            .Select(d => new ExpectedDiagnostic(d.Id, d.Location.GetLineSpan().StartLinePosition.Line + 1))
            .ToList();
        Assert.Multiple(() =>
        {
            foreach (var expected in expectations)
            {
                Assert.That(reported, Has.Member(expected), "Expected " + expected + "; the generator reported:\n" + GeneratorRun.Describe(run.GeneratorDiagnostics));
            }

            Assert.That(run.GeneratorDiagnostics.Select(d => d.Location.GetLineSpan().Path), Is.All.EqualTo(input.Path));
        });
        run.AssertCompilesWithoutErrors();
    }

    [TestCaseSource(nameof(BrokenSpecs), new object[] { nameof(Broken_spec_reports_each_problem_once) })]
    public void Broken_spec_reports_each_problem_once(string fileName)
    {
        var run = GeneratorHarness.Run(CorpusFiles.Load(CorpusFiles.BrokenFolder, fileName));

        var repeated = run.GeneratorDiagnostics
            .GroupBy(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Count() + " times: " + group.Key)
            .ToList();
        Assert.That(repeated, Is.Empty, "The same diagnostic is reported more than once:\n" + string.Join("\n", repeated));
    }

    [Test]
    public void The_corpus_is_present_and_covers_yaml_json_and_every_version()
    {
        var valid = CorpusFiles.ValidSpecs;
        Assert.That(valid, Has.Count.GreaterThanOrEqualTo(10), "Corpus/valid is not in the test output: " + CorpusFiles.ValidFolder);
        Assert.That(CorpusFiles.BrokenSpecs, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(valid, Has.Some.StartsWith("swagger20-").And.Some.StartsWith("oas30-").And.Some.StartsWith("oas31-"));
        Assert.That(valid, Has.Some.EndsWith(".json").And.Some.EndsWith(".yaml"));
        Assert.That(CorpusFiles.BrokenSpecs, Has.Some.EndsWith(".json").And.Some.EndsWith(".yaml"));
    }

    private static IEnumerable<TestCaseData> Cases(string test, IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            yield return new TestCaseData(file).SetName(test + "(" + file + ")");
        }
    }

    private static GeneratorRun RunValid(string fileName) =>
        Runs.GetOrAdd(fileName, name => new Lazy<GeneratorRun>(() => GeneratorHarness.Run(CorpusFiles.Load(CorpusFiles.ValidFolder, name)))).Value;

    /// <summary>Operations under paths (not webhooks), counted from the document itself.</summary>
    private static int CountOperations(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        if (!root.Children.TryGetValue(new YamlScalarNode("paths"), out var paths) || paths is not YamlMappingNode pathItems)
        {
            return 0;
        }

        var methods = new HashSet<string>(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
        return pathItems.Children.Values.OfType<YamlMappingNode>()
            .Sum(item => item.Children.Keys.OfType<YamlScalarNode>().Count(key => methods.Contains(key.Value ?? string.Empty)));
    }
}
