using System.Diagnostics;

namespace HubSpotGen.Cli.Tests;

/// <summary>
/// The real process, not <see cref="CliApplication"/> in the test's process: only there do signals arrive the way a
/// terminal (SIGINT) or a container's stop (SIGTERM) sends them.
/// </summary>
[NonParallelizable]
public sealed class StopSignalTests
{
    [TestCase("INT")]
    [TestCase("TERM")]
    public async Task The_emulator_command_stops_cleanly_on_a_signal_and_saves_its_state(string signal)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("POSIX signals are sent with kill, which Windows does not have.");
        }

        var folder = Directory.CreateTempSubdirectory("hubspotgen-signal-");
        try
        {
            var state = Path.Combine(folder.FullName, "state.json");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "hubspotgen.dll"), "emulator", "--state", state })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("export AEP_SANDBOX_NAME=", StringComparison.Ordinal))
            {
            }

            if (line is null)
            {
                Assert.Fail("the command ended before printing its variables: " + await stderr);
            }

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string rest;
            try
            {
                rest = await process.StandardOutput.ReadToEndAsync(deadline.Token);
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw new AssertionException("the command was still running 30 s after SIG" + signal);
            }

            Assert.That(process.ExitCode, Is.EqualTo(ExitCodes.Success), "stderr: " + await stderr);
            Assert.That(rest, Does.Not.Contain("at HubSpotGen"), "no stack trace");
            Assert.That(rest, Does.Contain("# Emulator stopped."));
            Assert.That(await stderr, Is.Empty);
            Assert.That(File.Exists(state), Is.True, "the stop saves the state file");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
