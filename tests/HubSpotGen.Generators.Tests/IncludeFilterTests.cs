using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// <c>OpenApiIncludePaths</c> and <c>OpenApiIncludeTags</c>, given as item metadata the way MSBuild passes it:
/// only the chosen operations are generated, with the types they reach and no others, and a glob that
/// selects nothing is reported.
/// </summary>
public sealed class IncludeFilterTests
{
    private const string Ns = "Generated.Api";

    private static readonly string Spec = SpecText.Lf("""
        openapi: 3.1.0
        info: {title: Filtered, version: '1'}
        paths:
          /connections:
            get:
              operationId: listConnections
              tags: [Connections]
              responses:
                '200':
                  description: OK.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/ConnectionList'}
          /connections/{id}:
            get:
              operationId: getConnection
              tags: [Connections]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: OK.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Connection'}
          /connectionSpecs:
            get:
              operationId: listConnectionSpecs
              tags: [Connection specs]
              responses:
                '200':
                  description: OK.
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: '#/components/schemas/ConnectionSpec'}
          /flows:
            post:
              operationId: createFlow
              tags: [Flows]
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Flow'}
              responses:
                '204': {description: Created.}
          /flows/{id}/runs:
            get:
              operationId: listRuns
              tags: [Flows, Runs]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: OK.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/RunList'}
        webhooks:
          flowFailed:
            post:
              tags: [Flows]
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/FlowFailure'}
              responses:
                '200': {description: OK.}
        components:
          schemas:
            ConnectionList:
              type: object
              properties:
                items:
                  type: array
                  items: {$ref: '#/components/schemas/Connection'}
            Connection:
              allOf:
                - $ref: '#/components/schemas/Stamped'
                - type: object
                  properties:
                    auth: {$ref: '#/components/schemas/Auth'}
                    state: {type: string, enum: [enabled, disabled]}
            Stamped:
              type: object
              properties:
                createdBy: {$ref: '#/components/schemas/Person'}
            Person:
              type: object
              properties:
                name: {type: string}
            Auth:
              oneOf:
                - $ref: '#/components/schemas/BasicAuth'
                - $ref: '#/components/schemas/TokenAuth'
            BasicAuth:
              type: object
              properties:
                user: {type: string}
                params:
                  type: object
                  additionalProperties: {$ref: '#/components/schemas/Param'}
            Param:
              type: object
              properties:
                value: {type: string}
            TokenAuth:
              type: object
              properties:
                token: {type: string}
            ConnectionSpec:
              type: object
              properties:
                provider: {type: string}
            Flow:
              type: object
              properties:
                name: {type: string}
                kind: {$ref: '#/components/schemas/FlowKind'}
            FlowKind:
              type: string
              enum: [batch, streaming]
            RunList:
              type: object
              properties:
                runs:
                  type: array
                  items: {$ref: '#/components/schemas/Run'}
            Run:
              type: object
              properties:
                id: {type: string}
            FlowFailure:
              type: object
              properties:
                reason: {type: string}
            Unused:
              type: object
              properties:
                anything: {type: string}
        """);

    [Test]
    public void A_star_stays_within_one_path_segment()
    {
        var run = Generate(includePaths: "/connection*");

        Assert.That(Methods(run), Is.EquivalentTo(new[] { "ListConnectionsAsync", "ListConnectionSpecsAsync" }));
    }

    [Test]
    public void A_double_star_crosses_segments_and_a_trailing_one_also_takes_the_path_before_it()
    {
        var run = Generate(includePaths: "/flows/**");

        Assert.That(Methods(run), Is.EquivalentTo(new[] { "CreateFlowAsync", "ListRunsAsync" }));
    }

    [Test]
    public void Several_globs_separated_by_semicolons_add_up_and_a_question_mark_is_one_character()
    {
        var run = Generate(includePaths: "/connections/{i?};/flows");

        Assert.That(Methods(run), Is.EquivalentTo(new[] { "GetConnectionAsync", "CreateFlowAsync" }));
    }

    [Test]
    public void A_bar_separates_globs_too_as_the_package_props_hand_a_semicolon_list_to_the_compiler()
    {
        var run = Generate(includePaths: "/connections/{i?}|/flows", includeTags: "Runs|Connection specs");

        Assert.That(Methods(run), Is.EquivalentTo(new[] { "GetConnectionAsync", "CreateFlowAsync", "ListRunsAsync", "ListConnectionSpecsAsync" }));
        Assert.That(run.GeneratorDiagnostics, Is.Empty);
    }

