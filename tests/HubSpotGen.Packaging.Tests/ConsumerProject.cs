using System.Security;
using System.Text;

namespace HubSpotGen.Packaging.Tests;

/// <summary>A package the consumer references; a build-time one (the generator) with PrivateAssets="all".</summary>
internal sealed record ConsumerPackage(string Id, string Version, bool BuildTimeOnly = false);

/// <summary>
/// A new console project outside the repository that takes our packages the way a user would: PackageReferences
/// from a folder feed, everything else from the machine's usual source, and optionally one spec as an
/// AdditionalFiles item. It declares no CompilerVisibleItemMetadata: that must come from the package.
/// </summary>
internal sealed class ConsumerProject
{
    public const string AssemblyName = "Consumer";
    public const string SpecFileName = "api.yaml";

    private ConsumerProject(string folder) => Folder = folder;

    /// <summary>The project folder.</summary>
    public string Folder { get; }

    /// <summary>The compiled program, where <c>dotnet build</c> puts it by default.</summary>
    public string OutputAssembly => Path.Combine(Folder, "bin", "Debug", "net10.0", AssemblyName + ".dll");

    /// <summary>
    /// Writes the project into <paramref name="folder"/>, restoring from <paramref name="feed"/> (besides the
    /// machine's sources) into <paramref name="packagesFolder"/> so that test versions stay out of the global cache.
    /// <paramref name="otherFiles"/> (relative path to text) are written beside it, and <paramref name="otherItems"/>
    /// (item XML, such as more AdditionalFiles) added to its item group.
    /// </summary>
    public static ConsumerProject Write(string folder, string feed, string packagesFolder, IEnumerable<ConsumerPackage> packages, string? spec, string program, IReadOnlyDictionary<string, string>? otherFiles = null, IEnumerable<string>? otherItems = null)
    {
        Directory.CreateDirectory(folder);

        // Empty files stop MSBuild's upward search, so nothing above the temporary folder applies.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(folder, name), "<Project />\n");
        }

        // Adds the feed without <clear/>: Newtonsoft.Json still comes from wherever this machine gets packages.
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="hubspotgen-packtest" value="{SecurityElement.Escape(feed)}" />
              </packageSources>
            </configuration>

            """);

        var project = new StringBuilder()
            .AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">")
            .AppendLine("  <PropertyGroup>")
            .AppendLine("    <OutputType>Exe</OutputType>")
            .AppendLine("    <TargetFramework>net10.0</TargetFramework>")
            .AppendLine("    <ImplicitUsings>enable</ImplicitUsings>")
            .AppendLine("    <Nullable>enable</Nullable>")
            .AppendLine("    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>")
            .AppendLine($"    <RestorePackagesPath>{SecurityElement.Escape(packagesFolder)}</RestorePackagesPath>")
            .AppendLine("  </PropertyGroup>")
            .AppendLine("  <ItemGroup>");
        foreach (var package in packages)
        {
            project.AppendLine($"    <PackageReference Include=\"{package.Id}\" Version=\"{package.Version}\"{(package.BuildTimeOnly ? " PrivateAssets=\"all\"" : "")} />");
        }

        if (spec is not null)
        {
            project.AppendLine($"    <AdditionalFiles Include=\"{SpecFileName}\" OpenApiNamespace=\"Consumer.Api\" OpenApiClientName=\"NotesClient\" />");
        }

        foreach (var item in otherItems ?? Array.Empty<string>())
        {
            project.AppendLine("    " + item);
        }

        project.AppendLine("  </ItemGroup>").AppendLine("</Project>");
        File.WriteAllText(Path.Combine(folder, AssemblyName + ".csproj"), project.ToString());

        if (spec is not null)
        {
            File.WriteAllText(Path.Combine(folder, SpecFileName), spec);
        }

        foreach (var (relativePath, text) in otherFiles ?? new Dictionary<string, string>())
        {
            var path = Path.Combine(folder, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        return new ConsumerProject(folder);
    }

    /// <summary>Restores, then builds without restoring again, so a failure says which of the two broke.</summary>
    public (CommandResult Result, string CommandLine) RestoreAndBuild()
    {
        var restore = new[] { "restore", "--disable-build-servers", "-tl:off" };
        var restored = DotnetCommand.Run(Folder, restore);
        if (restored.ExitCode != 0)
        {
            return (restored, DotnetCommand.Format(restore));
        }

        var build = new[] { "build", "--no-restore", "--disable-build-servers", "-tl:off" };
        return (DotnetCommand.Run(Folder, build), DotnetCommand.Format(build));
    }

    /// <summary>
    /// Restores, then evaluates the build as far as the compiler's analyzer list and prints it (one full path per
    /// line, after "Analyzer:"), with <paramref name="properties"/> as global properties.
    /// </summary>
    public (CommandResult Result, string CommandLine) Analyzers(params string[] properties)
    {
        var restore = new[] { "restore", "--disable-build-servers", "-tl:off" };
        var restored = DotnetCommand.Run(Folder, restore);
        if (restored.ExitCode != 0)
        {
            return (restored, DotnetCommand.Format(restore));
        }

        var evaluate = new[] { "msbuild", "-t:ResolveLockFileAnalyzers", "-getItem:Analyzer", "-nologo" }.Concat(properties.Select(property => "-p:" + property)).ToArray();
        return (DotnetCommand.Run(Folder, evaluate), DotnetCommand.Format(evaluate));
    }

    /// <summary>Runs the built program.</summary>
    public (CommandResult Result, string CommandLine) Run()
    {
        var run = new[] { OutputAssembly };
        return (DotnetCommand.Run(Folder, run), DotnetCommand.Format(run));
    }
}
