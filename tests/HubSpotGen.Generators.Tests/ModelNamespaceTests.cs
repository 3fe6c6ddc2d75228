using HubSpotGen.Generators.Tests.Harness;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// OpenApiModelNamespace puts the spec's models, enums and unions in a namespace of their own, while the client,
/// its ApiException and its webhooks class stay in OpenApiNamespace; without it, everything shares one namespace.
/// </summary>
public sealed class ModelNamespaceTests
{
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: Shapes
          version: '1'
        paths:
          /shapes/{id}:
            get:
              operationId: getShape
              parameters:
                - { name: id, in: path, required: true, schema: { type: string } }
                - { name: kind, in: query, schema: { $ref: '#/components/schemas/Kind' } }
              responses:
                '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Shape' } } } }
                '404': { description: missing, content: { application/json: { schema: { $ref: '#/components/schemas/Problem' } } } }
        components:
          schemas:
            Kind: { type: string, enum: [circle, square] }
            Circle: { type: object, properties: { radius: { type: number } } }
            Square: { type: object, properties: { side: { type: number } } }
            Shape: { oneOf: [ { $ref: '#/components/schemas/Circle' }, { $ref: '#/components/schemas/Square' } ] }
            Problem: { type: object, properties: { kind: { $ref: '#/components/schemas/Kind' }, title: { type: string } } }
        """;

    [Test]
    public void Models_enums_and_unions_go_to_the_model_namespace_and_the_client_stays()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(Spec, clientName: "ShapesClient") with { ModelNamespace = "Generated.Api.Models" });

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();
        Assert.Multiple(() =>
        {
            foreach (var model in new[] { "Kind", "Circle", "Square", "Shape", "Problem" })
            {
                Assert.That(run.OutputCompilation.GetTypeByMetadataName("Generated.Api.Models." + model), Is.Not.Null, model + " in the model namespace");
                Assert.That(run.OutputCompilation.GetTypeByMetadataName("Generated.Api." + model), Is.Null, model + " not beside the client");
            }

            Assert.That(run.OutputCompilation.GetTypeByMetadataName("Generated.Api.ShapesClient"), Is.Not.Null);
            Assert.That(run.OutputCompilation.GetTypeByMetadataName("Generated.Api.ApiException"), Is.Not.Null);
            Assert.That(run.OutputCompilation.GetTypeByMetadataName("Generated.Api.Models.ShapesClient"), Is.Null);
        });

        var getShape = (Microsoft.CodeAnalysis.IMethodSymbol)run.GetGeneratedType("Generated.Api.ShapesClient").GetMembers("GetShapeAsync").Single();
        Assert.That(getShape.ReturnType.ToDisplayString(), Is.EqualTo("System.Threading.Tasks.Task<Generated.Api.Models.Shape>"));
        Assert.That(getShape.Parameters[1].Type.ToDisplayString(), Is.EqualTo("Generated.Api.Models.Kind?"));
    }

    [Test]
    public void Without_the_metadata_or_with_the_client_namespace_nothing_moves()
    {
        var without = GeneratorHarness.Run(SpecInput.Inline(Spec, clientName: "ShapesClient"));
        var same = GeneratorHarness.Run(SpecInput.Inline(Spec, clientName: "ShapesClient") with { ModelNamespace = "Generated.Api" });

        Assert.That(same.Sources, Is.EqualTo(without.Sources));
        Assert.That(without.OutputCompilation.GetTypeByMetadataName("Generated.Api.Shape"), Is.Not.Null);
    }

    [Test]
    public void A_model_namespace_above_the_client_renames_the_schema_that_would_clash_with_it()
    {
        // Models in Generated, the client in Generated.Api: a schema named Api would be a type Generated.Api.
        var spec = Spec.Replace("Problem", "Api", StringComparison.Ordinal);

        var run = GeneratorHarness.Run(SpecInput.Inline(spec, clientName: "ShapesClient") with { ModelNamespace = "Generated" });

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutErrors();
        Assert.That(run.OutputCompilation.GetTypeByMetadataName("Generated.Api.ShapesClient"), Is.Not.Null);
    }

    [TestCase("Generated.class", "is not a valid C# namespace")]
    [TestCase("Generated..Models", "is not a valid C# namespace")]
    [TestCase("Generated.Api.ShapesClient.Models", "lies inside the generated type 'Generated.Api.ShapesClient'")]
    [TestCase("Generated.Api.ApiException", "lies inside the generated type 'Generated.Api.ApiException'")]
    public void A_model_namespace_that_cannot_hold_the_models_is_HSG0015_at_the_spec(string modelNamespace, string why)
    {
        var input = SpecInput.Inline(Spec, clientName: "ShapesClient") with { ModelNamespace = modelNamespace };

        var run = GeneratorHarness.Run(input);

        run.AssertGeneratorDidNotThrow();
        var diagnostic = run.GeneratorDiagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("HSG0015"));
            Assert.That(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("'" + modelNamespace + "' " + why));
            Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo(input.Path));
            Assert.That(run.Sources, Is.Empty);
        });
        run.AssertCompilesWithoutErrors();
    }
}
