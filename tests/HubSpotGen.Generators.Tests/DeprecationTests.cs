using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Deprecated parts become [Obsolete] for the user's code, yet the generated code that must use them
/// (other models, the client) compiles without CS0612/CS0618, and required members avoid CS9042.
/// </summary>
public sealed class DeprecationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: Deprecations
          version: '1'
        paths:
          /things:
            post:
              operationId: postThing
              parameters:
                - name: kind
                  in: header
                  schema:
                    $ref: '#/components/schemas/OldKind'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Old'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Holder'
                '404':
                  description: missing
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Old'
          /old:
            get:
              operationId: getOld
              deprecated: true
              responses:
                '204':
                  description: ok
        components:
          schemas:
            Old:
              type: object
              deprecated: true
              required: [gone]
              properties:
                gone:
                  type: string
                  deprecated: true
                self:
                  $ref: '#/components/schemas/Old'
            OldKind:
              type: string
              deprecated: true
              enum: [a, b]
            Holder:
              type: object
              required: [gone]
              properties:
                gone:
                  type: string
                  deprecated: true
                optionalGone:
                  type: string
                  deprecated: true
                old:
                  $ref: '#/components/schemas/Old'
                olds:
                  type: array
                  items:
                    $ref: '#/components/schemas/Old'
        """;

    [Test]
    public void Generated_code_that_uses_deprecated_parts_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecText.Lf(Spec)));

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutWarnings();
    }

    [Test]
    public void Deprecated_parts_are_obsolete_for_the_user()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecText.Lf(Spec)));

        Assert.That(IsObsolete(run.GetGeneratedType("Generated.Api.Old")), Is.True);
        Assert.That(IsObsolete(run.GetGeneratedType("Generated.Api.DeprecationsClient").GetMembers("GetOldAsync").Single()), Is.True);
        Assert.That(IsObsolete(run.GetGeneratedType("Generated.Api.Holder").GetMembers("OptionalGone").Single()), Is.True);

        // Required and obsolete together is CS9042; the member stays required and the docs say it is deprecated.
        var requiredGone = run.GetGeneratedType("Generated.Api.Holder").GetMembers("Gone").OfType<IPropertySymbol>().Single();
        Assert.That(requiredGone.IsRequired, Is.True);
        Assert.That(requiredGone.GetDocumentationCommentXml(), Does.Contain("Deprecated"));

        var userCode = TestCompilations.WithUnrelatedEdit(run.OutputCompilation, "Usage")
            .AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                "namespace User { internal static class UsesOld { internal static object Make() => new Generated.Api.Old { Gone = \"x\" }; } }",
                TestCompilations.ParseOptions));
        Assert.That(userCode.GetDiagnostics().Select(d => d.Id), Has.Member("CS0612").Or.Member("CS0618"));
    }

    private static bool IsObsolete(ISymbol symbol) =>
        symbol.GetAttributes().Any(attribute => attribute.AttributeClass?.Name == "ObsoleteAttribute");
}
