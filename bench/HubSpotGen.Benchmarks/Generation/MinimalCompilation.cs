using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubSpotGen.Benchmarks.Generation;

/// <summary>
/// The smallest compilation the generator emits into: no sources, the core library and Newtonsoft.Json
/// (without which it reports HSG0008 and writes nothing). The generator only asks it for one type and
/// the language version, so a full reference set would add nothing but set-up time.
/// </summary>
internal static class MinimalCompilation
{
    public static CSharpCompilation Create()
    {
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new[]
        {
            MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
            MetadataReference.CreateFromFile(Path.Combine(runtimeFolder, "System.Runtime.dll")),
            MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location),
        };
        var compilation = CSharpCompilation.Create(
            "GenerationBenchmark",
            Array.Empty<SyntaxTree>(),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // Binds the references once here, so that every measured run pays for the generator, not for
        // the compiler's first look at its references (which a real build pays once, outside the generator).
        _ = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonConvert")
            ?? throw new InvalidOperationException("Newtonsoft.Json is not visible to the benchmark compilation.");
        return compilation;
    }
}
