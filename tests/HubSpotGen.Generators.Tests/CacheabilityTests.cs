using System.Reflection;
using System.Text;
using HubSpotGen.Generators.Emitting;
using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// The compilation changes on every keystroke; the spec rarely does. These tests hold the pipeline to
/// that: an unrelated edit must reuse every step, and nothing cached may pin Roslyn or YAML objects.
/// </summary>
public sealed class CacheabilityTests
{
    /// <summary>Every name in TrackingNames, read by reflection so that a new step is covered without editing this test.</summary>
    private static readonly string[] TrackedStepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    [Test]
    public void Every_tracking_name_is_a_step_of_the_pipeline()
    {
        var run = GeneratorHarness.Run(SpecInput.FlowService());

        Assert.That(TrackedStepNames, Is.Not.Empty);
        Assert.That(run.Result.TrackedSteps.Keys, Is.SupersetOf(TrackedStepNames));
    }

    [Test]
    public void An_unrelated_edit_reuses_every_tracked_step()
    {
        var compilation = TestCompilations.Create(includeNewtonsoft: true, "namespace User { internal sealed class Existing { } }");
        var first = GeneratorHarness.Run(compilation, SpecInput.FlowService());

        var second = GeneratorHarness.RunAgain(first.Driver, TestCompilations.WithUnrelatedEdit(first.InputCompilation, "A"));
        var third = GeneratorHarness.RunAgain(second.Driver, TestCompilations.WithUnrelatedEdit(second.InputCompilation, "B"));

        foreach (var run in new[] { second, third })
        {
            Assert.Multiple(() =>
            {
                foreach (var name in TrackedStepNames)
                {
                    var reasons = OutputReasons(run, name);
                    Assert.That(reasons, Is.Not.Empty, name + " did not run.");
                    Assert.That(reasons, Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), name);
                }
            });
        }

