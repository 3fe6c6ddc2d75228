using System.Diagnostics;

namespace HubSpotGen.Packaging.Tests;

/// <summary>What an installed tool printed, stdout and stderr apart: a tool's results must not mix with its diagnostics.</summary>
internal sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public string Describe(string commandLine) =>
        "$ " + commandLine + Environment.NewLine + "(exit code " + ExitCode + ")" + Environment.NewLine +
        "stdout:" + Environment.NewLine + Output + "stderr:" + Environment.NewLine + Error;
}

/// <summary>Runs an installed tool's command shim as a shell would, outside any project.</summary>
internal static class ToolProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static ToolResult Run(string executable, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The shim finds the runtime through DOTNET_ROOT first: point it at the SDK running the tests, as a user's
        // install would be found.
        if (Path.GetDirectoryName(DotnetCommand.Executable) is { Length: > 0 } dotnetRoot)
        {
            start.Environment["DOTNET_ROOT"] = dotnetRoot;
        }

        // Nothing of the Platform configuration leaks in from the machine running the tests.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("AEP_", StringComparison.Ordinal) || name.StartsWith("HUBSPOT_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ToolResult(-1, output.Result, error.Result + "(killed after " + Timeout + ")");
        }

        return new ToolResult(process.ExitCode, output.Result, error.Result);
    }
}
