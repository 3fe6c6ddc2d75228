using System.Text.RegularExpressions;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>
/// Our own specs in <c>Corpus/valid</c> and <c>Corpus/broken</c>, copied beside the test assembly.
/// A broken spec says what it must produce: YAML in leading <c># expect: HSG0004 at line 12</c> comments,
/// JSON (which has no comments) in a sidecar <c>name.expect</c> file with lines such as <c>HSG0004 at line 12</c>.
/// </summary>
internal static partial class CorpusFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static string ValidFolder => Path.Combine(Folder, "valid");

    public static string BrokenFolder => Path.Combine(Folder, "broken");

    /// <summary>File names of the valid specs, sorted so that test names and mutation seeds are stable.</summary>
    public static IReadOnlyList<string> ValidSpecs => SpecNames(ValidFolder);

    public static IReadOnlyList<string> BrokenSpecs => SpecNames(BrokenFolder);

    /// <summary>The spec as an AdditionalFiles item; the path is the real one, so diagnostics name the file.</summary>
    public static SpecInput Load(string folder, string fileName) =>
        new(Path.Combine(folder, fileName), File.ReadAllText(Path.Combine(folder, fileName)), "Corpus.Generated");

    /// <summary>The diagnostics a broken spec declares, in the order written.</summary>
    public static IReadOnlyList<ExpectedDiagnostic> ReadExpectations(string fileName)
    {
        var path = Path.Combine(BrokenFolder, fileName);
        var sidecar = Path.ChangeExtension(path, ".expect");
        IEnumerable<string> lines = File.Exists(sidecar)
            ? File.ReadAllLines(sidecar)
            : File.ReadLines(path).TakeWhile(line => line.StartsWith('#')).Select(line => line.TrimStart('#').Trim());

        var expectations = new List<ExpectedDiagnostic>();
        foreach (var line in lines)
        {
            var match = ExpectationPattern().Match(line);
            if (match.Success)
            {
                expectations.Add(new ExpectedDiagnostic(match.Groups["id"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        return expectations;
    }

    private static IReadOnlyList<string> SpecNames(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder)
                .Where(path => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                    || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                    || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .Select(path => Path.GetFileName(path))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList()
            : new List<string>();

    [GeneratedRegex(@"^(expect:\s*)?(?<id>HSG\d{4})\s+at\s+line\s+(?<line>\d+)\s*$")]
    private static partial Regex ExpectationPattern();
}

/// <summary>A diagnostic a broken spec must produce.</summary>
/// <param name="Id">The HSG id.</param>
/// <param name="Line">The 1-based line of the spec it must point at.</param>
internal sealed record ExpectedDiagnostic(string Id, int Line)
{
    public override string ToString() => Id + " at line " + Line;
}
