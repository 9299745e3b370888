namespace DhcpCluster.Server.Configuration;

/// <summary>Kea's <c>loggers</c>: parsed and validated; the logging setup acts on them.</summary>
/// <param name="Loggers">The loggers in the order written.</param>
public sealed record LoggersConfiguration(IReadOnlyList<LoggerConfiguration> Loggers)
{
    /// <summary>No logger configured (the defaults of the logging setup apply).</summary>
    public static LoggersConfiguration None { get; } = new([]);
}
