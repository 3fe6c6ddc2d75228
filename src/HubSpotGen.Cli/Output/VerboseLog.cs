using System.Globalization;
using HubSpotGen.FlowService;
using Microsoft.Extensions.Logging;

namespace HubSpotGen.Cli.Output;

/// <summary>
/// <c>--verbose</c>: the library's own log events, one line each on stderr, as "verbose: METHOD PATH: what
/// happened". The library's events carry method, path, status, retry number and delay, and never a header value,
/// body or credential, so this only chooses words; nothing here reads a request.
/// </summary>
internal sealed class VerboseLog(TextWriter error) : ILoggerFactory, ILogger
{
    /// <summary>
    /// The request of the current call, so that a retry line (which names no request) says which one it repeats.
    /// Per async flow: what a call sets is seen by its own retries, not by a call beside it.
    /// </summary>
    private static readonly AsyncLocal<Attempts?> Current = new();

    private readonly Lock _writing = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
        // Lines go to stderr only; there is nothing to add.
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        object? Value(string name) => values.FirstOrDefault(pair => pair.Key == name).Value;
        string Text(string name) => Convert.ToString(Value(name), CultureInfo.InvariantCulture) ?? "";

        string? line = null;
        switch (eventId.Id)
        {
            case FlowServiceEventIds.RequestSending:
                Current.Value = new Attempts(Text("Method") + " " + Text("Path"));
                line = $"{Current.Value.Request}: attempt 1";
                break;
            case FlowServiceEventIds.Retrying when Current.Value is { } attempts:
                var delay = Value("Delay") is TimeSpan wait ? wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s" : Text("Delay");
                line = $"{attempts.Request}: attempt {attempts.Count} got {Text("Reason")}; retry {Text("Retry")} of {Text("MaxRetries")}, attempt {attempts.Count + 1} in {delay}";
                attempts.Count++;
                break;
            case FlowServiceEventIds.RepeatingWithRenewedToken when Current.Value is { } attempts:
                line = $"{attempts.Request}: attempt {attempts.Count} got 401; attempt {attempts.Count + 1} with a renewed token";
                attempts.Count++;
                break;
            case FlowServiceEventIds.ResponseReceived when Current.Value is { } attempts:
                line = $"{attempts.Request}: answered {Text("Status")} on attempt {attempts.Count}";
                break;
            case FlowServiceEventIds.FetchingImsToken:
                // The token request's own retries are reported against it.
                Current.Value = new Attempts("POST " + Text("TokenAddress"));
                line = $"{Current.Value.Request}: attempt 1 (IMS access token)";
                break;
            default:
                // Any other event of the library: its own message, which by the library's rule holds no secret.
                line = formatter(state, null);
                break;
        }

        lock (_writing)
        {
            error.WriteLine("verbose: " + ServiceErrorReport.OneLine(line));
        }
    }

    public void Dispose()
    {
        // Nothing is held: the writer is the caller's.
    }

    private sealed class Attempts(string request)
    {
        public string Request { get; } = request;

        public int Count { get; set; } = 1;
    }
}
