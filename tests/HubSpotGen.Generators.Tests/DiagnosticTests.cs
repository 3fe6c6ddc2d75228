using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Each diagnostic of the catalog that a spec can trigger: the right id, on the exact line of the spec,
/// without the generator throwing, and with whatever it still emitted compiling.
/// </summary>
public sealed class DiagnosticTests
{
    [Test]
    public void Invalid_yaml_is_HSG0002_at_the_bracket_that_is_never_closed()
    {
        var spec = SpecText.Lf("""
            openapi: 3.0.3
            info:
              title: Broken
              version: '1'
            paths:
              /things:
                get: [unclosed, list
                  operationId: listThings
            """);

        var run = RunAndCheckSafety(spec);

        var diagnostic = SingleDiagnostic(run, "HSG0002");
        Assert.That(LineOf(diagnostic), Is.EqualTo(SpecText.LineOf(spec, "get: [unclosed, list")));
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
    }

    [Test]
    public void A_mapping_value_where_none_is_allowed_is_HSG0002_on_its_line()
    {
        var spec = SpecText.Lf("""
            openapi: 3.0.3
            info:
              title: Broken
              version: '1': extra
            paths: {}
            """);

        var run = RunAndCheckSafety(spec);

        Assert.That(LineOf(SingleDiagnostic(run, "HSG0002")), Is.EqualTo(SpecText.LineOf(spec, "version: '1': extra")));
    }

