using System.Text;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>
/// The golden files of one snapshot case: every file the generator wrote, under its hint name with
/// <c>.snap</c> appended, and the diagnostics it reported as <c>diagnostics.snap</c>. They live in the
/// source tree, not the test output, so that rewriting them changes what is committed.
/// </summary>
internal static class SnapshotFolder
{
    /// <summary>Set to 1 to rewrite the golden files from what the generator writes now, instead of comparing.</summary>
    public const string UpdateVariable = "HSG_UPDATE_SNAPSHOTS";

    public const string Extension = ".snap";

    public const string DiagnosticsFile = "diagnostics" + Extension;

    /// <summary>UTF-8 without a byte order mark, as the compiler is handed the generated text.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Root => Path.Combine(RepositoryPaths.Root, "tests", "HubSpotGen.Generators.Tests", "Snapshots");

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>What a run produced, as the files of a snapshot case: the sources, then the diagnostics.</summary>
    public static IReadOnlyList<SnapshotFile> FilesOf(GeneratorRun run)
    {
        var files = run.Sources.Select(source => new SnapshotFile(source.HintName + Extension, source.Text)).ToList();
        files.Add(new SnapshotFile(DiagnosticsFile, DiagnosticsText(run.GeneratorDiagnostics)));
        return files;
    }

    /// <summary>
    /// One line per diagnostic, sorted so that the report order of pipeline steps does not matter. Only the
    /// file name of a location is kept: the folder depends on where the repository is checked out.
    /// </summary>
    public static string DiagnosticsText(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .Select(diagnostic =>
            {
                var where = "(no location)";
                if (diagnostic.Location.Kind != Microsoft.CodeAnalysis.LocationKind.None)
                {
                    var span = diagnostic.Location.GetLineSpan();
                    where = Path.GetFileName(span.Path) + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1)
                        + ")-(" + (span.EndLinePosition.Line + 1) + "," + (span.EndLinePosition.Character + 1) + ")";
                }

                return diagnostic.Id + " " + diagnostic.Severity + " " + where + ": " + diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            })
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();
        return lines.Count == 0 ? "(no diagnostics)\n" : string.Join("\n", lines) + "\n";
    }

    /// <summary>The golden files of a case as stored, byte for byte; empty when the case has none yet.</summary>
    public static IReadOnlyList<StoredSnapshotFile> Read(string caseName)
    {
        var folder = Path.Combine(Root, caseName);
        if (!Directory.Exists(folder))
        {
            return Array.Empty<StoredSnapshotFile>();
        }

        return Directory.EnumerateFiles(folder, "*" + Extension)
            .Select(path => new StoredSnapshotFile(Path.GetFileName(path), File.ReadAllBytes(path)))
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Replaces the golden files of a case with <paramref name="files"/>; files no longer generated are deleted.</summary>
    public static void Write(string caseName, IReadOnlyList<SnapshotFile> files)
    {
        var folder = Path.Combine(Root, caseName);
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.EnumerateFiles(folder, "*" + Extension))
        {
            File.Delete(stale);
        }

        foreach (var file in files)
        {
            File.WriteAllBytes(Path.Combine(folder, file.Name), Bytes(file.Text));
        }
    }

    public static byte[] Bytes(string text) => Utf8.GetBytes(text);

    public static string Text(byte[] bytes) => Utf8.GetString(bytes);
}

/// <summary>A file as the generator produced it now.</summary>
/// <param name="Name">Its name in the snapshot folder.</param>
/// <param name="Text">Its text.</param>
internal sealed record SnapshotFile(string Name, string Text);

/// <summary>A golden file as committed.</summary>
/// <param name="Name">Its name in the snapshot folder.</param>
/// <param name="Bytes">Its exact content.</param>
internal sealed record StoredSnapshotFile(string Name, byte[] Bytes);
