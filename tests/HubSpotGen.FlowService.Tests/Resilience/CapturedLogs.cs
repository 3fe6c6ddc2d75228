using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HubSpotGen.FlowService.Tests.Resilience;

/// <summary>A logger factory that keeps every line at every level, for the secret scan and the retry count.</summary>
internal sealed class CapturedLogs : ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Every entry with its category and event id, in the order written.</summary>
    public ConcurrentQueue<CapturedLogEntry> Entries { get; } = new();

    public int RetriesSeen => Lines.Count(line => line.Contains("Retrying after", StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
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

            line = exception is null ? line : line + " | " + exception;
            owner.Lines.Enqueue(line);
            owner.Entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId, line));
        }
    }
}

/// <summary>One log entry: where it came from, its event, and its whole text with the structured values.</summary>
internal sealed record CapturedLogEntry(string Category, LogLevel Level, EventId EventId, string Text);
