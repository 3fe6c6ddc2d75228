using System.Net;
using System.Net.Sockets;
using HubSpotGen.FlowService.Emulator;

namespace HubSpotGen.Cli;

/// <summary>Starts the embedded Flow Service emulator, or says in one line why it could not.</summary>
internal static class EmulatorStart
{
    /// <summary>
    /// The running emulator, or null after writing one <c>error:</c> line to <paramref name="error"/>: the port
    /// was taken, or the machine refused to listen. A port out of range is the caller's to check first.
    /// </summary>
    public static async Task<FlowServiceEmulator?> TryStartAsync(int? port, TextWriter error)
    {
        try
        {
            if (port is { } chosen)
            {
                // The emulator's server waits about ten seconds before it reports a taken port; a probe says so at once.
                ProbePort(chosen);
            }

            return FlowServiceEmulator.Start(new FlowServiceEmulatorOptions { Port = port });
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

            var where = port is { } chosen ? $"could not listen on 127.0.0.1:{chosen}" : "could not start";
            var hint = port is null ? "" : "; choose another --port, or leave it out for a free one";
            await error.WriteLineAsync($"error: the Flow Service emulator {where}: {ServiceErrorReport.OneLine(reason.Message).TrimEnd('.')}{hint}");
            return null;
        }
    }

    /// <summary>Throws the listener's own <see cref="SocketException"/> when 127.0.0.1:<paramref name="port"/> cannot be listened on.</summary>
    private static void ProbePort(int port)
    {
        var probe = new TcpListener(IPAddress.Loopback, port);
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
