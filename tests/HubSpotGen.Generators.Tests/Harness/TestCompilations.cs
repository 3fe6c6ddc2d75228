using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>The consuming project, as a compilation: latest C#, nullable on, documentation checked.</summary>
internal static class TestCompilations
{
    /// <summary>
    /// Diagnose rather than Parse: the library builds with GenerateDocumentationFile and warnings as
    /// errors, so malformed XML docs in generated code would break it.
    /// </summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>
    /// The .NET SDK passes <c>/nowarn:1701,1702</c> to every C# build: assembly-version unification
    /// notices (Newtonsoft.Json targets System.Runtime 6.0, the runtime here is newer) that say nothing
    /// about the code. Everything else stays at its default severity.
    /// </summary>
    private static readonly Dictionary<string, ReportDiagnostic> SdkDefaultSuppressions = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    private static readonly Lazy<MetadataReference[]> WithNewtonsoft = new(() => LoadReferences(includeNewtonsoft: true));
    private static readonly Lazy<MetadataReference[]> WithoutNewtonsoft = new(() => LoadReferences(includeNewtonsoft: false));

    public static CSharpCompilation Create(bool includeNewtonsoft = true, params string[] sources) =>
        Create(includeNewtonsoft, ParseOptions, sources);

    /// <summary>A compilation whose own trees, and so whose language version, follow <paramref name="parseOptions"/>.</summary>
    public static CSharpCompilation Create(bool includeNewtonsoft, CSharpParseOptions parseOptions, params string[] sources)
    {
        var trees = new List<SyntaxTree>();
        for (var i = 0; i < sources.Length; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(sources[i], parseOptions, path: "User" + i + ".cs"));
        }

        return CSharpCompilation.Create(
            "GeneratorTestAssembly",
            trees,
            includeNewtonsoft ? WithNewtonsoft.Value : WithoutNewtonsoft.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkDefaultSuppressions));
    }

    /// <summary>Adds a tree that has nothing to do with the spec, as a keystroke in another file would.</summary>
    public static Compilation WithUnrelatedEdit(Compilation compilation, string marker) =>
        compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Unrelated { internal static class Edit" + marker + " { public const int Value = 1; } }",
            ParseOptions,
            path: "Unrelated" + marker + ".cs"));

    /// <summary>
    /// The runtime's own assemblies plus Newtonsoft.Json when asked. The test host lists every assembly of the
    /// test's output, ours among them (a compiled Flow Service client would clash with the one generated here),
    /// so only those in the runtime's folder are taken.
    /// </summary>
    private static MetadataReference[] LoadReferences(bool includeNewtonsoft)
    {
        var newtonsoft = typeof(Newtonsoft.Json.JsonConvert).Assembly.Location;
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        var trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        foreach (var path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(Path.GetDirectoryName(path), runtimeFolder, StringComparison.Ordinal))
            {
                paths.Add(path);
            }
        }

        if (includeNewtonsoft)
        {
            paths.Add(newtonsoft);
        }

        var references = new List<MetadataReference>();
        foreach (var path in paths)
        {
            references.Add(MetadataReference.CreateFromFile(path));
        }

        return references.ToArray();
    }
}
