using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>
/// The RANDOM_DATA_THEN_CLOSE fault, which WireMock.Net 1.25 lacks: a loopback server that reads each whole
/// request (so it counts as received, and a create as done), answers random bytes and closes.
/// </summary>
internal sealed class RandomDataThenCloseServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _received;

    public RandomDataThenCloseServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>Whole requests read so far.</summary>
    public int Received => Volatile.Read(ref _received);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = AnswerAsync(client);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            var received = new List<byte>();
            var buffer = new byte[4096];
            int headerEnd;
            while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }

                received.AddRange(buffer.AsSpan(0, read).ToArray());
            }

            var head = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
            var length = head.Split("\r\n").Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
            while (received.Count - headerEnd - 4 < length)
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0)
                {
                    return;
                }

                received.AddRange(buffer.AsSpan(0, read).ToArray());
            }

            Interlocked.Increment(ref _received);
            var noise = new byte[512];
            new Random(42).NextBytes(noise);
            await stream.WriteAsync(noise);
        }
    }

    private static int IndexOfHeaderEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
