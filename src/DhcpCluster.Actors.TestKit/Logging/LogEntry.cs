using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Testing;

/// <summary>One captured log entry.</summary>
/// <param name="Level">Its level.</param>
/// <param name="Category">The logger category (the actor type for actor loggers).</param>
/// <param name="Message">The formatted message.</param>
/// <param name="Exception">The exception, if any.</param>
/// <param name="ActorPath">The actor path from the log scope, if logged by an actor.</param>
public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception, string? ActorPath);
