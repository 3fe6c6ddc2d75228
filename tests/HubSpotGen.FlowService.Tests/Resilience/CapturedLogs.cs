using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>A logger factory that keeps every line at every level, for the secret scan and the retry count.</summary>
internal sealed class CapturedLogs : ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public int RetriesSeen => Lines.Count(line => line.Contains("Retrying after", StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = logLevel + " " + formatter(state, exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                line += " | " + string.Join(", ", values.Select(pair => pair.Key + "=" + pair.Value));
            }

            owner.Lines.Enqueue(exception is null ? line : line + " | " + exception);
        }
    }
}
