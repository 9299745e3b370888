using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>A logger that puts the actor's path into the log scope (<c>ActorPath</c>) of every entry.</summary>
internal sealed class ActorLogger : ILogger
{
    private readonly ILogger _inner;
    private readonly ActorLogScope _scope;

    public ActorLogger(ILogger inner, ActorPath path)
    {
        _inner = inner;
        _scope = new ActorLogScope(path);
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!_inner.IsEnabled(logLevel))
        {
            return;
        }

        using (_inner.BeginScope(_scope))
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
