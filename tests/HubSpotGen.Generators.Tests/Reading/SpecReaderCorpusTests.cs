using HubSpotGen.Generators.Parsing.Reading;
using HubSpotGen.Generators.Tests.Harness;
using YamlDotNet.RepresentationModel;

namespace HubSpotGen.Generators.Tests.Reading;

/// <summary>
/// Every spec we have, read by our reader and by an independent one (YamlDotNet, kept for tests only):
/// the trees must be the same, scalar for scalar and plain or quoted alike.
/// </summary>
public sealed class SpecReaderCorpusTests
{
    private const string MissingFolder = "(example specs folder not found)";

    public static IEnumerable<TestCaseData> OwnSpecs()
    {
        foreach (var name in CorpusFiles.ValidSpecs)
        {
            yield return new TestCaseData(Path.Combine("Corpus", "valid", name)).SetName("Reads_like_an_independent_reader(valid/" + name + ")");
        }

        foreach (var spec in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "openapi"), "*.yaml").Order(StringComparer.Ordinal))
        {
            yield return new TestCaseData(spec).SetName("Reads_like_an_independent_reader(openapi/" + Path.GetFileName(spec) + ")");
        }
    }

    public static IEnumerable<TestCaseData> ExampleSpecs()
    {
        var folder = RepositoryPaths.ExampleSpecsFolder;
        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(path => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
            : new List<string>();
        if (files.Count == 0)
        {
            yield return new TestCaseData(MissingFolder).SetName("Example_spec_reads_like_an_independent_reader(none found)");
            yield break;
        }

        foreach (var file in files)
        {
            yield return new TestCaseData(file).SetName("Example_spec_reads_like_an_independent_reader(" + Path.GetFileName(file) + ")");
        }
    }

    [TestCaseSource(nameof(OwnSpecs))]
    public void Reads_like_an_independent_reader(string path)
    {
        AssertSameTree(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path));
    }

    [TestCaseSource(nameof(ExampleSpecs))]
    public void Example_spec_reads_like_an_independent_reader(string path)
    {
        if (path == MissingFolder)
        {
            Assert.Ignore("No example specs in " + RepositoryPaths.ExampleSpecsFolder + ".");
        }

        AssertSameTree(path);
    }

    private static void AssertSameTree(string path)
    {
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));

        var ours = TreeText.Of(SpecReader.Read(text));

        Assert.That(ours, Is.EqualTo(TreeText.Of(stream.Documents[0].RootNode)));
        Assert.That(ours.Length, Is.GreaterThan(100), "The spec read as almost nothing.");
    }
}
