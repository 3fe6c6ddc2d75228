using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HubSpotGen.Benchmarks.Generation;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.Benchmarks.Cold;

/// <summary>
/// Generation cold, as the compiler reports it: for each spec, three throwaway projects (outside the
/// repository, so none of its build settings apply) are restored, then rebuilt with
/// <c>-p:ReportAnalyzer=true</c>, no shared compiler server and no reused nodes, so that every build starts a
/// new compiler process. One lists the spec as an AdditionalFiles item for our generator, whose time is read
/// from the compiler's generator report; one lists it for a generator that only reads it (the floor any
/// generator of a file pays), read the same way; the third runs NSwag.MSBuild with the settings of nswag.json
/// before compiling, whose time is the target's line in MSBuild's performance summary. Ours and the floor are
/// built <c>runs</c> times each, by turns, and their medians compared. Also reported: each build's wall time,
/// the largest process's peak resident memory (from GNU time's <c>-v</c> report, where <c>time</c> is on the
/// PATH) and the lines each generator wrote (ours and the wall time and memory from its first build).
/// </summary>
internal static partial class ColdBuildMeasure
{
    private const string NSwagTarget = "GenerateNSwagClient";
    private const string OurGeneratorName = "HubSpotGen.Generators.OpenApiClientGenerator";
    private const string ReadOnlyGeneratorName = "HubSpotGen.Benchmarks.ReadOnlyGenerator.ReadOnlyGenerator";

