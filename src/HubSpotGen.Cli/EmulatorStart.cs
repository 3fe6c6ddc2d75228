using System.Net;
using System.Net.Sockets;
using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.Cli;

/// <summary>Starts the embedded Flow Service emulator, or says in one line why it could not.</summary>
internal static class EmulatorStart
{
    /// <summary>Starts on loopback, on <paramref name="port"/> or a free one, with state in memory only.</summary>
    public static Task<FlowServiceEmulator?> TryStartAsync(int? port, TextWriter error) =>
        TryStartAsync(new FlowServiceEmulatorOptions { Port = port }, error);

    /// <summary>
    /// The running emulator, or null after writing one <c>error:</c> line to <paramref name="error"/>: the port
    /// was taken, the machine refused to listen, or the state file is not one the emulator wrote. A port out of
    /// range and a host that is not an IP address are the caller's to check first.
    /// </summary>
    public static async Task<FlowServiceEmulator?> TryStartAsync(FlowServiceEmulatorOptions options, TextWriter error)
    {
        var host = options.Host;
        try
        {
            if (options.Port is { } chosen)
            {
                // The emulator's server waits about ten seconds before it reports a taken port; a probe says so at once.
                ProbePort(IPAddress.Parse(host), chosen);
            }

            return FlowServiceEmulator.Start(options);
        }
        catch (EmulatorStateException exception)
        {
            // Its message is one line that names the file and the problem, and quotes nothing of the file.
            await error.WriteLineAsync("error: " + ServiceErrorReport.OneLine(exception.Message).TrimEnd('.') + "; fix or remove it, or give another --state file");
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The listener's own failure (address in use, permission denied) is the innermost one; what wraps it
            // repeats it with a stack trace.
            var reason = exception;
            while (reason.InnerException is not null)
            {
                reason = reason.InnerException;
            }

            var where = options.Port is { } chosen ? $"could not listen on {host}:{chosen}" : "could not start";
            var hint = options.Port is null ? "" : "; choose another --port, or leave it out for a free one";
            await error.WriteLineAsync($"error: the Flow Service emulator {where}: {ServiceErrorReport.OneLine(reason.Message).TrimEnd('.')}{hint}");
            return null;
        }
    }

    /// <summary>Throws the listener's own <see cref="SocketException"/> when <paramref name="address"/>:<paramref name="port"/> cannot be listened on.</summary>
    private static void ProbePort(IPAddress address, int port)
    {
        var probe = new TcpListener(address, port);
        try
        {
            probe.Start();
        }
        finally
        {
            probe.Stop();
        }
    }
}
