using System.Diagnostics;
using System.Text;

namespace HubSpotGen.Packaging.Tests;

/// <summary>What a finished <c>dotnet</c> child process left behind.</summary>
/// <param name="ExitCode">The exit code; -1 when the process was killed for running too long.</param>
/// <param name="Output">Standard output and standard error, interleaved as they arrived.</param>
internal sealed record CommandResult(int ExitCode, string Output)
{
    /// <summary>The command line and everything it printed, for an assertion message.</summary>
    public string Describe(string commandLine) =>
        "$ " + commandLine + Environment.NewLine + "(exit code " + ExitCode + ")" + Environment.NewLine + Output;
}

/// <summary>
/// Runs the dotnet CLI the way a user would from a fresh shell. A test host runs inside <c>dotnet test</c>,
/// whose MSBuild and VSTest variables would otherwise steer the child's SDK resolution and logging.
/// </summary>
internal static class DotnetCommand
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    // Prefixes of variables that the parent build or test runner set for itself, not for a new build.
    private static readonly string[] InheritedPrefixes = { "MSBUILD", "VSTEST", "TESTINGPLATFORM", "_MSBUILD" };

    /// <summary>The dotnet executable of the SDK running the tests, else whatever "dotnet" the PATH has.</summary>
    public static string Executable
    {
        get
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
        }
    }

    /// <summary>
    /// Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, killing the
    /// whole process tree after <paramref name="timeout"/>.
    /// </summary>
    public static CommandResult Run(string workingDirectory, IReadOnlyList<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        PrepareEnvironment(start.Environment);

        var output = new StringBuilder();
        var outputClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data, outputClosed);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data, errorClosed);

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the wait and the kill.
            }

            process.WaitForExit(TimeSpan.FromSeconds(30));
            lock (output)
            {
                output.AppendLine("(killed after " + (timeout ?? DefaultTimeout) + ")");
                return new CommandResult(-1, output.ToString());
            }
        }

        // The streams close after the process ends; a grandchild that kept them open must not hang the test.
        Task.WaitAll(new Task[] { outputClosed.Task, errorClosed.Task }, TimeSpan.FromSeconds(30));
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }

    /// <summary>The command line as a user would type it, for messages.</summary>
    public static string Format(IEnumerable<string> arguments) =>
        "dotnet " + string.Join(" ", arguments.Select(argument => argument.Contains(' ', StringComparison.Ordinal) ? "\"" + argument + "\"" : argument));

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (InheritedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                environment.Remove(name);
            }
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No MSBuild node or compiler server may outlive the command: it would hold the output pipes open
        // and keep running after the test run has finished.
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
    }

    private static void Append(StringBuilder output, string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