    public static int Run(IReadOnlyList<string> specs, int runs)
    {
        // The package gives the compiler its ahead-of-time compiled copy where it has one for the platform.
        var compiledAnalyzer = Path.Combine(AppContext.BaseDirectory, "r2r", "HubSpotGen.Generators.dll");
        var analyzer = File.Exists(compiledAnalyzer) ? compiledAnalyzer : Path.Combine(AppContext.BaseDirectory, "HubSpotGen.Generators.dll");
        Console.WriteLine("// ours: " + (analyzer == compiledAnalyzer ? "the ReadyToRun copy for " + System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier : "the portable generator (no ReadyToRun copy for this platform)"));
        var floorAnalyzer = Path.Combine(AppContext.BaseDirectory, "HubSpotGen.Benchmarks.ReadOnlyGenerator.dll");
        foreach (var dll in new[] { analyzer, floorAnalyzer })
        {
            if (!File.Exists(dll))
            {
                Console.Error.WriteLine("The generator is not beside the benchmark: " + dll);
                return 1;
            }
        }

        var work = Path.Combine(Path.GetTempPath(), "hubspotgen-cold-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(work);
        var rows = new List<string>();
        var floorRows = new List<string>();
        try
        {
            foreach (var spec in specs)
            {
                var folder = Path.Combine(work, spec);
                Directory.CreateDirectory(folder);
                var specPath = Path.Combine(folder, "spec.yaml");
                var text = SpecText(spec);
                File.WriteAllText(specPath, text);
                Console.WriteLine($"// {spec}: {text.Length:N0} chars ({text.Length / 1024.0 / 1024.0:F1} MB)");

                // Ours and the floor take turns, so that a change in the machine's load falls on both alike.
                var ourProject = WriteOurProject(Path.Combine(folder, "ours"), specPath, analyzer);
                var floorProject = WriteFloorProject(Path.Combine(folder, "floor"), specPath, floorAnalyzer);
                var ourRuns = new List<BuildResult>();
                var oursTimes = new List<double>();
                var floorTimes = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    var ours = Build(ourProject);
                    ourRuns.Add(ours);
                    oursTimes.Add(GeneratorSeconds(ours.Output, OurGeneratorName));
                    floorTimes.Add(GeneratorSeconds(Build(floorProject).Output, ReadOnlyGeneratorName));
                }

                var oursTime = Median(oursTimes);
                var floorTime = Median(floorTimes);
                var first = ourRuns[0];
                var oursLines = CountLines(Directory.EnumerateFiles(Path.Combine(folder, "ours", "obj"), "*.g.cs", SearchOption.AllDirectories));

                var nswagOutput = Path.Combine(folder, "nswag", "NSwag", "Client.cs");
                var nswag = Build(WriteNSwagProject(Path.Combine(folder, "nswag"), specPath, nswagOutput));
                var nswagTime = TargetSeconds(nswag.Output, NSwagTarget);
                var nswagLines = CountLines(new[] { nswagOutput });

                rows.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {spec} | {text.Length / 1024.0 / 1024.0:F1} MB | {oursTime:F2} s | {nswagTime:F2} s | {oursTime / nswagTime:F2} | {first.WallSeconds:F1} s / {nswag.WallSeconds:F1} s | {Megabytes(first.PeakKilobytes)} / {Megabytes(nswag.PeakKilobytes)} | {oursLines:N0} / {nswagLines:N0} ({(double)oursLines / nswagLines:F2}) |"));
                floorRows.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {spec} | {runs} | {Milliseconds(oursTimes)} | {Milliseconds(floorTimes)} | {(oursTime - floorTime) * 1000:F0} ms |"));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine("| Spec | Size | Ours (generator, compiler's report) | NSwag (generation target) | Ratio | Build wall time, ours / NSwag | Peak RSS, ours / NSwag | Generated lines, ours / NSwag |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        Console.WriteLine();
        Console.WriteLine("| Spec | Builds each | Ours, each build (median first) | Read-only generator, each build (median first) | Ours − read-only, medians |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var row in floorRows)
        {
            Console.WriteLine(row);
        }

        return 0;
    }

    /// <summary>flow-service: the repository's spec; synthetic-N or synthetic-10mb: <see cref="SyntheticSpec"/>.</summary>
    private static string SpecText(string spec) =>
        spec == "flow-service" ? File.ReadAllText(RepositoryPaths.FlowServiceSpec) : SyntheticSpec.ForName(spec);

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(value => value).ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The median, then every build in the order run: "41 ms (38, 41, 52)".</summary>
    private static string Milliseconds(List<double> seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(seconds) * 1000:F0} ms ({string.Join(", ", seconds.Select(value => (value * 1000).ToString("F0", CultureInfo.InvariantCulture)))})");

    private static string WriteOurProject(string folder, string specPath, string analyzer)
    {
        Directory.CreateDirectory(folder);
        var project = Path.Combine(folder, "Consumer.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
              </PropertyGroup>
              <ItemGroup>
                <CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="OpenApiNamespace" />
                <CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="OpenApiClientName" />
                <AdditionalFiles Include="{specPath}" OpenApiNamespace="Cold.Generated" OpenApiClientName="SyntheticClient" />
                <Analyzer Include="{analyzer}" />
                <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    /// <summary>The same project with the read-only generator: the spec is an AdditionalFiles item, nothing is generated.</summary>
    private static string WriteFloorProject(string folder, string specPath, string analyzer)
    {
        Directory.CreateDirectory(folder);
        var project = Path.Combine(folder, "Consumer.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="{specPath}" />
                <Analyzer Include="{analyzer}" />
                <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    /// <summary>The repository's nswag.json with the spec and output swapped in, run the way the reference project runs it.</summary>
    private static string WriteNSwagProject(string folder, string specPath, string output)
    {
        Directory.CreateDirectory(folder);
        var settings = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "nswag.json")));
        settings["documentGenerator"]!["fromDocument"]!["url"] = specPath;
        settings["defaultVariables"] = "OutputPath=" + output;
        var config = Path.Combine(folder, "nswag.json");
        File.WriteAllText(config, settings.ToString());

        var project = Path.Combine(folder, "Consumer.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>annotations</Nullable>
                <NoWarn>$(NoWarn);CS1591;CS8618;CS8600;CS8601;CS8602;CS8603;CS8604;CS8625;CS0108;CS0114;CS0472;CS0612;CS1573;CS8765;CS8767</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NSwag.MSBuild" Version="14.7.1" PrivateAssets="all" IncludeAssets="runtime; build; native; contentfiles; analyzers; buildtransitive" />
                <PackageReference Include="Newtonsoft.Json" Version="13.0.4" />
                <Compile Remove="NSwag/**" />
              </ItemGroup>
              <Target Name="{NSwagTarget}" BeforeTargets="CoreCompile;BeforeBuild">
                <Exec Command="$(NSwagExe_Net100) run &quot;{config}&quot;" />
                <ItemGroup>
                  <Compile Include="{output}" />
                </ItemGroup>
              </Target>
            </Project>
            """);
        return project;
    }

    private static BuildResult Build(string project)
    {
        Run("dotnet", ["restore", project, "--disable-build-servers"], out _);
        var arguments = new List<string>
        {
            "build", project, "-c", "Release", "--no-restore", "--no-incremental", "--disable-build-servers", "-nodeReuse:false",
            "-p:ReportAnalyzer=true", "-p:UseSharedCompilation=false", "-v:d", "-clp:PerformanceSummary",
        };
        var timeTool = FindOnPath("time");
        var stopwatch = Stopwatch.StartNew();
        var output = timeTool is null
            ? RunChecked("dotnet", arguments)
            : RunChecked(timeTool, new[] { "-v", "dotnet" }.Concat(arguments).ToList());
        stopwatch.Stop();
        var peak = PeakPattern().Match(output);
        return new BuildResult(output, stopwatch.Elapsed.TotalSeconds, peak.Success ? long.Parse(peak.Groups[1].Value, CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The compiler's line for the generator in its <c>/reportanalyzer</c> table.</summary>
    private static double GeneratorSeconds(string output, string generator)
    {
        var match = new Regex(@"^\s*([\d.]+)\s+\d+\s+" + Regex.Escape(generator) + @"\s*$", RegexOptions.Multiline).Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException("The build did not report the time of " + generator + ":\n" + output);
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static double TargetSeconds(string output, string target)
    {
        var summary = output.LastIndexOf("Target Performance Summary:", StringComparison.Ordinal);
        var match = summary < 0 ? Match.Empty : new Regex(@"^\s*(\d+) ms\s+" + target + @"\s", RegexOptions.Multiline).Match(output, summary);
        if (!match.Success)
        {
            throw new InvalidOperationException("The build's performance summary has no line for " + target + ":\n" + output);
        }

        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 1000.0;
    }

    private static long CountLines(IEnumerable<string> files)
    {
        long lines = 0;
        foreach (var file in files)
        {
            foreach (var character in File.ReadAllText(file))
            {
                if (character == '\n')
                {
                    lines++;
                }
            }
        }

        return lines;
    }

    /// <summary>An executable of that name in a PATH folder (a shell's <c>time</c> keyword is not one), or null.</summary>
    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static string Megabytes(long? kilobytes) => kilobytes is { } value ? (value / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "n/a";

    private static string RunChecked(string file, IReadOnlyList<string> arguments)
    {
        if (Run(file, arguments, out var output) != 0)
        {
            throw new InvalidOperationException(file + " " + string.Join(' ', arguments) + " failed:\n" + output);
        }

        return output;
    }

    private static int Run(string file, IReadOnlyList<string> arguments, out string output)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var text = new StringBuilder();
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) { lock (text) { text.AppendLine(line.Data); } } };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { lock (text) { text.AppendLine(line.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        output = text.ToString();
        return process.ExitCode;
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex PeakPattern();

    private sealed record BuildResult(string Output, double WallSeconds, long? PeakKilobytes);
}
