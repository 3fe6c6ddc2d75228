using System.Text.RegularExpressions;

namespace HubSpotGen.Packaging.Tests;

/// <summary>
/// The emulator as a user gets it: packed, restored from a folder feed into a new NUnit project outside the
/// repository beside the library, and run by <c>dotnet test</c>. The test in that project starts the emulator,
/// creates a connection through the library and reads the request log in process and over the control API.
/// </summary>
[TestFixture]
[Category("Packaging")]
[NonParallelizable]
public sealed partial class PackedEmulatorTests
{
    private const string PackageId = "HubSpotGen.FlowService.Emulator";
    private const string LibraryId = "HubSpotGen.FlowService";

    // Written as a user would write a first test against the emulator; it compiles only against the packages.
    private const string TestFile = """
        using HubSpotGen.FlowService;
        using HubSpotGen.FlowService.Emulator;
        using NUnit.Framework;

        namespace Consumer;

        public sealed class EmulatorConsumerTests
        {
            [Test]
            public async Task A_connection_created_through_the_library_is_held_and_logged_once()
            {
                using var emulator = FlowServiceEmulator.Start();
                using var http = PlatformHttpClient.Create(new PlatformOptions
                {
                    BaseAddress = emulator.BaseAddress,
                    AccessToken = emulator.Options.AccessToken,
                    ApiKey = emulator.Options.ApiKey,
                    ImsOrgId = emulator.Options.ImsOrgId,
                    SandboxName = "prod",
                });
                var connections = new HubSpotConnections(new FlowServiceClient(http));

                var created = await connections.CreateAsync("From the package", new HubSpotCredentials("client", "secret", "access", "refresh"));

                Assert.That(emulator.ConnectionCount("prod"), Is.EqualTo(1));
                Assert.That(emulator.Requests.Count(entry => entry.Method == "POST" && entry.Path.EndsWith("/connections", StringComparison.Ordinal)), Is.EqualTo(1));
                using var control = new HttpClient();
                var log = await control.GetStringAsync(emulator.Url + "/__emulator/requests");
                Assert.That(log, Does.Contain("\"status\":201"));
                TestContext.Out.WriteLine("created connection " + created.Id);
            }
        }

        """;

    private LocalFeed _feed = null!;
    private string _nupkg = null!;

    [OneTimeSetUp]
    public void PackTheEmulatorAndTheLibrary()
    {
        _feed = new LocalFeed();
        _nupkg = _feed.Pack("src", PackageId);
        _feed.Pack("src", LibraryId);
    }

    [OneTimeTearDown]
    public void RemoveTheFeed() => _feed?.Dispose();

    [Test]
    public void The_package_holds_the_emulator_its_docs_and_readme_and_not_the_library()
    {
        using var package = PackageArchive.Open(_nupkg);
        var entries = package.Entries;
        var listing = package.Listing;
        var nuspec = package.Read(PackageId + ".nuspec");

        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain("lib/net10.0/HubSpotGen.FlowService.Emulator.dll"), listing);
            Assert.That(entries, Does.Contain("lib/net10.0/HubSpotGen.FlowService.Emulator.xml"), listing);
            Assert.That(entries, Does.Contain("README.md"), listing);
            Assert.That(nuspec, Does.Contain("<readme>README.md</readme>"), nuspec);
            Assert.That(nuspec, Does.Contain("<tags>").And.Contain("emulator"), nuspec);
            Assert.That(nuspec, Does.Contain("id=\"WireMock.Net\"").And.Contain("id=\"Newtonsoft.Json\""), nuspec);
            // An independent reading of the service: a test against it must not pull the client it tests.
            Assert.That(nuspec, Does.Not.Contain("id=\"HubSpotGen.FlowService\""), nuspec);
        });
    }

    [Test]
    public void A_new_nunit_project_restores_the_packages_and_its_emulator_test_passes()
    {
        var consumer = _feed.Consumer(
            "emulator-consumer",
            [
                new(PackageId, _feed.Version),
                new(LibraryId, _feed.Version),
                new("Microsoft.NET.Test.Sdk", "18.11.0"),
                new("NUnit", "4.4.0"),
                new("NUnit3TestAdapter", "6.3.1"),
            ],
            spec: null,
            TestFile,
            new Dictionary<string, string>
            {
                // Some of WireMock.Net's dependencies resolve to a later version than they name where these tests
                // run (NU1603), which the consumer's warnings-as-errors would turn into a failed restore.
                ["Directory.Build.props"] = "<Project><PropertyGroup><NoWarn>$(NoWarn);NU1603</NoWarn></PropertyGroup></Project>\n",
            });

        var (built, buildCommand) = consumer.RestoreAndBuild();
        Assert.That(built.ExitCode, Is.Zero, built.Describe(buildCommand));
        var test = new[] { "test", "--no-build", "--disable-build-servers", "-tl:off", "--logger", "console;verbosity=normal" };
        var tested = DotnetCommand.Run(consumer.Folder, test);

        Assert.That(tested.ExitCode, Is.Zero, tested.Describe(DotnetCommand.Format(test)));
        Assert.That(OnePassed().IsMatch(tested.Output), Is.True, tested.Describe(DotnetCommand.Format(test)));
        Assert.That(tested.Output, Does.Contain("created connection "), tested.Output);
    }

    [GeneratedRegex(@"Passed:\s+1\b")]
    private static partial Regex OnePassed();
}