        Assert.That(second.Sources, Is.EqualTo(first.Sources));
    }

    [Test]
    public void Tracked_steps_hold_no_roslyn_or_yaml_objects()
    {
        var run = GeneratorHarness.Run(SpecInput.FlowService(), SpecInput.Inline(InvalidSpecForDiagnostics, "broken-ref.yaml"));

        var problems = new List<string>();
        foreach (var name in TrackedStepNames)
        {
            foreach (var step in run.Result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    problems.AddRange(PipelineValueWalker.FindForbiddenValues(value, name));
                }
            }
        }

        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void The_walker_finds_a_forbidden_object_deep_inside_a_value()
    {
        // Guards the guard: a walker that silently skipped records would pass any pipeline.
        var compilation = TestCompilations.Create();
        var nested = (Label: "x", Inner: new List<object> { new { Kept = compilation } });

        Assert.That(PipelineValueWalker.FindForbiddenValues(nested, "root"), Has.Count.EqualTo(1));
    }

    [Test]
    public void Editing_the_spec_reparses_it()
    {
        var original = SpecInput.FlowService();
        var first = GeneratorHarness.RunAgain(GeneratorHarness.CreateDriver(new[] { original }, out var texts), TestCompilations.Create());
        var oldText = texts.Single();
        var editedText = new InMemoryAdditionalText(oldText.Path, original.Text.Replace("title: Flow Service API", "title: Flow Service API (edited)"));

        var driver = first.Driver.ReplaceAdditionalText(oldText, editedText);
        var second = GeneratorHarness.RunAgain(driver, first.InputCompilation);

        Assert.That(OutputReasons(second, TrackingNames.ParseResults), Has.Some.AnyOf(IncrementalStepRunReason.Modified, IncrementalStepRunReason.New));
        Assert.That(OutputReasons(second, TrackingNames.ApiModels), Has.Some.AnyOf(IncrementalStepRunReason.Modified, IncrementalStepRunReason.New));
        Assert.That(second.Sources.Single(s => s.HintName.EndsWith(".Client.g.cs", StringComparison.Ordinal)).Text, Does.Contain("Flow Service API (edited)"));
    }

    public static IEnumerable<TestCaseData> WhitespaceEdits()
    {
        foreach (var spec in new[] { "flow-service.yaml", "oas30-library-lending.yaml", "oas31-fleet-telemetry.yaml", "oas31-nullable-types.json" })
        {
            yield return new TestCaseData(spec, "blank-line-at-end").SetName("A_whitespace_only_edit_re_emits_no_file(" + spec + ", blank line at end)");
            yield return new TestCaseData(spec, "trailing-spaces").SetName("A_whitespace_only_edit_re_emits_no_file(" + spec + ", trailing spaces)");
            if (spec.EndsWith(".yaml", StringComparison.Ordinal))
            {
                yield return new TestCaseData(spec, "comment-line").SetName("A_whitespace_only_edit_re_emits_no_file(" + spec + ", comment line)");
            }
        }
    }

    [TestCaseSource(nameof(WhitespaceEdits))]
    public void A_whitespace_only_edit_re_emits_no_file(string specName, string edit)
    {
        var original = LoadSpec(specName);
        var edited = edit switch
        {
            "blank-line-at-end" => original.Text + "\n\n",
            "trailing-spaces" => AddTrailingSpaces(original.Text),
            _ => "# An edited comment.\n" + original.Text,
        };
        Assert.That(edited, Is.Not.EqualTo(original.Text));

        var (first, second) = RunBeforeAndAfter(original, edited);

        var reasons = SourceFileReasons(second);
        Assert.That(reasons, Is.Not.Empty, TrackingNames.SourceFiles + " did not run.");
        Assert.That(reasons.Select(r => r.Reason), Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), Describe(reasons));
        Assert.That(second.Sources, Is.EqualTo(first.Sources));
    }

    [Test]
    public void Editing_one_operation_summary_re_emits_only_the_client_file()
    {
        var original = SpecInput.FlowService();
        const string summary = "summary: Create a base connection\n";
        Assert.That(original.Text, Does.Contain(summary), "The spec's layout changed; update the anchor of this test.");

        var (first, second) = RunBeforeAndAfter(original, original.Text.Replace(summary, "summary: Create a base connection (edited)\n"));

        var reasons = SourceFileReasons(second);
        Assert.That(reasons.Where(r => r.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New or IncrementalStepRunReason.Removed).Select(r => r.Part), Is.EqualTo(new[] { "Client" }), Describe(reasons));
        Assert.That(reasons.Where(r => r.Part != "Client").Select(r => r.Reason), Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), Describe(reasons));
        Assert.That(reasons.Where(r => r.Part.StartsWith("Object", StringComparison.Ordinal) || r.Part.StartsWith("Enum", StringComparison.Ordinal)), Is.Not.Empty, "The spec should have model files for this test to mean anything.");
        var changedFiles = second.Sources.Except(first.Sources).Select(s => s.HintName).ToList();
        Assert.That(changedFiles, Has.Count.EqualTo(1).And.All.EndsWith(".Client.g.cs"));
    }

    [Test]
    public void Editing_one_schema_re_emits_its_model_file_and_no_other_file()
    {
        var original = SpecInput.FlowService();
        const string description = "description: Display name of the connection.\n";
        Assert.That(original.Text, Does.Contain(description), "The spec's layout changed; update the anchor of this test.");

        var at = original.Text.IndexOf(description, StringComparison.Ordinal);
        var edited = original.Text.Substring(0, at) + "description: Display name of the connection (edited).\n" + original.Text.Substring(at + description.Length);

        var (_, second) = RunBeforeAndAfter(original, edited);

        var reasons = SourceFileReasons(second);
        var changedModels = reasons
            .Where(r => r.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New or IncrementalStepRunReason.Removed)
            .Select(r => r.Part)
            .ToList();

        // The client file holds only what the client uses, and a JSON body's schema is not part of it.
        Assert.That(changedModels, Is.EqualTo(new[] { "Object CreateConnectionRequest" }), Describe(reasons));
    }

    [Test]
    public void Editing_one_schema_of_a_big_spec_re_emits_its_group_and_no_other_file()
    {
        var original = SpecInput.Inline(TypeGroupTests.SpecWithSchemas(1000));
        const string schema = "    Thing0500:\n      type: object\n      properties:\n        name: {type: string}\n";
        Assert.That(original.Text, Does.Contain(schema));
        var edited = original.Text.Replace(schema, schema.Replace("{type: string}", "{type: string, description: Edited.}"));

        var (first, second) = RunBeforeAndAfter(original, edited);

        var reasons = SourceFileReasons(second);
        var changed = reasons.Where(r => r.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New or IncrementalStepRunReason.Removed).Select(r => r.Part).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(reasons.Count(r => r.Part.StartsWith("Group ", StringComparison.Ordinal)), Is.EqualTo(16), Describe(reasons));
            Assert.That(changed, Has.Count.EqualTo(1).And.All.StartsWith("Group "), Describe(reasons));
            Assert.That(second.Sources.Single(source => source.Text.Contains("public sealed partial class Thing0500")).Text, Does.Contain("Edited."));
            Assert.That(first.Sources.Count, Is.EqualTo(second.Sources.Count));
        });
    }

    [Test]
    public void Editing_a_companion_file_regenerates_what_it_describes_and_nothing_else()
    {
        var (first, second) = RunBeforeAndAfterEditOf(
            "/specs/schemas/Pet.yaml",
            text => text.Replace("  name: {type: string}\n", "  name: {type: string}\n  nickname: {type: string}\n"),
            Array.Empty<SpecInput>());

        Assert.That(OutputReasons(second, TrackingNames.ParseResults), Has.Some.EqualTo(IncrementalStepRunReason.Modified));
        var reasons = SourceFileReasons(second);
        Assert.That(reasons.Where(r => r.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).Select(r => r.Part), Is.EqualTo(new[] { "Object Pet" }), Describe(reasons));
        Assert.That(second.Sources.Single(s => s.HintName == "PetsClient.Models.Pet.g.cs").Text, Does.Contain("Nickname"));
        Assert.That(first.Sources.Single(s => s.HintName == "PetsClient.Models.Pet.g.cs").Text, Does.Not.Contain("Nickname"));
    }

    [Test]
    public void Editing_an_additional_file_that_no_reference_can_name_reuses_every_tracked_step()
    {
        var banned = new SpecInput("/project/BannedSymbols.txt", "T:System.Console", Namespace: "");

        var (first, second) = RunBeforeAndAfterEditOf("/project/BannedSymbols.txt", text => text + "\nT:System.Environment", new[] { banned });

        Assert.Multiple(() =>
        {
            foreach (var name in TrackedStepNames)
            {
                Assert.That(OutputReasons(second, name), Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), name);
            }
        });
        Assert.That(second.Sources, Is.EqualTo(first.Sources));
    }

    [Test]
    public void Editing_an_unreferenced_json_file_parses_again_but_re_emits_no_file()
    {
        var stylecop = new SpecInput("/project/stylecop.json", "{ \"settings\": { } }", Namespace: "");

        var (first, second) = RunBeforeAndAfterEditOf("/project/stylecop.json", _ => "{ \"settings\": { \"indentation\": { } } }", new[] { stylecop });

        Assert.That(OutputReasons(second, TrackingNames.CompanionFiles), Has.Some.EqualTo(IncrementalStepRunReason.Modified));
        var reasons = SourceFileReasons(second);
        Assert.That(reasons, Is.Not.Empty);
        Assert.That(reasons.Select(r => r.Reason), Is.All.AnyOf(IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged), Describe(reasons));
        Assert.That(second.Sources, Is.EqualTo(first.Sources));
    }

    /// <summary>Runs the multi-file pet spec (plus <paramref name="others"/>), then again with one item's text edited.</summary>
    private static (GeneratorRun First, GeneratorRun Second) RunBeforeAndAfterEditOf(string path, Func<string, string> edit, IEnumerable<SpecInput> others)
    {
        var inputs = MultiFileSpecTests.PetSpec().Concat(others).ToList();
        var first = GeneratorHarness.RunAgain(GeneratorHarness.CreateDriver(inputs, out var texts), TestCompilations.Create());
        first.AssertGeneratorDidNotThrow();
        var oldText = texts.Single(text => text.Path == path);
        var editedText = edit(oldText.GetText()!.ToString());
        Assert.That(editedText, Is.Not.EqualTo(oldText.GetText()!.ToString()), "The edit changed nothing.");
        var driver = first.Driver.ReplaceAdditionalText(oldText, new InMemoryAdditionalText(path, editedText));
        var second = GeneratorHarness.RunAgain(driver, first.InputCompilation);
        second.AssertGeneratorDidNotThrow();
        return (first, second);
    }

    private static SpecInput LoadSpec(string name) =>
        name == "flow-service.yaml" ? SpecInput.FlowService() : CorpusFiles.Load(CorpusFiles.ValidFolder, name);

    /// <summary>Runs the generator on <paramref name="original"/>, then again on the same driver with the spec's text replaced.</summary>
    private static (GeneratorRun First, GeneratorRun Second) RunBeforeAndAfter(SpecInput original, string editedText)
    {
        var first = GeneratorHarness.RunAgain(GeneratorHarness.CreateDriver(new[] { original }, out var texts), TestCompilations.Create());
        first.AssertGeneratorDidNotThrow();
        var oldText = texts.Single();
        var driver = first.Driver.ReplaceAdditionalText(oldText, new InMemoryAdditionalText(oldText.Path, editedText));
        var second = GeneratorHarness.RunAgain(driver, first.InputCompilation);
        second.AssertGeneratorDidNotThrow();
        return (first, second);
    }

    /// <summary>Each output of the SourceFiles step, named by the file it becomes, with why it was (or was not) produced again.</summary>
    private static List<(string Part, IncrementalStepRunReason Reason)> SourceFileReasons(GeneratorRun run) =>
        run.Result.TrackedSteps.TryGetValue(TrackingNames.SourceFiles, out var steps)
            ? steps.SelectMany(step => step.Outputs).Select(output => (PartName(output.Value), output.Reason)).ToList()
            : new List<(string, IncrementalStepRunReason)>();

    private static string PartName(object value) => value switch
    {
        ClientFile => "Client",
        InfrastructureFile => "Infrastructure",
        ApiExceptionFile => "ApiException",
        ObjectFile file => "Object " + file.Type.Name,
        EnumFile file => "Enum " + file.Type.Name,
        UnionFile file => "Union " + file.Type.Name,
        TypeGroupFile group => "Group " + group.Number,
        _ => value.GetType().Name,
    };

    private static string Describe(IEnumerable<(string Part, IncrementalStepRunReason Reason)> reasons) =>
        string.Join(", ", reasons.Select(r => r.Part + ": " + r.Reason));

    /// <summary>
    /// Trailing spaces on every line where YAML ignores them: not inside block scalars (| and >), whose
    /// trailing spaces are content. JSON ignores them everywhere.
    /// </summary>
    private static string AddTrailingSpaces(string text)
    {
        var builder = new StringBuilder();
        var blockIndent = -1;
        foreach (var line in text.Split('\n'))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            var inBlock = blockIndent >= 0 && (line.Trim().Length == 0 || indent > blockIndent);
            if (!inBlock)
            {
                blockIndent = -1;
            }

            builder.Append(line);
            if (!inBlock && line.Trim().Length > 0)
            {
                builder.Append("   ");
                var trimmed = line.TrimEnd();
                if (trimmed.EndsWith('|') || trimmed.EndsWith('>') || trimmed.EndsWith("|-", StringComparison.Ordinal) || trimmed.EndsWith(">-", StringComparison.Ordinal)
                    || trimmed.EndsWith("|+", StringComparison.Ordinal) || trimmed.EndsWith(">+", StringComparison.Ordinal))
                {
                    blockIndent = indent;
                }
            }

            builder.Append('\n');
        }

        return builder.ToString(0, builder.Length - 1);
    }

    private const string InvalidSpecForDiagnostics = """
        openapi: 3.0.3
        info:
          title: Diagnostics in the pipeline
          version: '1'
        paths:
          /things:
            get:
              operationId: listThings
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Missing'
        """;

    private static List<IncrementalStepRunReason> OutputReasons(GeneratorRun run, string stepName) =>
        run.Result.TrackedSteps.TryGetValue(stepName, out var steps)
            ? steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToList()
            : new List<IncrementalStepRunReason>();
}
