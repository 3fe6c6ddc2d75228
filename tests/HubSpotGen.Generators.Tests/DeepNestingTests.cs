using System.Text;
using HubSpotGen.Generators.Tests.Harness;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Nesting must neither overflow the stack (which would end the compiler, not just fail a build) nor be
/// cut off at a depth a real spec reaches.
/// </summary>
public sealed class DeepNestingTests
{
    [Test]
    public void Schemas_nested_hundreds_of_levels_deep_generate_a_compiling_client()
    {
        var spec = new StringBuilder("{\"openapi\":\"3.0.3\",\"info\":{\"title\":\"Deep\",\"version\":\"1\"},\"paths\":{\"/deep\":{\"get\":{\"operationId\":\"getDeep\",\"responses\":{\"200\":{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":");
        const int levels = 300;
        for (var i = 0; i < levels; i++)
        {
            spec.Append("{\"type\":\"object\",\"properties\":{\"child\":");
        }

        spec.Append("{\"type\":\"string\"}");
        spec.Append(new string('}', levels * 2));
        spec.Append("}}}}}}}}");

        var run = GeneratorHarness.Run(new SpecInput("/specs/deep.json", spec.ToString()));

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutErrors();
    }

    [TestCase(5_000)]
    [TestCase(200_000)]
    public void Nesting_beyond_any_real_spec_is_a_located_syntax_diagnostic(int levels)
    {
        var spec = "openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\npaths: {}\nx-deep: " + new string('[', levels) + new string(']', levels) + "\n";

        var run = GeneratorHarness.Run(new SpecInput("/specs/deeper.yaml", spec));

        run.AssertGeneratorDidNotThrow();
        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "HSG0002");
        Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, Is.EqualTo(4));
        Assert.That(diagnostic.GetMessage(), Does.Contain("nests deeper"));
    }
}
