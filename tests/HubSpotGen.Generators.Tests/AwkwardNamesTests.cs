using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>Names from the spec that are not C# identifiers, or that collide with each other or with the generated plumbing.</summary>
public sealed class AwkwardNamesTests
{
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: awkward names & <things>
          version: '1'
        servers:
          - url: https://example.test/api/
        paths:
          /events/{event}/{class}:
            parameters:
              - name: event
                in: path
                required: true
                schema:
                  type: string
              - name: class
                in: path
                required: true
                schema:
                  type: integer
            get:
              operationId: get-event
              summary: Reads an <event> & its "class"
              parameters:
                - name: namespace
                  in: query
                  schema:
                    type: string
                - name: x-request-id
                  in: header
                  schema:
                    type: string
                - name: request-id
                  in: query
                  schema:
                    type: string
                - name: cancellationToken
                  in: query
                  schema:
                    type: string
                - name: body
                  in: query
                  schema:
                    type: string
                - name: __url
                  in: query
                  schema:
                    type: string
                - name: state
                  in: query
                  schema:
                    $ref: '#/components/schemas/State'
                - name: tags
                  in: query
                  style: form
                  explode: false
                  schema:
                    type: array
                    items:
                      $ref: '#/components/schemas/State'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Event'
            patch:
              operationId: class
              requestBody:
                required: true
                content:
                  application/json-patch+json:
                    schema:
                      type: array
                      items:
                        type: object
                        properties:
                          op:
                            type: string
                            enum: [add, remove, 1st]
                          path:
                            type: string
              parameters:
                - name: body
                  in: query
                  required: true
                  schema:
                    type: string
              responses:
                '204':
                  description: done
                default:
                  description: failed
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Error'
          /1st/things:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        string:
                          type: string
              responses:
                '2XX':
                  description: ok
        components:
          schemas:
            State:
              type: string
              description: The <state> & more
              enum:
                - delete-finalizing
                - 1st
                - Value
                - converter
                - ''
                - state
                - DELETE_FINALIZING
            Event:
              type: object
              required: [class, namespace]
              properties:
                class:
                  type: string
                namespace:
                  type: string
                  nullable: true
                event:
                  type: string
                content-type:
                  type: string
                a.b:
                  type: integer
                  format: int64
                1st:
                  type: boolean
                Event:
                  type: string
                AdditionalProperties:
                  type: string
                state:
                  $ref: '#/components/schemas/State'
                when:
                  type: string
                  format: date-time
                id:
                  type: string
                  format: uuid
                blob:
                  type: string
                  format: byte
                ratio:
                  type: number
                tags:
                  type: object
                  additionalProperties:
                    type: string
              additionalProperties: true
            Error:
              type: object
              properties:
                string:
                  type: string
            ApiException:
              type: object
              properties:
                message:
                  type: string
            object:
              type: object
              properties:
                int:
                  type: integer
            awkward-names-things-client:
              type: object
              properties:
                x:
                  type: string
        """;

    [Test]
    public void Generates_code_that_compiles_without_errors_or_warnings()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecText.Lf(Spec), "awkward.yaml"));

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutWarnings();
    }

    [Test]
    public void Keywords_become_escaped_parameters_and_pascal_case_properties()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecText.Lf(Spec), "awkward.yaml"));

        var client = run.OutputCompilation.GetSymbolsWithName(name => name.EndsWith("Client", StringComparison.Ordinal), SymbolFilter.Type)
            .OfType<INamedTypeSymbol>().Single(type => type.GetMembers("GetEventAsync").Length == 1);
        var parameters = client.GetMembers("GetEventAsync").OfType<IMethodSymbol>().Single().Parameters.Select(p => p.Name).ToList();
        Assert.That(parameters, Does.Contain("event").And.Contain("class").And.Contain("namespace"));
        Assert.That(parameters, Is.Unique);

        var eventType = run.GetGeneratedType("Generated.Api.Event");
        var properties = eventType.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name).ToList();
        Assert.That(properties, Does.Contain("Class").And.Contain("Namespace").And.Contain("ContentType").And.Contain("AB").And.Contain("_1st"));
    }

    [Test]
    public void Enum_values_that_are_not_identifiers_become_members()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecText.Lf(Spec), "awkward.yaml"));

        var state = run.GetGeneratedType("Generated.Api.State");
        var members = state.GetMembers().OfType<IPropertySymbol>().Where(p => p.IsStatic).Select(p => p.Name).ToList();
        Assert.That(members, Does.Contain("DeleteFinalizing").And.Contain("_1st"));
        Assert.That(members, Is.Unique);
        Assert.That(members, Has.Count.EqualTo(7));
    }

    /// <summary>Names that collide with what every generated class or enum struct declares or inherits.</summary>
    private const string MemberClashSpec = """
        openapi: 3.0.3
        info:
          title: Clashes
          version: '1'
        paths:
          /things:
            get:
              operationId: getThing
              parameters:
                - name: value
                  in: query
                  schema:
                    $ref: '#/components/schemas/Value'
                - name: converter
                  in: query
                  schema:
                    $ref: '#/components/schemas/Converter'
                - name: equals
                  in: query
                  schema:
                    $ref: '#/components/schemas/Equals'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/AdditionalProperties'
        components:
          schemas:
            Thing:
              type: object
              properties:
                equals: { type: string }
                toString: { type: string }
                getHashCode: { type: integer }
                getType: { type: string }
                memberwiseClone: { type: string }
                referenceEquals: { type: string }
                finalize: { type: string }
            Kind:
              type: string
              enum: [equals, toString, getHashCode, getType, value, converter, Equals, Kind]
            Value:
              type: string
              enum: [a, b]
            Converter:
              type: string
              enum: [c]
            Equals:
              type: string
              enum: [d]
            AdditionalProperties:
              type: object
              additionalProperties: true
              properties:
                additionalProperties: { type: string }
        """;

    [Test]
    public void Names_of_inherited_and_generated_members_compile_without_warnings()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecText.Lf(MemberClashSpec), "clashes.yaml"));

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutWarnings();
    }

    [Test]
    public void Clashing_names_keep_their_json_names()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(SpecText.Lf(MemberClashSpec), "clashes.yaml"));

        var thing = run.GetGeneratedType("Generated.Api.Thing");
        var jsonNames = thing.GetMembers().OfType<IPropertySymbol>()
            .Select(p => p.GetAttributes().Single(a => a.AttributeClass?.Name == "JsonPropertyAttribute").ConstructorArguments[0].Value as string)
            .ToList();
        Assert.That(jsonNames, Is.EquivalentTo(new[] { "equals", "toString", "getHashCode", "getType", "memberwiseClone", "referenceEquals", "finalize" }));
        Assert.That(run.GetGeneratedType("Generated.Api.ValueEnum").GetMembers("A"), Is.Not.Empty);
    }
}
