using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace HubSpotGen.Packaging.Tests;

/// <summary>
/// The generator as a user gets it: packed with <c>dotnet pack</c>, referenced from a folder feed by a new
/// project outside the repository, run by a real <c>dotnet build</c>. The in-process tests cannot see what
/// only the package decides: that the analyzer travels alone (it needs no library), that the build props make the
/// metadata visible, and that diagnostics reach the build output at the line of the spec.
/// </summary>
[TestFixture]
[Category("Packaging")]
[NonParallelizable]
public sealed class PackedGeneratorTests
{
    private const string PackageId = "HubSpotGen.Generators";

    private const string Spec = """
        openapi: 3.0.3
        info:
          title: Notes
          version: '1'
        servers:
          - url: https://notes.example.test/v1
        paths:
          /notes:
            get:
              operationId: listNotes
              parameters:
                - name: limit
                  in: query
                  required: false
                  schema:
                    type: integer
                    format: int32
              responses:
                '200':
                  description: The notes, newest first.
                  content:
                    application/json:
                      schema:
                        type: array
                        items:
                          $ref: '#/components/schemas/Note'
            post:
              operationId: createNote
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/NewNote'
              responses:
                '201':
                  description: The note as stored.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Note'
          /notes/{noteId}:
            get:
              operationId: getNote
              parameters:
                - name: noteId
                  in: path
                  required: true
                  schema:
                    type: string
              responses:
                '200':
                  description: The note.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Note'
        components:
          schemas:
            NewNote:
              type: object
              required: [text]
              properties:
                text:
                  type: string
            Note:
              type: object
              required: [id, text]
              properties:
                id:
                  type: string
                text:
                  type: string
                pinned:
                  type: boolean
        """;

    // Compiles only if the client, both models and the three methods were generated with these shapes.
    // The calls sit in lambdas: the program is built, never run.
    private const string Program = """
        using Consumer.Api;

        using var http = new HttpClient { BaseAddress = new Uri("https://notes.example.test/v1/") };
        var client = new NotesClient(http);
        Func<Task<Note>> create = () => client.CreateNoteAsync(new NewNote { Text = "hello" });
        Func<Task<Note>> get = () => client.GetNoteAsync("n-1", CancellationToken.None);
        Func<Task> list = () => client.ListNotesAsync(limit: 10);
        Console.WriteLine($"{client.GetType().FullName} {create.Method.ReturnType} {get.Method.ReturnType} {list.Method.ReturnType}");

        """;

    private const string ClientOnlyProgram = """
        using var http = new HttpClient();
        Console.WriteLine(new Consumer.Api.NotesClient(http).GetType().FullName);

        """;

    private LocalFeed _feed = null!;
    private string _nupkg = null!;

    private ConsumerPackage[] Packages => [new(PackageId, _feed.Version, BuildTimeOnly: true), new("Newtonsoft.Json", "13.0.4")];

    [OneTimeSetUp]
    public void PackTheGenerator()
    {
        _feed = new LocalFeed();
        _nupkg = _feed.Pack("generators", PackageId);
    }

    [OneTimeTearDown]
    public void RemoveTheFeed() => _feed?.Dispose();

    [Test]
    public void The_package_holds_the_analyzer_alone_and_the_build_props_and_no_library()
    {
        using var package = PackageArchive.Open(_nupkg);
        var entries = package.Entries;
        var listing = package.Listing;

        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/HubSpotGen.Generators.dll"), listing);
        Assert.That(entries.Where(entry => entry.StartsWith("analyzers/", StringComparison.OrdinalIgnoreCase)), Is.EqualTo(new[] { "analyzers/dotnet/cs/HubSpotGen.Generators.dll" }), listing);
        Assert.That(entries, Does.Contain("build/HubSpotGen.Generators.props"), listing);
        Assert.That(entries, Does.Contain("build/HubSpotGen.Generators.targets"), listing);
        Assert.That(entries.Where(entry => entry.StartsWith("lib/", StringComparison.OrdinalIgnoreCase)), Is.Empty, listing);

        var props = package.Read("build/HubSpotGen.Generators.props");
        Assert.That(props, Does.Contain("MetadataName=\"OpenApiNamespace\"").And.Contain("MetadataName=\"OpenApiClientName\"").And.Contain("MetadataName=\"OpenApiModelNamespace\""));

        // A build-time tool: a project that references it must not hand it on to its own consumers.
        var nuspec = package.Read(PackageId + ".nuspec");
        Assert.That(nuspec, Does.Contain("<developmentDependency>true</developmentDependency>"), nuspec);
        Assert.That(nuspec, Does.Not.Contain("<dependency "), nuspec);
    }

