using HubSpotGen.Generators.Tests.Harness;
using Microsoft.CodeAnalysis.CSharp;

namespace HubSpotGen.Generators.Tests;

/// <summary>
/// What the generator writes, file by file, against golden files in <c>Snapshots/</c>: an emitter change
/// shows up as a diff of generated code. After an intended change, run the tests with
/// <c>HSG_UPDATE_SNAPSHOTS=1</c> to rewrite the golden files, and commit them with the change.
/// </summary>
[Category("Snapshot")]
public sealed class SnapshotTests
{
    /// <summary>
    /// The real spec, and corpus specs chosen for the shapes they cover: Swagger 2.0, unions, enums, forms and
    /// multipart, parameters, and specs the generator reports on. The compilation cases pin what a project
    /// that cannot take the code is told.
    /// </summary>
    private static readonly IReadOnlyList<(string Name, Func<GeneratorRun> Run)> AllCases = new List<(string, Func<GeneratorRun>)>
    {
        ("flow-service", () => GeneratorHarness.Run(SpecInput.FlowService())),
        ("flow-service-csharp9", () => GeneratorHarness.Run(CompilationAt(LanguageVersion.CSharp9), SpecInput.FlowService())),
        ("flow-service-csharp8", () => GeneratorHarness.Run(CompilationAt(LanguageVersion.CSharp8), SpecInput.FlowService())),
        ("flow-service-without-newtonsoft", () => GeneratorHarness.Run(TestCompilations.Create(includeNewtonsoft: false), SpecInput.FlowService())),
        Valid("swagger20-store.yaml"),
        Valid("swagger20-notes.json"),
        Valid("oas30-composition.yaml"),
        Valid("oas30-enums-and-scalars.yaml"),
        Valid("oas30-repeated-inline-shapes.yaml"),
        Valid("oas30-request-bodies.yaml"),
        Valid("oas30-parameters.yaml"),
        Valid("oas31-fleet-telemetry.yaml"),
        Valid("oas31-webhooks.yaml"),
        ("oas31-webhooks-model-namespace", () => GeneratorHarness.Run(CorpusFiles.Load(CorpusFiles.ValidFolder, "oas31-webhooks.yaml") with { ModelNamespace = "Corpus.Generated.Models" })),
        Broken("unresolved-schema-refs.yaml"),
        Broken("schema-ref-loop.yaml"),
        Broken("swagger-unresolved-definition.yaml"),
        Broken("parameter-ref-loop.yaml"),
        Broken("swagger-shapes.yaml"),
    };

    public static IEnumerable<TestCaseData> Cases() =>
        AllCases.Select(item => new TestCaseData(item.Name).SetName("Generated_files_match_the_snapshot(" + item.Name + ")"));

    [TestCaseSource(nameof(Cases))]
    public void Generated_files_match_the_snapshot(string caseName)
    {
        var files = SnapshotFolder.FilesOf(AllCases.Single(item => item.Name == caseName).Run());

        if (SnapshotFolder.UpdateRequested)
        {
            SnapshotFolder.Write(caseName, files);
            Assert.Pass("Rewrote the snapshot " + caseName + ".");
        }

        var differences = SnapshotComparer.Compare(SnapshotFolder.Read(caseName), files);
        Assert.That(differences, Is.Empty, "The generated files of '" + caseName + "' differ from Snapshots/" + caseName
            + ". If the change is intended, rerun with " + SnapshotFolder.UpdateVariable + "=1 and commit the new golden files.\n"
            + string.Join("\n", differences));
    }

    [Test]
    public void Every_snapshot_folder_belongs_to_a_case()
    {
        // A renamed or dropped case would otherwise leave golden files that nothing compares.
        var cases = AllCases.Select(item => item.Name).ToList();
        var folders = Directory.EnumerateDirectories(SnapshotFolder.Root).Select(Path.GetFileName).ToList();

        Assert.That(folders, Is.EquivalentTo(cases));
    }

    [Test]
    public void A_changed_literal_in_the_generated_code_fails_the_comparison()
    {
        // Guards the guard: the golden files of the real spec against its output with one emitted literal changed.
        var files = SnapshotFolder.FilesOf(GeneratorHarness.Run(SpecInput.FlowService()));
        var golden = SnapshotFolder.Read("flow-service");
        Assert.That(SnapshotComparer.Compare(golden, files), Is.Empty, "The snapshot must match before it is changed.");

        var target = files.First(file => file.Text.Contains("\"application/json\"", StringComparison.Ordinal));
        var changed = files.Select(file => file == target ? file with { Text = ReplaceFirst(file.Text, "\"application/json\"", "\"application/jsn\"") } : file).ToList();

        var differences = SnapshotComparer.Compare(golden, changed);

        Assert.That(differences, Has.Count.EqualTo(1));
        Assert.That(differences[0], Does.StartWith(target.Name + ":"));
        Assert.That(differences[0], Does.Contain("- ").And.Contain("\"application/json\""));
        Assert.That(differences[0], Does.Contain("+ ").And.Contain("\"application/jsn\""));
    }

    [Test]
    public void A_change_of_only_whitespace_or_line_ends_fails_the_comparison()
    {
        var files = SnapshotFolder.FilesOf(GeneratorHarness.Run(SpecInput.FlowService()));
        var golden = SnapshotFolder.Read("flow-service");
        var target = files[0];

        var trailingSpace = files.Select(file => file == target ? file with { Text = ReplaceFirst(file.Text, "\n", " \n") } : file).ToList();
        var crlf = files.Select(file => file == target ? file with { Text = ReplaceFirst(file.Text, "\n", "\r\n") } : file).ToList();

        Assert.That(SnapshotComparer.Compare(golden, trailingSpace).Single(), Does.Contain("·"));
        Assert.That(SnapshotComparer.Compare(golden, crlf).Single(), Does.Contain("\\r"));
    }

    [Test]
    public void A_missing_or_extra_file_fails_the_comparison()
    {
        var files = SnapshotFolder.FilesOf(GeneratorHarness.Run(SpecInput.FlowService()));
        var golden = SnapshotFolder.Read("flow-service");

        var missing = SnapshotComparer.Compare(golden, files.Skip(1).ToList());
        var extra = SnapshotComparer.Compare(golden, files.Append(new SnapshotFile("Extra.g.cs" + SnapshotFolder.Extension, "// extra\n")).ToList());

        Assert.That(missing.Single(), Does.StartWith(files[0].Name + ": has a golden file, but was not generated."));
        Assert.That(extra.Single(), Does.StartWith("Extra.g.cs.snap: generated, but there is no golden file."));
    }

    private static (string, Func<GeneratorRun>) Valid(string fileName) =>
        (Path.GetFileNameWithoutExtension(fileName), () => GeneratorHarness.Run(CorpusFiles.Load(CorpusFiles.ValidFolder, fileName)));

    private static (string, Func<GeneratorRun>) Broken(string fileName) =>
        ("broken-" + Path.GetFileNameWithoutExtension(fileName), () => GeneratorHarness.Run(CorpusFiles.Load(CorpusFiles.BrokenFolder, fileName)));

    private static CSharpCompilation CompilationAt(LanguageVersion version) =>
        TestCompilations.Create(true, TestCompilations.ParseOptions.WithLanguageVersion(version), "namespace User { internal sealed class Existing { } }");

    private static string ReplaceFirst(string text, string oldValue, string newValue)
    {
        var at = text.IndexOf(oldValue, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), "'" + oldValue + "' is not in the text.");
        return text.Substring(0, at) + newValue + text.Substring(at + oldValue.Length);
    }
}
