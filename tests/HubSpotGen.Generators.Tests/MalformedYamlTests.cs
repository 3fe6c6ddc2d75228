using HubSpotGen.Generators.Tests.Harness;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Malformed YAML found by the mutation test, pinned as small cases: each must be a located HSG0002,
/// never an internal error (HSG0001) or an exception.
/// </summary>
public sealed class MalformedYamlTests
{
    [TestCase("openapi: 3.0.3\nx: [\n", 2)]
    [TestCase("openapi: 3.0.3\nx: {\n", 2)]
    [TestCase("openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n  /a: [\ncomponents: {}\n", 6)]
    [TestCase("openapi: 3.0.3\nx: [\ny: 1\n", 2)]
    [TestCase("openapi: 3.0.3\ninfo: {title: T, version: '1'\npaths: {}\n", 2)]
    [TestCase("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': [\n        '404':\n          description: no\n", 7)]
    public void An_unclosed_flow_collection_is_a_syntax_error_near_its_bracket(string spec, int bracketLine)
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(spec));

        run.AssertGeneratorDidNotThrow();
        var syntaxErrors = run.GeneratorDiagnostics.Where(d => d.Id == "HSG0002").ToList();
        Assert.That(syntaxErrors, Has.Count.EqualTo(1), GeneratorRun.Describe(run.GeneratorDiagnostics));
        // The parser notices on the bracket's line or a little after, where the collection cannot go on; either tells the user where to look.
        Assert.That(syntaxErrors[0].Location.GetLineSpan().StartLinePosition.Line + 1, Is.InRange(bracketLine, bracketLine + 2));
        run.AssertCompilesWithoutErrors();
    }

    [TestCase("a: [\n")]
    [TestCase("openapi: 3.0.3\ninfo:\n  title: \"unterminated\npaths: {}\n")]
    [TestCase("openapi: 3.0.3\ninfo: *nowhere\npaths: {}\n")]
    [TestCase("openapi: 3.0.3\ninfo: &a\n  title: T\n  version: '1'\npaths: &a {}\n")]
    [TestCase("openapi: 3.0.3\n---\nswagger: '2.0'\n")]
    [TestCase("openapi: 3.0.3\npaths: !!map [1, 2]\n")]
    public void Other_malformed_yaml_never_gives_an_internal_error(string spec)
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(spec));

        run.AssertGeneratorDidNotThrow();
        run.AssertCompilesWithoutErrors();
    }
}