    [TestCase("linux-x64")]
    [TestCase("linux-arm64")]
    [TestCase("osx-x64")]
    [TestCase("osx-arm64")]
    public void The_package_holds_an_ahead_of_time_compiled_copy_of_the_same_generator_for(string runtimeIdentifier)
    {
        using var package = PackageArchive.Open(_nupkg);
        var portable = package.ReadBytes("analyzers/dotnet/cs/HubSpotGen.Generators.dll");
        var compiled = package.ReadBytes("tools/r2r/" + runtimeIdentifier + "/HubSpotGen.Generators.dll");

        using var portableImage = new PEReader(new MemoryStream(portable));
        using var compiledImage = new PEReader(new MemoryStream(compiled));
        Assert.That(portableImage.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size, Is.Zero, "the portable generator is IL only");
        Assert.That(compiledImage.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size, Is.Positive, "a ReadyToRun image has a native header");
        Assert.That(Mvid(compiledImage), Is.EqualTo(Mvid(portableImage)), "compiled from the same build of the generator");
    }

    [Test]
    public void On_this_machine_the_compiler_gets_the_compiled_copy_and_the_portable_one_when_asked()
    {
        var consumer = _feed.Consumer("consumer-analyzers", Packages, SpecText.Lf(Spec), ClientOnlyProgram);
        var runtimeIdentifier = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        if (runtimeIdentifier is not ("linux-x64" or "linux-arm64" or "osx-x64" or "osx-arm64"))
        {
            Assert.Ignore("The package has no compiled copy for " + runtimeIdentifier + ".");
        }

        var (compiled, compiledCommand) = consumer.Analyzers();
        var (portable, portableCommand) = consumer.Analyzers("HubSpotGenReadyToRun=false");

        Assert.That(compiled.ExitCode, Is.Zero, compiled.Describe(compiledCommand));
        Assert.That(portable.ExitCode, Is.Zero, portable.Describe(portableCommand));
        var generatorPaths = GeneratorPaths(compiled.Output);
        Assert.That(generatorPaths, Has.Count.EqualTo(1), compiled.Output);
        Assert.That(generatorPaths[0], Does.EndWith("tools/r2r/" + runtimeIdentifier + "/HubSpotGen.Generators.dll"), compiled.Output);
        var portablePaths = GeneratorPaths(portable.Output);
        Assert.That(portablePaths, Has.Count.EqualTo(1), portable.Output);
        Assert.That(portablePaths[0], Does.EndWith("analyzers/dotnet/cs/HubSpotGen.Generators.dll"), portable.Output);
    }

    [Test]
    public void A_new_project_that_references_the_package_builds_with_the_generated_client()
    {
        var consumer = _feed.Consumer("consumer-ok", Packages, SpecText.Lf(Spec), Program);

        var (result, commandLine) = consumer.RestoreAndBuild();

        Assert.That(result.ExitCode, Is.Zero, result.Describe(commandLine));
        Assert.That(File.Exists(consumer.OutputAssembly), Is.True, "No " + consumer.OutputAssembly + Environment.NewLine + result.Output);
        Assert.That(TypeNamesIn(consumer.OutputAssembly), Is.SupersetOf(new[] { "Consumer.Api.NotesClient", "Consumer.Api.Note", "Consumer.Api.NewNote" }));
    }

    [Test]
    public void An_unresolved_ref_fails_the_build_with_HSG0004_at_the_line_of_the_ref()
    {
        var spec = SpecText.Lf(Spec).Replace("#/components/schemas/NewNote'", "#/components/schemas/NoSuchNote'", StringComparison.Ordinal);
        var line = SpecText.LineOf(spec, "schemas/NoSuchNote");
        var consumer = _feed.Consumer("consumer-broken", Packages, spec, ClientOnlyProgram);

        var (result, commandLine) = consumer.RestoreAndBuild();

        // HSG0004 is a warning; the consumer treats warnings as errors, as this repository does.
        Assert.That(result.ExitCode, Is.Not.Zero, result.Describe(commandLine));
        var located = new Regex(Regex.Escape(ConsumerProject.SpecFileName) + @"\(" + line + @",\d+\): error HSG0004\b");
        Assert.That(located.IsMatch(result.Output), Is.True, "Expected '" + ConsumerProject.SpecFileName + "(" + line + ",...): error HSG0004' in:" + Environment.NewLine + result.Describe(commandLine));

        // What the generator still emitted compiles: the spec is the only thing wrong.
        Assert.That(result.Output, Does.Not.Contain(": error CS"), result.Describe(commandLine));
    }

    [Test]
    public void Other_additional_files_such_as_stylecop_json_and_a_text_file_are_ignored_without_a_diagnostic()
    {
        var consumer = _feed.Consumer(
            "consumer-other-files",
            Packages,
            SpecText.Lf(Spec),
            Program,
            new Dictionary<string, string>
            {
                ["stylecop.json"] = "{ \"settings\": { \"documentationRules\": { \"companyName\": \"Contoso\" } } }\n",
                ["BannedSymbols.txt"] = "T:System.Console;Use the logger\n",
                ["settings/local.yaml"] = "not: an openapi document\n",
            },
            new[] { "<AdditionalFiles Include=\"stylecop.json\" />", "<AdditionalFiles Include=\"BannedSymbols.txt\" />", "<AdditionalFiles Include=\"settings/local.yaml\" />" });

        var (result, commandLine) = consumer.RestoreAndBuild();

        // MSBuild writes an empty OpenApiNamespace for each of them; none may be taken for a spec.
        Assert.That(result.ExitCode, Is.Zero, result.Describe(commandLine));
        Assert.That(result.Output, Does.Not.Contain("HSG0"), result.Describe(commandLine));
        Assert.That(TypeNamesIn(consumer.OutputAssembly), Is.SupersetOf(new[] { "Consumer.Api.NotesClient", "Consumer.Api.Note" }));
    }

