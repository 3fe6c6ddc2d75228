using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Benchmarks.Generation;

/// <summary>
/// Spec text to C# source: our incremental generator through a fresh CSharpGeneratorDriver against
/// NSwag (the baseline, so Ratio reads ours/NSwag), on the real spec and on synthetic specs of 100 and
/// 1,000 operations.
/// </summary>
[MemoryDiagnoser]
public class GenerationBenchmarks
{
    private string _text = string.Empty;
    private OurGeneratorRun _ours = null!;

    /// <summary>flow-service: openapi/flow-service.yaml; synthetic-N: <see cref="SyntheticSpec"/> with N operations; synthetic-10mb: about 10 MB of it.</summary>
    [Params("flow-service", "synthetic-100", "synthetic-1000", "synthetic-10mb")]
    public string Spec { get; set; } = "flow-service";

    [GlobalSetup]
    public void Setup()
    {
        string path;
        if (Spec == "flow-service")
        {
            path = RepositoryPaths.FlowServiceSpec;
            _text = File.ReadAllText(path);
        }
        else
        {
            path = "/specs/" + Spec + ".yaml";
            _text = SyntheticSpec.ForName(Spec);
        }

        _ours = new OurGeneratorRun(path, _text, "HubSpotGen.FlowService", "FlowServiceClient");

        // Both must do the whole job on this input, or the comparison means nothing.
        var ours = _ours.Run();
        OurGeneratorRun.Verify(ours, Spec);
        var nswag = NSwagGeneratorRun.RunAsync(_text).GetAwaiter().GetResult();
        var ourChars = ours.Results.Single().GeneratedSources.Sum(s => s.SourceText.Length);
        Console.WriteLine($"// {Spec}: spec {_text.Length:N0} chars; ours {ours.Results.Single().GeneratedSources.Length} files, {ourChars:N0} chars; NSwag {nswag.Length:N0} chars");
    }

    [Benchmark(Baseline = true, Description = "NSwag")]
    public Task<string> NSwag() => NSwagGeneratorRun.RunAsync(_text);

    [Benchmark(Description = "Ours")]
    public GeneratorDriverRunResult Ours() => _ours.Run();
}
