using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HubSpotGen.Testing;

/// <summary>One request as the scripted server read it.</summary>
public sealed record ScriptedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>What the scripted server does with one request: answer it, or close the connection without a word.</summary>
public sealed record ScriptedAnswer(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, bool Drop = false, bool WithoutLength = false, long StreamedBodyBytes = 0, bool RandomBytes = false, bool Hang = false, bool CutOffBody = false)
{
    /// <summary>Hold the connection open and never answer.</summary>
    public static readonly ScriptedAnswer Never = new(0, Hang: true);

    /// <summary>
    /// Start a 200 answer and close half-way through its body: the answer is lost on the way back, after the
    /// server acted. Unlike a drop, the transport cannot take it for a connection closed before the request was
    /// read, so it never resends on its own.
    /// </summary>
    public static readonly ScriptedAnswer CutOff = new(200, "{\"id\": \"", new Dictionary<string, string> { ["Content-Type"] = "application/json", ["Content-Length"] = "400" }, WithoutLength: true, CutOffBody: true);

    /// <summary>Read the whole request (so the service counts as having acted), then close without answering.</summary>
    public static readonly ScriptedAnswer DropConnection = new(0, Drop: true);

    /// <summary>Read the whole request, answer 512 random bytes that are no HTTP at all, and close.</summary>
    public static readonly ScriptedAnswer RandomDataThenClose = new(0, RandomBytes: true);

    public static ScriptedAnswer Json(int status, string body) => new(status, body, new Dictionary<string, string> { ["Content-Type"] = "application/json" });
}

/// <summary>
/// A loopback HTTP/1.1 server for the faults WireMock.Net cannot script at the right moment: it reads each whole
/// request, hands it to the script, and then answers, drops the connection after the "service" acted, or sends
/// bytes that are no HTTP at all (WireMock.Net 1.25 has no RANDOM_DATA_THEN_CLOSE fault). One
/// request per connection (it answers with Connection: close), so a drop never spoils a later request.
/// </summary>
public sealed class ScriptedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ScriptedRequest, ScriptedAnswer> _script;
    private readonly List<ScriptedRequest> _received = [];

    /// <summary>Answers the first request with the first answer, and so on; the last answer repeats.</summary>
    public static ScriptedHttpServer InTurn(params ScriptedAnswer[] answers)
    {
        var next = -1;
        return new ScriptedHttpServer(_ => answers[Math.Min(Interlocked.Increment(ref next), answers.Length - 1)]);
    }

    public ScriptedHttpServer(Func<ScriptedRequest, ScriptedAnswer> script)
    {
        _script = script;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The server's root, such as http://127.0.0.1:41234/.</summary>
    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every whole request read so far, oldest first.</summary>
    public IReadOnlyList<ScriptedRequest> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

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
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                lock (_received)
                {
                    _received.Add(request);
                }

                var answer = _script(request);
                if (answer.Hang)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }

                if (answer.Drop)
                {
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }

                if (answer.RandomBytes)
                {
                    var noise = new byte[512];
                    new Random(42).NextBytes(noise);
                    await stream.WriteAsync(noise);
                    return;
                }

                await WriteAnswerAsync(stream, answer);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up first, or the server is stopping; either way this connection is done.
            }
        }
    }

    private static async Task<ScriptedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer);
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
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
        while (received.Count - headerEnd - 4 < length)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return null;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var body = Encoding.UTF8.GetString(received.ToArray(), headerEnd + 4, length);
        return new ScriptedRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static async Task WriteAnswerAsync(NetworkStream stream, ScriptedAnswer answer)
    {
        var body = Encoding.UTF8.GetBytes(answer.Body ?? "");
        var head = new StringBuilder();
        head.Append("HTTP/1.1 ").Append(answer.Status).Append(' ').Append(ReasonOf(answer.Status)).Append("\r\n");
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (!answer.WithoutLength)
        {
            head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        head.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        await stream.WriteAsync(body);
        if (answer.CutOffBody)
        {
            return;
        }

        // A long body sent piece by piece without a length, as a streaming server would: the end is the close.
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        for (var sent = 0L; sent < answer.StreamedBodyBytes; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, answer.StreamedBodyBytes - sent)));
        }
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        307 => "Temporary Redirect",
        404 => "Not Found",
        412 => "Precondition Failed",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Status",
    };

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
