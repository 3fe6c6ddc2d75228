using HubSpotGen.Generators.Tests.Harness;

namespace HubSpotGen.Generators.Tests.Reading;

/// <summary>
/// The valid YAML the previous reader refused (HSG0002): a keep block scalar (<c>|+</c>) whose only line is
/// blank and holds more spaces than the next key. Through the whole generator it must build as cleanly as
/// the same document written in JSON, into the same code.
/// </summary>
public sealed class KeepBlockScalarSpecTests
{
    private static readonly string Yaml =
        "openapi: 3.0.3\n"
        + "info:\n  title: Stops\n  version: '1'\n"
        + "paths:\n  /stops:\n    get:\n      operationId: getStop\n      responses:\n        '200':\n          description: OK\n"
        + "          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/Trip'\n"
        + "components:\n  schemas:\n"
        + "    Stop:\n      type: string\n      example: |+\n" + new string(' ', 12) + "\n      nullable: true\n"
        + "    Trip:\n      type: object\n      properties:\n        stop:\n          $ref: '#/components/schemas/Stop'\n";

    private const string Json =
        "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Stops\", \"version\": \"1\"},"
        + " \"paths\": {\"/stops\": {\"get\": {\"operationId\": \"getStop\", \"responses\": {\"200\": {\"description\": \"OK\","
        + " \"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Trip\"}}}}}}}},"
        + " \"components\": {\"schemas\": {\"Stop\": {\"type\": \"string\", \"example\": \"\\n\", \"nullable\": true},"
        + " \"Trip\": {\"type\": \"object\", \"properties\": {\"stop\": {\"$ref\": \"#/components/schemas/Stop\"}}}}}}";

    [Test]
    public void The_spec_builds_cleanly_with_no_syntax_diagnostic()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(Yaml, "stops.yaml"));

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        Assert.That(run.Sources.Select(source => source.HintName), Has.Some.EndsWith(".Client.g.cs"));
        run.AssertCompilesWithoutWarnings();
    }

    [Test]
    public void The_spec_generates_the_same_code_as_its_json_form()
    {
        var fromYaml = GeneratorHarness.Run(SpecInput.Inline(Yaml, "stops.spec")).Sources;
        var fromJson = GeneratorHarness.Run(SpecInput.Inline(Json, "stops.spec")).Sources;

        Assert.That(fromYaml, Has.Count.GreaterThan(1));
        Assert.That(fromYaml, Is.EqualTo(fromJson));
    }
}
