using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace HubSpotGen.Packaging.Tests;

/// <summary>
/// <c>OpenApiIncludePaths</c> and <c>OpenApiIncludeTags</c> as a user writes them, on the AdditionalFiles item
/// of a project that takes the packed generator: only the package's props make them visible to the
/// compiler, so only a real build shows that they arrive.
/// </summary>
[TestFixture]
[Category("Packaging")]
[NonParallelizable]
public sealed class PackedIncludeFilterTests
{
    private const string PackageId = "HubSpotGen.Generators";

    private const string Spec = """
        openapi: 3.0.3
        info: {title: Notes, version: '1'}
        paths:
          /notes:
            get:
              operationId: listNotes
              tags: [Notes]
              responses:
                '200':
                  description: The notes.
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: '#/components/schemas/Note'}
          /tags:
            get:
              operationId: listTags
              tags: [Tags]
              responses:
                '200':
                  description: The tags.
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: '#/components/schemas/Tag'}
        components:
          schemas:
            Note:
              type: object
              properties:
                text: {type: string}
            Tag:
              type: object
              properties:
                label: {type: string}
        """;

    // Compiles only with ListNotesAsync; prints whether ListTagsAsync is there too.
    private const string Program = """
        using var http = new HttpClient { BaseAddress = new Uri("https://notes.example.test/") };
        var client = new Consumer.Api.NotesClient(http);
        Func<Task<IReadOnlyList<Consumer.Api.Note>>> list = () => client.ListNotesAsync();
        Console.WriteLine(list.Method.ReturnType);

        """;

    private LocalFeed _feed = null!;

    private ConsumerPackage[] Packages => [new(PackageId, _feed.Version, BuildTimeOnly: true), new("Newtonsoft.Json", "13.0.4")];

    [OneTimeSetUp]
    public void PackTheGenerator()
    {
        _feed = new LocalFeed();
        _feed.Pack("generators", PackageId);
    }

    [OneTimeTearDown]
    public void RemoveTheFeed() => _feed?.Dispose();

    [Test]
    public void Include_paths_on_the_item_generate_only_the_chosen_operations_and_their_types()
    {
        var consumer = ConsumerWith("consumer-include-paths", "OpenApiIncludePaths=\"/notes/**\"");

        var (result, commandLine) = consumer.RestoreAndBuild();

        Assert.That(result.ExitCode, Is.Zero, result.Describe(commandLine));
        var types = TypeNamesIn(consumer.OutputAssembly);
        Assert.That(types, Does.Contain("Consumer.Api.NotesClient").And.Contain("Consumer.Api.Note"));
        Assert.That(types, Does.Not.Contain("Consumer.Api.Tag"), "Tag is only reached from /tags, which was not chosen.");
    }

    [Test]
    public void An_include_tag_that_matches_nothing_is_HSG0013_in_the_build_output()
    {
        var consumer = ConsumerWith("consumer-include-unmatched", "OpenApiIncludeTags=\"Notes;Labels\"");

        var (result, commandLine) = consumer.RestoreAndBuild();

        // HSG0013 is a warning; the consumer treats warnings as errors.
        Assert.That(result.ExitCode, Is.Not.Zero, result.Describe(commandLine));
        var located = new Regex(Regex.Escape(ConsumerProject.SpecFileName) + @"\(1,1\): error HSG0013: The OpenApiIncludeTags glob 'Labels'");
        Assert.That(located.IsMatch(result.Output), Is.True, result.Describe(commandLine));
        Assert.That(result.Output, Does.Not.Contain("'Notes'").And.Not.Contain(": error CS"), result.Describe(commandLine));
    }

    /// <summary>The usual consumer, with extra metadata written on its spec item as a user would in the project file.</summary>
    private ConsumerProject ConsumerWith(string name, string metadata)
    {
        var consumer = _feed.Consumer(name, Packages, SpecText.Lf(Spec), Program);
        var projectFile = Path.Combine(consumer.Folder, ConsumerProject.AssemblyName + ".csproj");
        var project = File.ReadAllText(projectFile);
        const string Item = "OpenApiClientName=\"NotesClient\"";
        Assert.That(project, Does.Contain(Item));
        File.WriteAllText(projectFile, project.Replace(Item, Item + " " + metadata, StringComparison.Ordinal));
        return consumer;
    }

    private static List<string> TypeNamesIn(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(handle => metadata.GetTypeDefinition(handle))
            .Select(type => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name))
            .ToList();
    }
}
