namespace HubSpotGen.Benchmarks;

/// <summary>
/// Finds the repository by walking up to HubSpotGen.sln. BenchmarkDotNet runs each benchmark in a child
/// process built under bin/, which is still inside the repository, so the walk works from there too.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds HubSpotGen.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The hand-written Flow Service spec, the generator's real input.</summary>
    public static string FlowServiceSpec => Path.Combine(Root, "openapi", "flow-service.yaml");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HubSpotGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("HubSpotGen.sln was not found above " + AppContext.BaseDirectory + ".");
    }
}
