using HubSpotGen.Generators.Tests.Harness;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// Titles, summaries, descriptions and enum values reach comments. C# ends a comment at "\r", U+0085,
/// U+2028 and U+2029 too, and XML docs reject control characters: none of them may break the output.
/// </summary>
public sealed class SpecTextInCommentsTests
{
    // JSON, so that the escapes reach the parser as written.
    private const string Spec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Title\rwith\u2028breaks", "version": "1", "description": "bell\u0007" },
          "paths": {
            "/a": {
              "get": {
                "operationId": "op",
                "summary": "s\rt\u0085u\u2029v\u0002 */ <b> &",
                "description": "line one\r\nline two\rline three",
                "responses": {
                  "200": {
                    "description": "ok",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/E" } } }
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "E": { "type": "string", "description": "x\ry", "enum": [ "a\nb", "c\rd", "e\u2028f", "g\u0003", "</c>" ] }
            }
          }
        }
        """;

    [Test]
    public void Generated_code_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(Spec, "comments.json"));

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutWarnings();
    }

    [Test]
    public void Output_has_no_line_end_but_newline()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(Spec, "comments.json"));

        foreach (var (hintName, text) in run.Sources)
        {
            Assert.That(text.IndexOfAny(new[] { '\r', '\u0085', '\u2028', '\u2029' }), Is.EqualTo(-1), hintName);
        }
    }

    [Test]
    public void Enum_values_keep_their_exact_wire_text()
    {
        var run = GeneratorHarness.Run(SpecInput.Inline(Spec, "comments.json"));

        var enumSource = run.Sources.Single(source => source.HintName.EndsWith(".Enums.E.g.cs", StringComparison.Ordinal)).Text;
        Assert.That(enumSource, Does.Contain("\"c\\rd\"").And.Contain("\"e\\u2028f\""));
    }
}
