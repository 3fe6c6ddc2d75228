using HubSpotGen.Generators.Tests.Harness;

namespace HubSpotGen.Generators.Tests;

/// <summary>Same spec, same bytes: builds are reproducible and diffs of generated code mean something.</summary>
public sealed class DeterminismTests
{
    [Test]
    public void Generating_twice_gives_byte_identical_sources()
    {
        var first = GeneratorHarness.Run(SpecInput.FlowService());
        var second = GeneratorHarness.Run(SpecInput.FlowService());

        Assert.That(second.Sources.Select(s => s.HintName), Is.EqualTo(first.Sources.Select(s => s.HintName)));
        for (var i = 0; i < first.Sources.Count; i++)
        {
            var a = first.Result.GeneratedSources[i].SourceText;
            var b = second.Result.GeneratedSources[i].SourceText;
            Assert.That(b.GetChecksum(), Is.EqualTo(a.GetChecksum()), first.Sources[i].HintName);
            Assert.That(System.Text.Encoding.UTF8.GetBytes(b.ToString()), Is.EqualTo(System.Text.Encoding.UTF8.GetBytes(a.ToString())), first.Sources[i].HintName);
        }
    }

    [Test]
    public void Sources_use_newline_line_ends_only()
    {
        var run = GeneratorHarness.Run(SpecInput.FlowService());

        Assert.That(run.Sources, Is.Not.Empty);
        foreach (var (hintName, text) in run.Sources)
        {
            Assert.That(text, Does.Not.Contain("\r"), hintName);
            Assert.That(text, Does.EndWith("\n"), hintName);
        }
    }

    [Test]
    public void A_spec_checked_out_with_crlf_generates_the_same_sources()
    {
        var lf = File.ReadAllText(RepositoryPaths.FlowServiceSpec).Replace("\r\n", "\n");
        var crlf = lf.Replace("\n", "\r\n");

        var fromLf = GeneratorHarness.Run(SpecInput.FlowService(lf));
        var fromCrlf = GeneratorHarness.Run(SpecInput.FlowService(crlf));

        Assert.That(fromCrlf.Sources, Is.EqualTo(fromLf.Sources));
    }

    [Test]
    public void Files_are_named_after_the_client_in_a_stable_order()
    {
        var run = GeneratorHarness.Run(SpecInput.FlowService());

        var names = run.Sources.Select(s => s.HintName).ToList();
        Assert.That(names.Take(3), Is.EqualTo(new[] { "FlowServiceClient.Client.g.cs", "FlowServiceClient.Infrastructure.g.cs", "FlowServiceClient.ApiException.g.cs" }));
        Assert.That(names, Is.All.StartsWith("FlowServiceClient.").And.All.EndsWith(".g.cs"));
        Assert.That(names, Is.Unique);
    }
}
