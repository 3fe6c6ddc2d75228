using System.Reflection;
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
