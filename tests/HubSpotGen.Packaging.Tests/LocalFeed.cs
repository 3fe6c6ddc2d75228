using System.Globalization;

namespace HubSpotGen.Packaging.Tests;

/// <summary>
/// A temporary folder feed of freshly packed HubSpotGen packages, with room beside it for consumer projects
/// and their isolated packages folder. Disposing it removes everything.
/// </summary>
internal sealed class LocalFeed : IDisposable
{
    public LocalFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "hubspotgen-packtest-" + Guid.NewGuid().ToString("N")[..12]);
        Folder = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Folder);

        // A version no earlier run used, so that no cache anywhere can answer with an older package.
        Version = "0.0.0-packtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    }

    /// <summary>The temporary folder that holds the feed, the artifacts and the consumers.</summary>
    public string Root { get; }

    /// <summary>The feed itself.</summary>
    public string Folder { get; }

    /// <summary>Where consumers restore to, so that test versions stay out of NuGet's global cache.</summary>
    public string PackagesFolder { get; }

    /// <summary>The version every package of this feed has.</summary>
    public string Version { get; }

    /// <summary>Packs the repository project <paramref name="packageId"/> (under <paramref name="folder"/>) into the feed.</summary>
    /// <returns>The path of the .nupkg.</returns>
    public string Pack(string folder, string packageId)
    {
        // Its own artifacts folder: the pack neither reads nor overwrites the bin/ and obj/ of a build of the
        // repository that may be running at the same time.
        var project = Path.Combine(RepositoryPaths.Root, folder, packageId, packageId + ".csproj");
        var arguments = new[]
        {
            "pack", project, "-c", "Release", "-o", Folder, "--artifacts-path", Path.Combine(Root, "artifacts"),
            "-p:Version=" + Version, "--disable-build-servers", "-tl:off",
        };
        var result = DotnetCommand.Run(RepositoryPaths.Root, arguments);
        Assert.That(result.ExitCode, Is.Zero, result.Describe(DotnetCommand.Format(arguments)));

        var nupkg = Path.Combine(Folder, packageId + "." + Version + ".nupkg");
        Assert.That(File.Exists(nupkg), Is.True, "No " + Path.GetFileName(nupkg) + " after:" + Environment.NewLine + result.Output);
        return nupkg;
    }

    /// <summary>Writes a consumer project in its own folder beside the feed.</summary>
    public ConsumerProject Consumer(string name, IEnumerable<ConsumerPackage> packages, string? spec, string program, IReadOnlyDictionary<string, string>? otherFiles = null, IEnumerable<string>? otherItems = null) =>
        ConsumerProject.Write(Path.Combine(Root, name), Folder, PackagesFolder, packages, spec, program, otherFiles, otherItems);

    public void Dispose()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TestContext.Progress.WriteLine("Could not remove " + Root + ": " + exception.Message);
        }
    }
}
