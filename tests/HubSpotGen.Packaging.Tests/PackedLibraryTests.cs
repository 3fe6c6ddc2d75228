
namespace HubSpotGen.Packaging.Tests;

/// <summary>
/// The library as a user gets it: packed, restored from a folder feed into a new project that has neither the
/// spec nor the generator, and run. The client was generated when the library was built, so the package must
/// carry it, its XML docs and its dependencies, and must not drag the generator along.
/// </summary>
[TestFixture]
[Category("Packaging")]
[NonParallelizable]
public sealed class PackedLibraryTests
{
    private const string PackageId = "HubSpotGen.FlowService";

    // Registers the client as an application would, resolves the facade, and shows that start-up validation
    // names what is missing. Nothing is sent: the program never calls the service.
    private const string Program = """
        using HubSpotGen.FlowService;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Options;

        var services = new ServiceCollection();
        services.AddFlowServiceClient(options =>
        {
            options.BaseAddress = new Uri("http://127.0.0.1:9/data/foundation/flowservice");
            options.AccessToken = "consumer-token";
            options.ApiKey = "consumer-api-key";
            options.ImsOrgId = "CONSUMER@AdobeOrg";
            options.SandboxName = "prod";
        });
        using (var provider = services.BuildServiceProvider())
        {
            var connections = provider.GetRequiredService<HubSpotConnections>();
            var client = provider.GetRequiredService<FlowServiceClient>();
            Console.WriteLine($"resolved {connections.GetType().Name} for {client.BaseUrl} spec {HubSpotConnectionSpec.Id}");
        }

        var incomplete = new ServiceCollection();
        incomplete.AddFlowServiceClient(options => options.AccessToken = "consumer-token");
        using (var provider = incomplete.BuildServiceProvider())
        {
            try
            {
                provider.GetRequiredService<IStartupValidator>().Validate();
                Console.WriteLine("validation passed");
            }
            catch (OptionsValidationException exception)
            {
                Console.WriteLine("validation failed: " + string.Join(" | ", exception.Failures));
            }
        }

        """;

    private LocalFeed _feed = null!;
    private string _nupkg = null!;

    [OneTimeSetUp]
    public void PackTheLibrary()
    {
        _feed = new LocalFeed();
        _nupkg = _feed.Pack("src", PackageId);
    }

    [OneTimeTearDown]
    public void RemoveTheFeed() => _feed?.Dispose();

    [Test]
    public void The_package_holds_the_library_its_docs_and_readme_and_does_not_depend_on_the_generator()
    {
        using var package = PackageArchive.Open(_nupkg);
        var entries = package.Entries;
        var listing = package.Listing;
        var nuspec = package.Read(PackageId + ".nuspec");

        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain("lib/net10.0/HubSpotGen.FlowService.dll"), listing);
            Assert.That(entries, Does.Contain("lib/net10.0/HubSpotGen.FlowService.xml"), listing);
            Assert.That(entries, Does.Contain("PACKAGE.md"), listing);
            Assert.That(entries.Where(entry => entry.StartsWith("analyzers/", StringComparison.Ordinal)), Is.Empty, listing);
            Assert.That(nuspec, Does.Contain("<readme>PACKAGE.md</readme>"), nuspec);
            Assert.That(nuspec, Does.Contain("<license type=\"expression\">MIT</license>"), nuspec);
            Assert.That(nuspec, Does.Contain("id=\"Newtonsoft.Json\"").And.Contain("id=\"Microsoft.Extensions.Http.Resilience\""), nuspec);
            Assert.That(nuspec, Does.Not.Contain("HubSpotGen.Generators"), nuspec);
        });
    }

    [Test]
    public void A_new_project_restores_the_package_registers_the_client_and_gets_its_options_validated()
    {
        var consumer = _feed.Consumer(
            "library-consumer",
            [new(PackageId, _feed.Version), new("Microsoft.Extensions.DependencyInjection", "10.0.13")],
            spec: null,
            Program);

        var (built, buildCommand) = consumer.RestoreAndBuild();
        Assert.That(built.ExitCode, Is.Zero, built.Describe(buildCommand));
        var (ran, runCommand) = consumer.Run();

        Assert.That(ran.ExitCode, Is.Zero, ran.Describe(runCommand));
        Assert.That(ran.Output, Does.Contain("resolved HubSpotConnections for http://127.0.0.1:9/data/foundation/flowservice spec cc6a4487-9e91-433e-a3a3-9cf6626c1806"), ran.Output);
        Assert.That(ran.Output, Does.Contain("validation failed: ").And.Contain("ApiKey is required").And.Contain("SandboxName is required"), ran.Output);
        Assert.That(ran.Output, Does.Not.Contain("consumer-token"), "the validation message names what is missing, never a value");
    }
}