    [Test]
    public void Tags_select_operations_and_webhooks_and_add_up_with_paths()
    {
        var byTag = Generate(includeTags: "Connection*");
        var both = Generate(includePaths: "/flows", includeTags: "Runs");
        var flows = Generate(includeTags: "Flows");

        Assert.That(Methods(byTag), Is.EquivalentTo(new[] { "ListConnectionsAsync", "GetConnectionAsync", "ListConnectionSpecsAsync" }));
        Assert.That(Methods(both), Is.EquivalentTo(new[] { "CreateFlowAsync", "ListRunsAsync" }));
        Assert.That(byTag.Sources.Select(s => s.HintName), Has.None.Contains("Webhooks"), "A webhook has no path and its tag was not chosen.");
        Assert.That(flows.GetGeneratedType(Ns + ".FilteredClientWebhooks").GetMembers("ParseFlowFailed"), Has.Length.EqualTo(1));
        Assert.That(TypeNames(flows), Does.Contain("FlowFailure"));
    }

    [Test]
    public void Only_the_types_the_chosen_operations_reach_are_emitted_through_properties_items_allOf_unions_and_maps()
    {
        var run = Generate(includePaths: "/connections/*");

        Assert.That(Methods(run), Is.EquivalentTo(new[] { "GetConnectionAsync" }));
        // Stamped is only an allOf part: its properties are Connection's, so its class is not needed, but Person is.
        Assert.That(TypeNames(run), Is.EquivalentTo(new[] { "Connection", "ConnectionState", "Person", "Auth", "BasicAuth", "Param", "TokenAuth" }));
    }

    [Test]
    public void Without_the_metadata_or_with_the_empty_values_MSBuild_writes_everything_is_generated()
    {
        var unfiltered = Generate();
        var empty = Generate(includePaths: "", includeTags: " ");

        Assert.That(Methods(unfiltered), Has.Count.EqualTo(5));
        Assert.That(Methods(empty), Is.EquivalentTo(Methods(unfiltered)));
        Assert.That(TypeNames(empty), Is.EquivalentTo(TypeNames(unfiltered)));
        Assert.That(TypeNames(unfiltered), Does.Contain("Unused"));
        Assert.That(empty.GeneratorDiagnostics, Is.Empty);
    }

    [Test]
    public void A_glob_that_matches_nothing_is_HSG0013_at_the_start_of_the_spec_and_the_rest_still_applies()
    {
        var run = Generate(includePaths: "/connections;/conections/**", includeTags: "flows");

        var found = run.GeneratorDiagnostics.Where(d => d.Id == "HSG0013").ToList();
        Assert.That(found.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[]
        {
            "The OpenApiIncludePaths glob '/conections/**' matches no operation in the spec, so it adds nothing to the client",
            "The OpenApiIncludeTags glob 'flows' matches no operation in the spec, so it adds nothing to the client",
        }));
        Assert.That(found.Select(d => d.Severity), Is.All.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(found.Select(d => d.Location.GetLineSpan().Path), Is.All.EqualTo("/specs/inline.yaml"));
        Assert.That(found.Select(d => d.Location.GetLineSpan().StartLinePosition.Line), Is.All.EqualTo(0));
        Assert.That(Methods(run), Is.EquivalentTo(new[] { "ListConnectionsAsync" }));
    }

    [Test]
    public void The_real_spec_filtered_to_its_connection_specs_compiles_without_warnings_and_drops_the_connection_types()
    {
        var input = SpecInput.FlowService() with { IncludeTags = "Connection specs" };
        var run = GeneratorHarness.Run(input);

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        var client = run.GetGeneratedType("HubSpotGen.FlowService.FlowServiceClient");
        Assert.That(client.GetMembers().OfType<IMethodSymbol>().Select(m => m.Name), Has.Some.StartsWith("GetConnectionSpec").And.None.EqualTo("CreateConnectionAsync"));
        Assert.That(run.Sources.Select(s => s.HintName), Has.None.EqualTo("FlowServiceClient.Models.Connection.g.cs").And.Some.EqualTo("FlowServiceClient.Models.ConnectionSpec.g.cs"));
    }

    private static GeneratorRun Generate(string? includePaths = null, string? includeTags = null)
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(Spec) with { IncludePaths = includePaths, IncludeTags = includeTags });
        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutWarnings();
        return run;
    }

    private static List<string> Methods(GeneratorRun run) =>
        run.GetGeneratedType(Ns + ".FilteredClient").GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(m => m.Name).ToList();

    /// <summary>The generated model, enum and union types, by the file each is written to.</summary>
    private static List<string> TypeNames(GeneratorRun run) =>
        run.Sources.Select(s => s.HintName.Split('.'))
            .Where(parts => parts.Length == 5 && parts[1] is "Models" or "Enums" or "Unions")
            .Select(parts => parts[2]).ToList();
}