    [Test]
    public void A_spec_split_over_files_listed_by_a_glob_builds_with_the_whole_client()
    {
        // The entry keeps the paths and refers to a path item file, which refers to shared schema files.
        var entry = SpecText.Lf("""
            openapi: 3.0.3
            info:
              title: Notes
              version: '1'
            servers:
              - url: https://notes.example.test/v1
            paths:
              /notes:
                $ref: './spec/paths/notes.yaml'
              /notes/{noteId}:
                get:
                  operationId: getNote
                  parameters:
                    - $ref: 'spec/common.yaml#/components/parameters/NoteId'
                  responses:
                    '200':
                      description: The note.
                      content:
                        application/json:
                          schema:
                            $ref: './spec/schemas/Note.yaml'
            """);
        var files = new Dictionary<string, string>
        {
            ["spec/paths/notes.yaml"] = SpecText.Lf("""
                get:
                  operationId: listNotes
                  responses:
                    '200':
                      description: The notes.
                      content:
                        application/json:
                          schema:
                            type: array
                            items:
                              $ref: '../schemas/Note.yaml'
                post:
                  operationId: createNote
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema:
                          $ref: '../common.yaml#/components/schemas/NewNote'
                  responses:
                    '201':
                      description: The note as stored.
                      content:
                        application/json:
                          schema:
                            $ref: '../schemas/Note.yaml'
                """),
            ["spec/schemas/Note.yaml"] = SpecText.Lf("""
                type: object
                required: [id, text]
                properties:
                  id: {type: string}
                  text: {type: string}
                  pinned: {type: boolean}
                """),
            ["spec/common.yaml"] = SpecText.Lf("""
                components:
                  parameters:
                    NoteId: {name: noteId, in: path, required: true, schema: {type: string}}
                  schemas:
                    NewNote:
                      type: object
                      required: [text]
                      properties:
                        text: {type: string}
                """),
        };
        const string program = """
            using Consumer.Api;

            using var http = new HttpClient { BaseAddress = new Uri("https://notes.example.test/v1/") };
            var client = new NotesClient(http);
            Func<Task<Note>> create = () => client.CreateNoteAsync(new NewNote { Text = "hello" });
            Func<Task<Note>> get = () => client.GetNoteAsync("n-1", CancellationToken.None);
            Func<Task<IReadOnlyList<Note>>> list = () => client.ListNotesAsync();
            Console.WriteLine($"{create.Method.ReturnType} {get.Method.ReturnType} {list.Method.ReturnType}");

            """;
        var consumer = _feed.Consumer("consumer-multi-file", Packages, entry, program, files, new[] { "<AdditionalFiles Include=\"spec/**/*.yaml\" />" });

        var (result, commandLine) = consumer.RestoreAndBuild();

        Assert.That(result.ExitCode, Is.Zero, result.Describe(commandLine));
        Assert.That(result.Output, Does.Not.Contain("HSG0"), result.Describe(commandLine));
        Assert.That(TypeNamesIn(consumer.OutputAssembly), Is.SupersetOf(new[] { "Consumer.Api.NotesClient", "Consumer.Api.Note", "Consumer.Api.NewNote" }));
    }

    [Test]
    public void A_ref_to_a_file_left_out_of_the_items_fails_the_build_with_HSG0012_at_the_ref()
    {
        var spec = SpecText.Lf(Spec).Replace("'#/components/schemas/NewNote'", "'./schemas/NewNote.yaml'", StringComparison.Ordinal);
        var line = SpecText.LineOf(spec, "./schemas/NewNote.yaml");
        var consumer = _feed.Consumer("consumer-missing-companion", Packages, spec, ClientOnlyProgram);

        var (result, commandLine) = consumer.RestoreAndBuild();

        Assert.That(result.ExitCode, Is.Not.Zero, result.Describe(commandLine));
        var located = new Regex(Regex.Escape(ConsumerProject.SpecFileName) + @"\(" + line + @",\d+\): error HSG0012: .*'schemas/NewNote\.yaml'");
        Assert.That(located.IsMatch(result.Output), Is.True, result.Describe(commandLine));
        Assert.That(result.Output, Does.Not.Contain(": error CS"), result.Describe(commandLine));
    }

    private static Guid Mvid(PEReader image)
    {
        var metadata = image.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }

    /// <summary>The generator's paths among the analyzers msbuild printed as JSON, with forward slashes.</summary>
    private static List<string> GeneratorPaths(string output)
    {
        using var json = System.Text.Json.JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!.Replace('\\', '/'))
            .Where(path => path.EndsWith("/HubSpotGen.Generators.dll", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Full names of the types defined in an assembly, read from its metadata without loading it.</summary>
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
