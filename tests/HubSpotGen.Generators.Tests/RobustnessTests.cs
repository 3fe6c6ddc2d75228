using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Nothing a spec holds may cost the whole build: names that differ only in case each get a file, and a
/// failure in one step is a located HSG0001 that spares every other file.
/// </summary>
[NonParallelizable]
public sealed class RobustnessTests
{
    private const string Ns = "Generated.Api";

    private const string CaseCollisions = """
        openapi: 3.0.3
        info: {title: Cases, version: '1'}
        paths:
          /paint:
            get:
              operationId: getPaint
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/FooBar'}
        components:
          schemas:
            FooBar:
              type: object
              properties:
                other: {$ref: '#/components/schemas/Foobar'}
                color: {$ref: '#/components/schemas/Color'}
                shout: {$ref: '#/components/schemas/COLOR'}
            Foobar:
              type: object
              properties:
                name: {type: string}
            Color:
              type: string
              enum: [red, green]
            COLOR:
              type: string
              enum: [RED, GREEN]
        """;

    [TearDown]
    public void ClearFault() => FaultInjection.FailAt = null;

    [Test]
    public void Types_whose_names_differ_only_in_case_are_all_emitted_under_distinct_hint_names()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(CaseCollisions));

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();
        var hintNames = run.Sources.Select(s => s.HintName).ToList();
        Assert.That(hintNames, Is.Unique.Using((IEqualityComparer<string>)StringComparer.OrdinalIgnoreCase));
        Assert.That(hintNames, Is.SupersetOf(new[] { "CasesClient.Models.FooBar.g.cs", "CasesClient.Models.Foobar_2.g.cs", "CasesClient.Enums.Color.g.cs", "CasesClient.Enums.COLOR_2.g.cs" }));
        foreach (var type in new[] { "FooBar", "Foobar", "Color", "COLOR" })
        {
            Assert.That(run.GetGeneratedType(Ns + "." + type), Is.Not.Null);
        }
    }

    [Test]
    public void The_case_suffixes_are_the_same_on_every_run()
    {
        var first = GeneratorHarness.Run(SpecInput.Inline(CaseCollisions)).Sources.Select(s => s.HintName).ToList();
        var again = GeneratorHarness.Run(SpecInput.Inline(CaseCollisions)).Sources.Select(s => s.HintName).ToList();

        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public void A_failure_reading_one_schema_is_HSG0001_at_that_schema_and_every_other_file_is_emitted()
    {
        var clean = GeneratorHarness.Run(SpecInput.Inline(CaseCollisions));
        FaultInjection.FailAt = "Color";

        var run = GeneratorHarness.Run(SpecInput.Inline(CaseCollisions));

        Assert.That(run.Result.Exception, Is.Null);
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Has.No.Member("CS8785"));
        var failure = run.GeneratorDiagnostics.Single(d => d.Id == "HSG0001");
        Assert.That(failure.Location.GetLineSpan().Path, Is.EqualTo("/specs/inline.yaml"));
        Assert.That(failure.Location.GetLineSpan().StartLinePosition.Line + 1, Is.EqualTo(SpecText.LineOf(CaseCollisions, "enum: [red, green]") - 1));
        Assert.That(failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("Fault injected at 'Color'").And.Contain("the schema 'Color'"));

        // FooBar declared Color on its way, so only the entry itself failed: the files are all there.
        Assert.That(run.Sources.Select(s => s.HintName), Is.EqualTo(clean.Sources.Select(s => s.HintName)));
    }

    [Test]
    public void A_failure_reading_one_operation_is_HSG0001_at_that_operation_and_the_rest_is_emitted()
    {
        var spec = FlowServiceSpecText();
        FaultInjection.FailAt = "createConnection";

        var run = GeneratorHarness.Run(SpecInput.FlowService(spec));

        Assert.That(run.Result.Exception, Is.Null);
        var failure = run.GeneratorDiagnostics.Single(d => d.Id == "HSG0001");
        Assert.That(failure.Location.GetLineSpan().Path, Is.EqualTo(RepositoryPaths.FlowServiceSpec));
        // At the operation: its first key, on the line after its method, up to its operationId.
        var operationIdLine = SpecText.LineOf(spec, "operationId: createConnection");
        Assert.That(failure.Location.GetLineSpan().StartLinePosition.Line + 1, Is.InRange(operationIdLine - 4, operationIdLine));
        var client = run.GetGeneratedType("HubSpotGen.FlowService.FlowServiceClient");
        Assert.That(client.GetMembers("CreateConnectionAsync"), Is.Empty);
        Assert.That(client.GetMembers("GetConnectionAsync"), Is.Not.Empty);
        run.AssertCompilesWithoutErrors();
    }

    [Test]
    public void A_failure_writing_one_file_is_HSG0001_at_the_spec_item_naming_the_file_and_the_others_are_emitted()
    {
        var clean = GeneratorHarness.Run(SpecInput.Inline(CaseCollisions));
        FaultInjection.FailAt = "CasesClient.Models.Foobar_2.g.cs";

        var run = GeneratorHarness.Run(SpecInput.Inline(CaseCollisions));

        Assert.That(run.Result.Exception, Is.Null);
        var failure = run.GeneratorDiagnostics.Single(d => d.Id == "HSG0001");
        Assert.That(failure.Location.GetLineSpan().Path, Is.EqualTo("/specs/inline.yaml"));
        Assert.That(failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("the file 'CasesClient.Models.Foobar_2.g.cs' was not generated"));
        Assert.That(run.Sources.Select(s => s.HintName), Is.EqualTo(clean.Sources.Select(s => s.HintName).Where(name => name != "CasesClient.Models.Foobar_2.g.cs")));
    }

    [Test]
    public void A_failure_planning_the_files_keeps_the_files_before_it_and_is_HSG0001_at_the_spec_item()
    {
        var clean = GeneratorHarness.Run(SpecInput.Inline(CaseCollisions)).Sources.Select(s => s.HintName).ToList();
        FaultInjection.FailAt = "plan CasesClient.Models.Foobar_2.g.cs";

        var run = GeneratorHarness.Run(SpecInput.Inline(CaseCollisions));

        Assert.That(run.Result.Exception, Is.Null);
        var failure = run.GeneratorDiagnostics.Single(d => d.Id == "HSG0001");
        Assert.That(failure.Location.GetLineSpan().Path, Is.EqualTo("/specs/inline.yaml"));
        Assert.That(failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("files after the failure were not generated"));
        Assert.That(run.Sources.Select(s => s.HintName), Is.EqualTo(clean.TakeWhile(name => name != "CasesClient.Models.Foobar_2.g.cs")));
    }

    [Test]
    public void Two_specs_in_other_namespaces_whose_clients_share_a_name_are_both_emitted()
    {
        var first = new SpecInput("/specs/a.yaml", CaseCollisions, "First.Api");
        var second = new SpecInput("/specs/b.yaml", CaseCollisions.Replace("title: Cases", "title: CASES"), "Second.Api");

        var run = GeneratorHarness.Run(first, second);

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain("CasesClient.Client.g.cs").And.Contain("CASESClient_2.Client.g.cs"));
        Assert.That(run.GetGeneratedType("First.Api.CasesClient"), Is.Not.Null);
        Assert.That(run.GetGeneratedType("Second.Api.CASESClient"), Is.Not.Null);
    }

    private static string FlowServiceSpecText() => File.ReadAllText(RepositoryPaths.FlowServiceSpec);
}
