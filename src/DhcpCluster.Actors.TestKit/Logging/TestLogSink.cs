using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Testing;

/// <summary>
/// A logger provider that hands every entry to the registered listeners (event filters) and, when
/// given, writes it to the test output.
/// </summary>
public sealed class TestLogSink : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly Action<string>? _output;
    private Action<LogEntry>[] _listeners = [];

    /// <summary>Creates the sink.</summary>
    /// <param name="output">Where to write entries (e.g. xunit's test output), or null.</param>
    public TestLogSink(Action<string>? output = null) => _output = output;

    /// <summary>Adds a listener; dispose the result to remove it.</summary>
    public IDisposable Listen(Action<LogEntry> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Subscription(this, listener);
    }

    internal void Publish(LogEntry entry)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            listener(entry);
        }

        if (_output is not null)
        {
            try
            {
                var path = entry.ActorPath is null ? string.Empty : " [" + entry.ActorPath + "]";
                _output($"[{entry.Level}]{path} {entry.Category}: {entry.Message}{(entry.Exception is null ? string.Empty : Environment.NewLine + entry.Exception)}");
            }
            catch (InvalidOperationException)
            {
                // The test already finished: its output helper no longer accepts lines.
            }
        }
    }

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new TestLogger(this, categoryName);

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _listeners = [];
        }
    }

    private void Remove(Action<LogEntry> listener)
    {
        lock (_gate)
        {
            _listeners = Array.FindAll(_listeners, l => !ReferenceEquals(l, listener));
        }
    }

    private sealed class Subscription(TestLogSink sink, Action<LogEntry> listener) : IDisposable
    {
        public void Dispose() => sink.Remove(listener);
    }

    private sealed class TestLogger(TestLogSink sink, string category) : ILogger
    {
        [ThreadStatic]
        private static Stack<object>? t_scopes;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            t_scopes ??= new Stack<object>();
            t_scopes.Push(state);
            return new ScopeHandle();
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            string? path = null;
            if (t_scopes is { Count: > 0 } scopes)
            {
                foreach (var scope in scopes)
                {
                    if (scope is ActorLogScope actorScope)
                    {
                        path = actorScope.Path.ToString();
                        break;
                    }
                }
            }

            sink.Publish(new LogEntry(logLevel, category, formatter(state, exception), exception, path));
        }

        private sealed class ScopeHandle : IDisposable
        {
            public void Dispose()
            {
                if (t_scopes is { Count: > 0 })
                {
                    t_scopes.Pop();
                }
            }
        }
    }
}
