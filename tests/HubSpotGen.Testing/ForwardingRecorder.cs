namespace HubSpotGen.Testing;

/// <summary>
/// A transport that sends over the real network (to a started emulator) and records every request as it leaves
/// the library's pipeline: method, path with query, and body. <see cref="BeforeSend"/> lets a test act at one exact
/// step of a longer call, such as injecting a fault into the emulator just before the dataflow itself is created.
/// </summary>
public sealed class ForwardingRecorder() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
{
    private readonly object _gate = new();
    private readonly List<RecordedCall> _calls = [];

    /// <summary>Runs before each request is forwarded, with what was recorded of it.</summary>
    public Action<RecordedCall>? BeforeSend { get; set; }

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    /// <summary>Each call as <c>METHOD path?query</c>, in the order sent.</summary>
    public IReadOnlyList<string> Lines => Calls.Select(call => call.Line).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
        var call = new RecordedCall(request.Method.Method, Uri.UnescapeDataString(request.RequestUri!.PathAndQuery), body, headers);
        lock (_gate)
        {
            _calls.Add(call);
        }

        BeforeSend?.Invoke(call);
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>One request as it left the pipeline; the path and query are unescaped, for reading; header names without regard to case.</summary>
public sealed record RecordedCall(string Method, string PathAndQuery, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    public string Path => PathAndQuery.Split('?')[0];

    public string Line => Method + " " + PathAndQuery;
}
