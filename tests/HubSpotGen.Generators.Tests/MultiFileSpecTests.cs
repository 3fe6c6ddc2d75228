using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Specs split over several files: the entry item carries OpenApiNamespace, the files its relative
/// references name are plain AdditionalFiles items, and a reference means what it means in the file it is
/// written in.
/// </summary>
public sealed class MultiFileSpecTests
{
    private const string Ns = "Generated.Api";

    private const string Entry = """
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        paths:
          /pets:
            $ref: './paths/pets.yaml'
          /owners:
            get:
              operationId: listOwners
              parameters:
                - $ref: 'common.yaml#/components/parameters/Limit'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: 'common.yaml#/components/schemas/Owner'
        """;

    private const string PetsPathItem = """
        get:
          operationId: listPets
          parameters:
            - $ref: '../common.yaml#/components/parameters/Limit'
          responses:
            '200':
              description: ok
              content:
                application/json:
                  schema:
                    type: array
                    items:
                      $ref: '../schemas/Pet.yaml'
          x-ms-examples:
            Lists pets:
              $ref: '../examples/list-pets.json'
        """;

    private const string PetSchema = """
        type: object
        required: [name]
        properties:
          name: {type: string}
          owner:
            $ref: '../common.yaml#/components/schemas/Owner'
          tags:
            type: array
            items:
              $ref: '#/definitions/Tag'
        definitions:
          Tag:
            type: object
            properties:
              label: {type: string}
        """;

    private const string Common = """
        components:
          parameters:
            Limit:
              name: limit
              in: query
              schema: {type: integer, format: int32}
          schemas:
            Owner:
              type: object
              properties:
                id: {type: string, format: uuid}
        """;

    [Test]
    public void References_to_fragments_whole_files_and_path_items_in_other_files_resolve()
    {
        var run = GeneratorHarness.Run(PetSpec());

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutWarnings();

        var client = run.GetGeneratedType(Ns + ".PetsClient");
        var listPets = client.GetMembers("ListPetsAsync").OfType<IMethodSymbol>().Single();
        var listOwners = client.GetMembers("ListOwnersAsync").OfType<IMethodSymbol>().Single();
        Assert.That(listPets.Parameters.Select(p => p.Name + ":" + p.Type.ToDisplayString()), Does.Contain("limit:int?"));
        Assert.That(listOwners.Parameters.Select(p => p.Name + ":" + p.Type.ToDisplayString()), Does.Contain("limit:int?"));
        Assert.That(listPets.ReturnType.ToDisplayString(), Does.Contain("System.Collections.Generic.IReadOnlyList<Generated.Api.Pet>"));

        // The whole file is the schema and is named after it; the file's own '#/…' pointer is read in that file.
        var pet = run.GetGeneratedType(Ns + ".Pet");
        Assert.That(PropertyType(pet, "Name"), Is.EqualTo("string"));
        Assert.That(PropertyType(pet, "Owner"), Is.EqualTo("Generated.Api.Owner?"));
        Assert.That(PropertyType(pet, "Tags"), Is.EqualTo("System.Collections.Generic.IReadOnlyList<Generated.Api.Tag>?"));
        Assert.That(PropertyType(run.GetGeneratedType(Ns + ".Owner"), "Id"), Is.EqualTo("System.Guid?"));

        // One file reached by two spellings of its path is one set of types.
        Assert.That(run.Sources.Select(s => s.HintName).Where(name => name.Contains("Owner", StringComparison.Ordinal)), Is.EqualTo(new[] { "PetsClient.Models.Owner.g.cs" }));
    }

