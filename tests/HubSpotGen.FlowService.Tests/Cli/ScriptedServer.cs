using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HubSpotGen.FlowService.Tests.Cli;

/// <summary>
/// A loopback HTTP/1.1 server that does what WireMock cannot at the right moment: it reads each whole request
/// (so it counts as received, and as acted on), records it, then does the next step of its script: answer,
/// close the connection without answering, or hold it open and never answer. The last step repeats.
/// </summary>
internal sealed class ScriptedServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Step[] _steps;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private int _next;

    public ScriptedServer(params Step[] steps)
    {
        if (steps.Length == 0)
        {
            throw new ArgumentException("A script needs at least one step.", nameof(steps));
        }

        _steps = steps;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The server's root, such as http://127.0.0.1:41234/.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every whole request read so far, oldest first.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToArray();

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

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                _received.Enqueue(request);
                var index = Interlocked.Increment(ref _next) - 1;
                switch (_steps[Math.Min(index, _steps.Length - 1)])
                {
                    case Hang:
                        await Task.Delay(Timeout.Infinite, _stop.Token);
                        break;
                    case Drop:
                        client.Client.LingerState = new LingerOption(true, 0);
                        break;
                    case CutOff:
                        await stream.WriteAsync(CutOff.Bytes, _stop.Token);
                        break;
                    case Answer answer:
                        await stream.WriteAsync(answer.ToBytes(), _stop.Token);
                        break;
                }
            }
            catch (Exception)
            {
                // The client went away or the server is stopping; either way this connection is done.
            }
        }
    }

    private static async Task<ReceivedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var lines = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        while (received.Count - headerEnd - 4 < length)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var body = Encoding.UTF8.GetString(received.ToArray(), headerEnd + 4, length);
        return new ReceivedRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "", headers, body);
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

    /// <summary>What the server does with one request.</summary>
    internal abstract record Step;

    /// <summary>Holds the connection open and never answers.</summary>
    internal sealed record Hang : Step;

    /// <summary>Resets the connection without answering, after reading the whole request.</summary>
    internal sealed record Drop : Step;

    /// <summary>
    /// Starts a 200 answer and closes the connection half-way through its body: the answer is lost on the way
    /// back, after the server acted. Unlike <see cref="Drop"/>, the transport cannot mistake it for a connection
    /// the server closed before reading the request, so it never resends on its own.
    /// </summary>
    internal sealed record CutOff : Step
    {
        public static readonly byte[] Bytes = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\nConnection: close\r\n\r\n{\"id\": \"");
    }

    /// <summary>Answers, then closes the connection.</summary>
    internal sealed record Answer(int Status, string? Body = null, params (string Name, string Value)[] Headers) : Step
    {
        public byte[] ToBytes()
        {
            var body = Encoding.UTF8.GetBytes(Body ?? "");
            var head = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {ReasonOf(Status)}\r\n"));
            foreach (var (name, value) in Headers)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            if (Body is not null)
            {
                head.Append("Content-Type: application/json\r\n");
            }

            head.Append(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n"));
            return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
        }

        private static string ReasonOf(int status) => status switch
        {
            200 => "OK",
            201 => "Created",
            204 => "No Content",
            307 => "Temporary Redirect",
            404 => "Not Found",
            429 => "Too Many Requests",
            _ => "Status",
        };
    }
}

/// <summary>One request as <see cref="ScriptedServer"/> read it.</summary>
internal sealed record ReceivedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, string Body);
