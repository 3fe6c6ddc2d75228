using System.Security;

namespace HubSpotGen.Packaging.Tests;

/// <summary>
/// The command as a user gets it: packed as a .NET tool, installed from a folder feed into a tool path with
/// <c>dotnet tool install</c>, and run through its <c>hubspotgen</c> shim. Neither the install nor the first run
/// may print a warning.
/// </summary>
[TestFixture]
[Category("Packaging")]
[NonParallelizable]
public sealed class PackedToolTests
{
    private const string PackageId = "HubSpotGen.Cli";
    private const string CommandName = "hubspotgen";

    private LocalFeed _feed = null!;
    private string _nupkg = null!;
    private string _toolPath = null!;
    private CommandResult _installed = null!;
    private string _installCommand = null!;

    [OneTimeSetUp]
    public void PackAndInstallTheTool()
    {
        _feed = new LocalFeed();
        _nupkg = _feed.Pack("src", PackageId);
        _toolPath = Path.Combine(_feed.Root, "tools");

        // Only the feed as a source, and its own packages folder, so the test version stays out of the user's cache.
        var config = Path.Combine(_feed.Root, "tool-install.nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{SecurityElement.Escape(_feed.PackagesFolder)}" />
              </config>
              <packageSources>
                <clear />
                <add key="hubspotgen-packtest" value="{SecurityElement.Escape(_feed.Folder)}" />
              </packageSources>
            </configuration>

            """);
        var arguments = new[] { "tool", "install", "--tool-path", _toolPath, "--configfile", config, PackageId, "--version", _feed.Version };
        _installCommand = DotnetCommand.Format(arguments);
        _installed = DotnetCommand.Run(_feed.Root, arguments);
    }

    [OneTimeTearDown]
    public void RemoveTheFeed() => _feed?.Dispose();

    private string Shim => Path.Combine(_toolPath, OperatingSystem.IsWindows() ? CommandName + ".exe" : CommandName);

    [Test]
    public void The_package_is_a_dotnet_tool_named_hubspotgen_with_its_readme()
    {
        using var package = PackageArchive.Open(_nupkg);
        var entries = package.Entries;
        var listing = package.Listing;
        var nuspec = package.Read(PackageId + ".nuspec");
        var settings = package.Read("/DotnetToolSettings.xml");

        Assert.Multiple(() =>
        {
            Assert.That(entries, Does.Contain("tools/net10.0/any/hubspotgen.dll"), listing);
            Assert.That(entries, Does.Contain("tools/net10.0/any/HubSpotGen.FlowService.dll"), listing);
            Assert.That(entries, Does.Contain("tools/net10.0/any/HubSpotGen.FlowService.Emulator.dll"), listing);
            Assert.That(entries, Does.Contain("PACKAGE.md"), listing);
            Assert.That(nuspec, Does.Contain("<packageType name=\"DotnetTool\" />"), nuspec);
            Assert.That(nuspec, Does.Contain("<readme>PACKAGE.md</readme>"), nuspec);
            Assert.That(nuspec, Does.Contain("<description>The hubspotgen command"), nuspec);
            Assert.That(settings, Does.Contain("Name=\"hubspotgen\"").And.Contain("EntryPoint=\"hubspotgen.dll\""), settings);
        });
    }

    [Test]
    public void Dotnet_tool_install_from_the_folder_feed_succeeds_without_a_warning()
    {
        Assert.That(_installed.ExitCode, Is.Zero, _installed.Describe(_installCommand));
        Assert.That(_installed.Output, Does.Contain("was successfully installed"), _installed.Describe(_installCommand));
        Assert.That(_installed.Output, Does.Not.Contain("warning").IgnoreCase, _installed.Describe(_installCommand));
        Assert.That(File.Exists(Shim), Is.True, _installed.Describe(_installCommand));
    }

    [Test]
    public void The_installed_command_prints_its_help_and_exits_0()
    {
        RequireInstalled();
        var help = ToolProcess.Run(Shim, _feed.Root, "--help");

        Assert.That(help.ExitCode, Is.Zero, help.Describe("hubspotgen --help"));
        Assert.That(help.Output, Does.Contain("Usage:").And.Contain("hubspotgen [command] [options]").And.Contain("--verbose"), help.Describe("hubspotgen --help"));
        Assert.That(help.Output + help.Error, Does.Not.Contain("warning").IgnoreCase, help.Describe("hubspotgen --help"));
        Assert.That(help.Error, Is.Empty, help.Describe("hubspotgen --help"));
    }

    [Test]
    public void The_installed_command_runs_the_demo_to_the_end_on_its_first_run_without_a_warning()
    {
        RequireInstalled();
        var demo = ToolProcess.Run(Shim, _feed.Root);

        Assert.That(demo.ExitCode, Is.Zero, demo.Describe("hubspotgen"));
        Assert.That(demo.Output, Does.Contain("Started the Flow Service emulator at http://127.0.0.1:"), demo.Describe("hubspotgen"));
        Assert.That(demo.Output, Does.Contain("6. run").And.Contain("success: read 25, written 25, failed 0"), demo.Describe("hubspotgen"));
        Assert.That(demo.Output, Does.Contain("8. delete").And.Contain("Done."), demo.Describe("hubspotgen"));
        Assert.That(demo.Output + demo.Error, Does.Not.Contain("warning").IgnoreCase, demo.Describe("hubspotgen"));
        Assert.That(demo.Error, Is.Empty, demo.Describe("hubspotgen"));
    }

    private void RequireInstalled() =>
        Assert.That(File.Exists(Shim), Is.True, "not installed: " + _installed.Describe(_installCommand));
}