    [Test]
    public void A_reference_to_a_file_that_is_not_listed_is_HSG0012_at_the_reference_naming_the_file()
    {
        var specs = PetSpec().Where(spec => !spec.Path.EndsWith("Pet.yaml", StringComparison.Ordinal)).ToArray();

        var run = GeneratorHarness.Run(specs);

        run.AssertGeneratorDidNotThrow();
        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "HSG0012");
        var span = diagnostic.Location.GetLineSpan();
        Assert.That(span.Path, Is.EqualTo("/specs/paths/pets.yaml"));
        Assert.That(span.StartLinePosition.Line + 1, Is.EqualTo(SpecText.LineOf(PetsPathItem, "../schemas/Pet.yaml")));
        Assert.That(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("'../schemas/Pet.yaml'"));
        Assert.That(diagnostic.Severity, Is.EqualTo(DiagnosticSeverity.Warning));
        run.AssertCompilesWithoutErrors();
    }

    [Test]
    public void A_companion_that_is_not_valid_yaml_is_HSG0002_in_that_file_and_the_rest_is_generated()
    {
        var specs = PetSpec().Select(spec => spec.Path.EndsWith("common.yaml", StringComparison.Ordinal) ? spec with { Text = "components:\n  parameters: [unclosed\n" } : spec).ToArray();

        var run = GeneratorHarness.Run(specs);

        run.AssertGeneratorDidNotThrow();
        var syntax = run.GeneratorDiagnostics.Single(d => d.Id == "HSG0002");
        Assert.That(syntax.Location.GetLineSpan().Path, Is.EqualTo("/specs/common.yaml"));
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Has.No.Member("HSG0004").And.No.Member("HSG0012"), GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain("PetsClient.Models.Pet.g.cs"));
        run.AssertCompilesWithoutErrors();
    }

    [Test]
    public void A_broken_pointer_inside_a_companion_is_reported_in_the_companion()
    {
        var broken = PetSchema.Replace("#/definitions/Tag", "#/definitions/Label");
        var specs = PetSpec().Select(spec => spec.Path.EndsWith("Pet.yaml", StringComparison.Ordinal) ? spec with { Text = broken } : spec).ToArray();

        var run = GeneratorHarness.Run(specs);

        run.AssertGeneratorDidNotThrow();
        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "HSG0004");
        Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo("/specs/schemas/Pet.yaml"));
        Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, Is.EqualTo(SpecText.LineOf(broken, "#/definitions/Label")));
        run.AssertCompilesWithoutErrors();
    }

    [Test]
    public void References_under_examples_and_vendor_extensions_are_data_and_are_not_reported()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Examples, version: '1'}
            paths:
              /a:
                get:
                  operationId: getA
                  x-ms-examples:
                    One: {$ref: ./examples/a.json}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: string}
                          example: {$ref: '#/nowhere'}
                          examples:
                            first: {$ref: '#/components/examples/Missing'}
                      x-extra: {$ref: 'other.yaml#/x'}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    x-rated:
                      $ref: '#/components/schemas/Missing'
            """;

        var run = GeneratorHarness.Run(SpecInput.Inline(spec));

        run.AssertGeneratorDidNotThrow();

        // A property that happens to be named like an extension is still a schema, and its reference is read.
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id + " line " + (d.Location.GetLineSpan().StartLinePosition.Line + 1)), Is.EqualTo(new[] { "HSG0004 line " + SpecText.LineOf(spec, "$ref: '#/components/schemas/Missing'") }), GeneratorRun.Describe(run.GeneratorDiagnostics));
    }

    [Test]
    public void A_swagger_spec_reads_parameters_and_definitions_of_a_shared_common_types_file()
    {
        var entry = new SpecInput("/specs/service/things.json", """
            {
              "swagger": "2.0",
              "info": {"title": "Things", "version": "1"},
              "host": "things.example.test",
              "paths": {
                "/subscriptions/{subscriptionId}/things/{thingId}": {
                  "get": {
                    "operationId": "Things_Get",
                    "parameters": [
                      {"$ref": "../common-types/types.json#/parameters/SubscriptionIdParameter"},
                      {"$ref": "../common-types/types.json#/parameters/ApiVersionParameter"},
                      {"name": "thingId", "in": "path", "required": true, "type": "integer", "format": "int64"}
                    ],
                    "responses": {
                      "200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}},
                      "default": {"description": "error", "schema": {"$ref": "../common-types/types.json#/definitions/ErrorResponse"}}
                    }
                  }
                }
              },
              "definitions": {
                "Thing": {
                  "allOf": [{"$ref": "../common-types/types.json#/definitions/Resource"}],
                  "properties": {"size": {"type": "integer"}}
                }
              }
            }
            """, Ns);
        var common = new SpecInput("/specs/common-types/types.json", """
            {
              "swagger": "2.0",
              "info": {"title": "Common types", "version": "1"},
              "paths": {},
              "parameters": {
                "SubscriptionIdParameter": {"name": "subscriptionId", "in": "path", "required": true, "type": "string", "format": "uuid"},
                "ApiVersionParameter": {"name": "api-version", "in": "query", "required": true, "type": "string", "minLength": 1}
              },
              "definitions": {
                "Resource": {"type": "object", "properties": {"id": {"type": "string", "readOnly": true}, "name": {"type": "string"}}},
                "ErrorResponse": {"type": "object", "properties": {"error": {"$ref": "#/definitions/ErrorDetail"}}},
                "ErrorDetail": {"type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}
              }
            }
            """, Namespace: null);

        var run = GeneratorHarness.Run(entry, common);

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutWarnings();
        var method = run.GetGeneratedType(Ns + ".ThingsClient").GetMembers("ThingsGetAsync").OfType<IMethodSymbol>().Single();
        Assert.That(method.Parameters.Select(p => p.Name + ":" + p.Type.ToDisplayString()), Is.SupersetOf(new[] { "subscriptionId:System.Guid", "apiVersion:string", "thingId:long" }));
        Assert.That(PropertyNames(run.GetGeneratedType(Ns + ".Thing")), Is.SupersetOf(new[] { "Id", "Name", "Size" }));
        Assert.That(PropertyType(run.GetGeneratedType(Ns + ".ErrorResponse"), "Error"), Is.EqualTo("Generated.Api.ErrorDetail?"));
    }

    [Test]
    public void A_problem_in_a_swagger_parameter_of_a_shared_file_is_reported_in_that_file()
    {
        var entry = new SpecInput("/specs/service/things.yaml", """
            swagger: '2.0'
            info: {title: Things, version: '1'}
            paths:
              /things:
                get:
                  operationId: listThings
                  parameters:
                    - $ref: '../common/parameters.yaml#/parameters/Odd'
                  responses:
                    '204': {description: none}
            """, Ns);
        const string shared = """
            parameters:
              Odd:
                name: odd
                in: nowhere
                type: string
            """;
        var common = new SpecInput("/specs/common/parameters.yaml", shared, Namespace: null);

        var run = GeneratorHarness.Run(entry, common);

        run.AssertGeneratorDidNotThrow();
        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "HSG0006");
        Assert.That(diagnostic.Location.GetLineSpan().Path, Is.EqualTo(common.Path));
        Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, Is.EqualTo(SpecText.LineOf(shared, "name: odd")));
        run.AssertCompilesWithoutErrors();
    }

    /// <summary>The pet spec: entry, a path item file, a schema file and shared components, in three folders.</summary>
    internal static SpecInput[] PetSpec() => new[]
    {
        new SpecInput("/specs/pets.yaml", Entry, Ns),
        new SpecInput("/specs/paths/pets.yaml", PetsPathItem, Namespace: null),
        new SpecInput("/specs/schemas/Pet.yaml", PetSchema, Namespace: null),
        new SpecInput("/specs/common.yaml", Common, Namespace: null),
    };

    private static string PropertyType(INamedTypeSymbol type, string name) =>
        type.GetMembers(name).OfType<IPropertySymbol>().Single().Type.ToDisplayString();

    private static IEnumerable<string> PropertyNames(INamedTypeSymbol type) => type.GetMembers().OfType<IPropertySymbol>().Select(p => p.Name);
}