    [Test]
    public void An_unresolved_ref_is_HSG0004_at_the_line_of_the_ref()
    {
        var spec = SpecText.Lf("""
            openapi: 3.0.3
            info:
              title: Refs
              version: '1'
            paths:
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Missing'
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    owner:
                      $ref: '#/components/schemas/Nobody'
            """);

        var run = RunAndCheckSafety(spec);

        var lines = DiagnosticsWithId(run, "HSG0004").Select(LineOf).OrderBy(line => line).ToList();
        Assert.That(lines, Is.EqualTo(new[] { SpecText.LineOf(spec, "schemas/Missing"), SpecText.LineOf(spec, "schemas/Nobody") }), GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.GetGeneratedType("Generated.Api.RefsClient");
        Assert.That(run.GetGeneratedType("Generated.Api.Thing").GetMembers("Owner").OfType<IPropertySymbol>().Single().Type.ToDisplayString(), Does.Contain("JToken"));
    }

    [Test]
    public void An_unresolved_ref_under_an_anchor_is_reported_once_however_often_it_is_aliased()
    {
        var spec = SpecText.Lf("""
            openapi: 3.0.3
            info:
              title: Refs
              version: '1'
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    owner: &owner
                      type: object
                      properties:
                        who:
                          $ref: '#/components/schemas/Nobody'
                    seller: *owner
                    buyer: *owner
            """);

        var run = RunAndCheckSafety(spec);

        Assert.That(DiagnosticsWithId(run, "HSG0004").Select(LineOf), Is.EqualTo(new[] { SpecText.LineOf(spec, "schemas/Nobody") }), GeneratorRun.Describe(run.GeneratorDiagnostics));
    }

    [Test]
    public void A_fan_out_of_aliases_that_no_schema_reads_is_walked_once_and_its_unresolved_ref_reported_once()
    {
        // Twenty levels of four aliases each reach the leaf 4^20 times: the reference check must see each node once.
        var levels = new System.Text.StringBuilder("    l0: &l0 {leaf: {$ref: '#/components/schemas/Nobody'}}\n");
        for (var level = 1; level <= 20; level++)
        {
            var below = "*l" + (level - 1);
            levels.Append("    l").Append(level).Append(": &l").Append(level).Append(" [").Append(string.Join(", ", Enumerable.Repeat(below, 4))).Append("]\n");
        }

        var spec = SpecText.Lf("openapi: 3.0.3\ninfo:\n  title: Refs\n  version: '1'\n  contact:\n" + levels + "paths: {}\n");

        var run = RunAndCheckSafety(spec);

        Assert.That(DiagnosticsWithId(run, "HSG0004").Select(LineOf), Is.EqualTo(new[] { SpecText.LineOf(spec, "schemas/Nobody") }), GeneratorRun.Describe(run.GeneratorDiagnostics));
    }

    [Test]
    public void An_unresolved_ref_to_a_parameter_is_HSG0004_at_its_line()
    {
        var spec = SpecText.Lf("""
            openapi: 3.0.3
            info:
              title: Refs
              version: '1'
            paths:
              /things/{id}:
                get:
                  operationId: getThing
                  parameters:
                    - $ref: '#/components/parameters/Nope'
                  responses:
                    '204':
                      description: ok
            """);

        var run = RunAndCheckSafety(spec);

        Assert.That(DiagnosticsWithId(run, "HSG0004").Select(LineOf), Is.EqualTo(new[] { SpecText.LineOf(spec, "parameters/Nope") }));
    }

    [Test]
    public void A_duplicate_operationId_is_HSG0005_at_the_second_one()
    {
        var spec = SpecText.Lf("""
            openapi: 3.0.3
            info:
              title: Duplicates
              version: '1'
            paths:
              /a:
                get:
                  operationId: getThing
                  responses:
                    '204':
                      description: ok
              /b:
                get:
                  operationId: getThing
                  responses:
                    '204':
                      description: ok
            """);

        var run = RunAndCheckSafety(spec);

        var diagnostic = SingleDiagnostic(run, "HSG0005");
        Assert.That(LineOf(diagnostic), Is.EqualTo(SpecText.LineOf(spec, "operationId: getThing", occurrence: 2)));
        var client = run.GetGeneratedType("Generated.Api.DuplicatesClient");
        Assert.That(client.GetMembers("GetThingAsync"), Has.Length.EqualTo(1));
        Assert.That(client.GetMembers("GetThing2Async"), Has.Length.EqualTo(1));
        Assert.That(diagnostic.GetMessage(), Does.Contain("GetThing2Async"));
    }

    [Test]
    public void A_yaml_file_that_is_not_openapi_is_HSG0003()
    {
        var spec = SpecText.Lf("""
            # A build setting that was marked as a spec by mistake.
            name: settings
            values:
              - 1
              - 2
            """);

        var run = RunAndCheckSafety(spec);

        var diagnostic = SingleDiagnostic(run, "HSG0003");
        Assert.That(LineOf(diagnostic), Is.EqualTo(SpecText.LineOf(spec, "name: settings")));
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void A_yaml_scalar_document_is_HSG0003()
    {
        var run = RunAndCheckSafety("just some text\n");

        Assert.That(LineOf(SingleDiagnostic(run, "HSG0003")), Is.EqualTo(1));
    }

    [Test]
    public void An_empty_file_is_HSG0003()
    {
        var run = RunAndCheckSafety(string.Empty);

        Assert.That(LineOf(SingleDiagnostic(run, "HSG0003")), Is.EqualTo(1));
    }

    [Test]
    public void A_compilation_without_newtonsoft_is_HSG0008_and_gets_no_code()
    {
        var compilation = TestCompilations.Create(includeNewtonsoft: false);
        var run = GeneratorHarness.Run(compilation, SpecInput.FlowService());

        run.AssertGeneratorDidNotThrow();
        var diagnostic = SingleDiagnostic(run, "HSG0008");
        // The cause is the project file, which has no line to point at; the spec item is where the user looks.
        Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo(RepositoryPaths.FlowServiceSpec));
        Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition, Is.EqualTo(new Microsoft.CodeAnalysis.Text.LinePosition(0, 0)));
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(run.Sources, Is.Empty);
        run.AssertCompilesWithoutErrors();
    }

    [Test]
    public void A_compilation_without_newtonsoft_is_told_once_however_many_specs_it_has()
    {
        var compilation = TestCompilations.Create(includeNewtonsoft: false);
        var second = SpecInput.Inline("openapi: 3.0.3\ninfo:\n  title: Second\n  version: '1'\npaths: {}\n", "a-second.yaml");
        var run = GeneratorHarness.Run(compilation, SpecInput.FlowService(), second);

        run.AssertGeneratorDidNotThrow();
        var diagnostic = SingleDiagnostic(run, "HSG0008");
        // The first spec item in path order, so that the report does not move between builds.
        Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo(new[] { RepositoryPaths.FlowServiceSpec, second.Path }.Min(StringComparer.Ordinal)));
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void A_client_name_without_a_namespace_is_HSG0007()
    {
        var input = new SpecInput("/specs/empty-namespace.yaml", "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths: {}\n", Namespace: "  ", ClientName: "ThingsClient");

        var run = GeneratorHarness.Run(input);

        run.AssertGeneratorDidNotThrow();
        Assert.That(SingleDiagnostic(run, "HSG0007").Location.GetLineSpan().Path, Is.EqualTo(input.Path));
        Assert.That(run.Sources, Is.Empty);
    }

