namespace HubSpotGen.Packaging.Tests;

/// <summary>
/// Restoring from nothing prints no warning. WireMock.Net asks for lower bounds of its own dependencies that are
/// not always served, and NuGet then warns (NU1603) on every restore unless those are pinned centrally.
/// </summary>
[TestFixture]
[Category("Packaging")]
[NonParallelizable]
public sealed class CleanRestoreTests
{
    [Test]
    public void A_fresh_restore_of_the_command_tests_and_everything_they_reference_prints_no_warning()
    {
        // The command's tests reference the library, the emulator, the command and the shared test helpers, so
        // this restores every project that WireMock.Net reaches. Their obj/ go under a temporary artifacts folder,
        // fresh, so that neither an earlier restore nor a build running beside this one changes what is seen.
        var artifacts = Path.Combine(Path.GetTempPath(), "hubspotgen-restore-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var project = Path.Combine(RepositoryPaths.Root, "tests", "HubSpotGen.Cli.Tests", "HubSpotGen.Cli.Tests.csproj");
            var arguments = new[] { "restore", project, "--force-evaluate", "--artifacts-path", artifacts, "--disable-build-servers", "-tl:off" };
            var restored = DotnetCommand.Run(RepositoryPaths.Root, arguments);

            Assert.That(restored.ExitCode, Is.Zero, restored.Describe(DotnetCommand.Format(arguments)));
            Assert.That(restored.Output, Does.Contain("Restored"), restored.Describe(DotnetCommand.Format(arguments)));
            Assert.That(restored.Output, Does.Not.Contain("NU1603"), restored.Describe(DotnetCommand.Format(arguments)));
            Assert.That(restored.Output, Does.Not.Contain("warning").IgnoreCase, restored.Describe(DotnetCommand.Format(arguments)));
        }
        finally
        {
            if (Directory.Exists(artifacts))
            {
                Directory.Delete(artifacts, recursive: true);
            }
        }
    }
}
