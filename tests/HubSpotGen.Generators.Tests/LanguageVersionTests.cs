using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubSpotGen.Generators.Tests;

/// <summary>The generator adapts to the project's C# version, and refuses, with a diagnostic, below C# 9.</summary>
public sealed class LanguageVersionTests
{
    [TestCase(LanguageVersion.CSharp9)]
    [TestCase(LanguageVersion.CSharp10)]
    [TestCase(LanguageVersion.CSharp11)]
    [TestCase(LanguageVersion.Latest)]
    public void The_flow_service_client_compiles_cleanly(LanguageVersion version)
    {
        var run = GeneratorHarness.Run(CompilationAt(version), SpecInput.FlowService());

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics, Is.Empty, GeneratorRun.Describe(run.GeneratorDiagnostics));
        run.AssertCompilesWithoutWarnings();
        var usesRequired = run.Sources.Any(source => source.Text.Contains(" required ", StringComparison.Ordinal));
        Assert.That(usesRequired, Is.EqualTo(version >= LanguageVersion.CSharp11), "'required' members need C# 11.");
    }

    [Test]
    public void Csharp_8_is_HSG0009_and_gets_no_code()
    {
        var run = GeneratorHarness.Run(CompilationAt(LanguageVersion.CSharp8), SpecInput.FlowService());

        run.AssertGeneratorDidNotThrow();
        Assert.That(run.GeneratorDiagnostics.Select(d => d.Id), Is.EqualTo(new[] { "HSG0009" }));
        Assert.That(run.GeneratorDiagnostics[0].Location.GetLineSpan().Path, Is.EqualTo(RepositoryPaths.FlowServiceSpec));
        Assert.That(run.Sources, Is.Empty);
        run.AssertCompilesWithoutErrors();
    }

    private static CSharpCompilation CompilationAt(LanguageVersion version) =>
        TestCompilations.Create(true, TestCompilations.ParseOptions.WithLanguageVersion(version), "namespace User { internal sealed class Existing { } }");
}
