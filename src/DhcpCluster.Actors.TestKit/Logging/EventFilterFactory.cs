using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Testing;

/// <summary>Creates log-event filters (Akka's <c>EventFilter</c>): <c>EventFilter.Exception&lt;T&gt;().ExpectOne(() =&gt; ...)</c>.</summary>
public sealed class EventFilterFactory
{
    private readonly TestKitBase _testKit;

    internal EventFilterFactory(TestKitBase testKit) => _testKit = testKit;

    /// <summary>Error entries carrying an exception of type <typeparamref name="T"/> (or a subtype).</summary>
    public EventFilter Exception<T>(string? message = null, string? start = null, string? contains = null, string? source = null)
        where T : Exception
        => Create(LogLevel.Warning, typeof(T), message, start, contains, source, exceptionMessage: true);

    /// <summary>Error entries.</summary>
    public EventFilter Error(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Create(LogLevel.Error, null, message, start, contains, source, exceptionMessage: false);

    /// <summary>Warning entries.</summary>
    public EventFilter Warning(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Create(LogLevel.Warning, null, message, start, contains, source, exceptionMessage: false);

    /// <summary>Information entries.</summary>
    public EventFilter Info(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Create(LogLevel.Information, null, message, start, contains, source, exceptionMessage: false);

    /// <summary>Debug entries.</summary>
    public EventFilter Debug(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Create(LogLevel.Debug, null, message, start, contains, source, exceptionMessage: false);

    private EventFilter Create(LogLevel level, Type? exceptionType, string? message, string? start, string? contains, string? source, bool exceptionMessage)
    {
        bool Matches(LogEntry entry)
        {
            if (exceptionType is null ? entry.Level != level : (entry.Exception is null || !exceptionType.IsInstanceOfType(entry.Exception) || entry.Level < level))
            {
                return false;
            }

            var text = exceptionMessage && entry.Exception is not null ? entry.Exception.Message : entry.Message;
            if (message is not null && !string.Equals(text, message, StringComparison.Ordinal))
            {
                return false;
            }

            if (start is not null && !text.StartsWith(start, StringComparison.Ordinal))
            {
                return false;
            }

            if (contains is not null && !text.Contains(contains, StringComparison.Ordinal))
            {
                return false;
            }

            return source is null || string.Equals(entry.ActorPath, source, StringComparison.Ordinal) || string.Equals(entry.Category, source, StringComparison.Ordinal);
        }

        var description = exceptionType is null ? $"{level} entries" : $"entries with {exceptionType.Name}";
        return new EventFilter(_testKit, Matches, description);
    }
}