    /// <summary>
    /// Once CompilerVisibleItemMetadata is declared, MSBuild writes both keys, empty, for every AdditionalFiles
    /// item: stylecop.json, BannedSymbols.txt and PublicAPI files are not specs, and must not be told they are.
    /// </summary>
    [TestCase("/project/stylecop.json", "{ \"settings\": { } }", "")]
    [TestCase("/project/BannedSymbols.txt", "T:System.Console", "")]
    [TestCase("/project/notes.yaml", "not: a spec", "   ")]
    [TestCase("/project/PublicAPI.Shipped.txt", "#nullable enable", null)]
    public void An_additional_file_without_spec_metadata_is_ignored_without_a_diagnostic(string path, string text, string? emptyMetadata)
    {
        var other = new SpecInput(path, text, Namespace: emptyMetadata, ClientName: emptyMetadata);
        var spec = SpecInput.Inline("openapi: 3.0.3\ninfo:\n  title: Things\n  version: '1'\npaths: {}\n");

        var run = GeneratorHarness.Run(other, spec);

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.That(run.Sources.Select(s => s.HintName), Has.Some.EqualTo("ThingsClient.Client.g.cs"));
        run.AssertCompilesWithoutWarnings();
    }

    [TestCase("My-Api")]
    [TestCase("Contoso.class")]
    [TestCase("1st.Api")]
    [TestCase("Contoso..Api")]
    public void An_invalid_namespace_is_HSG0010(string @namespace)
    {
        var input = new SpecInput("/specs/bad-namespace.yaml", "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths: {}\n", Namespace: @namespace);

        var run = GeneratorHarness.Run(input);

        run.AssertGeneratorDidNotThrow();
        var diagnostic = SingleDiagnostic(run, "HSG0010");
        Assert.That(diagnostic.GetMessage(), Does.Contain(@namespace));
        Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo(input.Path));
        Assert.That(run.Sources, Is.Empty);
        run.AssertCompilesWithoutErrors();
    }

    [Test]
    public void A_swagger_2_document_gets_its_operations_without_diagnostics()
    {
        var spec = SpecText.Lf("""
            swagger: '2.0'
            info:
              title: Legacy
              version: '1'
            host: legacy.example.com
            basePath: /v2
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  parameters:
                    - { name: id, in: path, required: true, type: integer, format: int64 }
                  responses:
                    '200': { description: ok, schema: { $ref: '#/definitions/Item' } }
            definitions:
              Item:
                type: object
                properties:
                  name: { type: string }
            """);

        var run = RunAndCheckSafety(spec);

        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        var client = run.GetGeneratedType("Generated.Api.LegacyClient");
        Assert.That(client.GetMembers("GetItemAsync"), Has.Length.EqualTo(1));
        Assert.That(client.GetMembers("DefaultBaseUrl"), Has.Length.EqualTo(1));
        run.GetGeneratedType("Generated.Api.Item");
        run.AssertCompilesWithoutWarnings();
    }

    [Test]
    public void A_file_without_namespace_metadata_is_ignored()
    {
        var run = GeneratorHarness.Run(new SpecInput("/specs/other.yaml", "not: [valid", Namespace: null));

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
        Assert.That(run.Sources, Is.Empty);
    }

    [Test]
    public void Every_spec_diagnostic_points_at_the_spec_file()
    {
        var spec = SpecInput.Inline("openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          $ref: '#/nowhere'\n", "pointing.yaml");

        var run = GeneratorHarness.Run(spec);

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Not.Empty);
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Location.GetLineSpan().Path), Is.All.EqualTo(spec.Path));
        Assert.That(run.GeneratorDiagnostics.Select(LineOf), Is.All.EqualTo(10));
        run.AssertCompilesWithoutErrors();
    }

    private static GeneratorRun RunAndCheckSafety(string specText)
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(specText));
        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutErrors();
        return run;
    }

    private static IEnumerable<Diagnostic> DiagnosticsWithId(GeneratorRun run, string id) =>
        run.GeneratorDiagnostics.Where(d => d.Id == id);

    private static Diagnostic SingleDiagnostic(GeneratorRun run, string id)
    {
        var matches = DiagnosticsWithId(run, id).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), "Expected one " + id + "; the generator reported:\n" + GeneratorRun.Describe(run.GeneratorDiagnostics));
        return matches[0];
    }

    /// <summary>The 1-based line a diagnostic points at, as an IDE would show it.</summary>
    private static int LineOf(Diagnostic diagnostic) => diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
}
