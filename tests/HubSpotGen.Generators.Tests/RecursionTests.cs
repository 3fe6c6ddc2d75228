using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// A schema that reaches itself through an array or a map of objects is a recursive type; only references
/// that never reach a schema with content are a loop (HSG0011).
/// </summary>
public sealed class RecursionTests
{
    private const string Ns = "Generated.Api";

    [Test]
    public void An_array_whose_items_refer_back_to_the_array_is_a_typed_list_not_json()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline("""
            openapi: 3.0.3
            info: {title: Trees, version: '1'}
            paths:
              /nodes:
                get:
                  operationId: getNodes
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Node'}
            components:
              schemas:
                Node:
                  type: array
                  items:
                    type: object
                    properties:
                      name: {type: string}
                      children: {$ref: '#/components/schemas/Node'}
                Index:
                  type: object
                  additionalProperties:
                    type: object
                    properties:
                      below: {$ref: '#/components/schemas/Index'}
            """));

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutWarnings();
        Assert.That(PropertyType(run.GetGeneratedType(Ns + ".NodeItem"), "Children"), Is.EqualTo("System.Collections.Generic.IReadOnlyList<Generated.Api.NodeItem>?"));
        Assert.That(PropertyType(run.GetGeneratedType(Ns + ".IndexValue"), "Below"), Does.StartWith("System.Collections.Generic.IReadOnlyDictionary<string, Generated.Api.IndexValue>"));
    }

    [Test]
    public void An_array_of_itself_with_no_object_between_is_HSG0006_and_compiles()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Nested, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    nested: {$ref: '#/components/schemas/Nested'}
                Nested:
                  type: array
                  items: {$ref: '#/components/schemas/Nested'}
            """;

        var run = GeneratorHarness.Run(SpecInput.Inline(spec));

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id + " line " + (d.Location.GetLineSpan().StartLinePosition.Line + 1)), Is.EqualTo(new[] { "HSG0006 line " + SpecText.LineOf(spec, "items: {$ref") }), GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutWarnings();
    }

    [Test]
    public void References_that_only_point_at_each_other_are_still_HSG0011()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Loop, version: '1'}
            paths: {}
            components:
              schemas:
                Holder:
                  type: object
                  properties:
                    a: {$ref: '#/components/schemas/A'}
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/A'}
            """;

        var run = GeneratorHarness.Run(SpecInput.Inline(spec));

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.Not.Empty.And.All.EqualTo("HSG0011"), GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutWarnings();
    }

    private static string PropertyType(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IPropertySymbol>().Single().Type.ToDisplayString();
}
