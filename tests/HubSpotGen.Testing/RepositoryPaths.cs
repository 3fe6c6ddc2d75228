namespace HubSpotGen.Testing;

/// <summary>
/// Finds files by walking up from the test output to the folder that holds HubSpotGen.sln, so that
/// the tests read the real spec and the shared example specs in place instead of copies.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds HubSpotGen.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The hand-written Flow Service spec, the generator's real input.</summary>
    public static string FlowServiceSpec => Path.Combine(Root, "openapi", "flow-service.yaml");

    /// <summary>Public example specs kept beside the repository; absent on some machines.</summary>
    public static string ExampleSpecsFolder => Path.GetFullPath(Path.Combine(Root, "..", "shared", "specs", "oai"));

    private static string FindRoot()
    {
        foreach (var start in new[] { TestContext.CurrentContext.TestDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "HubSpotGen.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("HubSpotGen.sln was not found above " + AppContext.BaseDirectory + ".");
    }
}
