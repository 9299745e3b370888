using DhcpCluster.Logging.Outputs;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Logging;

/// <summary>The logger of one category: the severity threshold and outputs of the Kea logger that governs it.</summary>
internal sealed class KeaLogger : ILogger
{
    private readonly string _displayName;
    private readonly LogLevel _minimum;
    private readonly LogOutput[] _outputs;
    private readonly TimeProvider _time;

    public KeaLogger(string displayName, LogLevel minimum, LogOutput[] outputs, TimeProvider time)
    {
        _displayName = displayName;
        _minimum = minimum;
        _outputs = outputs;
        _time = time;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= _minimum && _outputs.Length > 0;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var text = formatter(state, exception);
        var id = string.IsNullOrEmpty(eventId.Name) ? null : eventId.Name;
        if (id is not null && text.StartsWith(id, StringComparison.Ordinal) && (text.Length == id.Length || text[id.Length] == ' '))
        {
            // The message template already starts with its id (as Kea's message files write them): do not repeat it.
            text = text.Length == id.Length ? string.Empty : text[(id.Length + 1)..];
        }

        var line = new LogLine(_time.GetUtcNow(), SeverityText(logLevel), _displayName, id, text, exception, Environment.CurrentManagedThreadId);
        foreach (var output in _outputs)
        {
            output.Write(line);
        }
    }

    internal static string SeverityText(LogLevel level) => level switch
    {
        LogLevel.Critical => "FATAL",
        LogLevel.Error => "ERROR",
        LogLevel.Warning => "WARN",
        LogLevel.Information => "INFO",
        _ => "DEBUG",
    };
}
