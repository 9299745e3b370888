using DhcpCluster.Logging;
using DhcpCluster.Logging.Configuration;
using DhcpCluster.Server.Configuration;

namespace DhcpCluster.Node.Hosting;

/// <summary>
/// The node's logging from its <c>Dhcp4.loggers</c> (Kea's keys, bound by the server's configuration binder): each
/// logger becomes a <see cref="KeaLoggerSpecification"/> of the Kea logging provider, with its severity, debug level
/// and outputs (stdout, stderr, syslog, or a file rotated at <c>maxsize</c> keeping <c>maxver</c> versions). No
/// loggers configured: Kea's default, <c>kea-dhcp4</c> at INFO on stdout.
/// </summary>
public static class NodeLogging
{
    /// <summary>The provider's specifications of <paramref name="loggers"/>.</summary>
    public static IReadOnlyList<KeaLoggerSpecification> Specifications(LoggersConfiguration loggers)
    {
        ArgumentNullException.ThrowIfNull(loggers);
        if (loggers.Loggers.Count == 0)
        {
            return KeaLoggerProvider.DefaultLoggers;
        }

        return [.. loggers.Loggers.Select(l => new KeaLoggerSpecification(
            l.Name,
            Severity(l.Severity),
            l.DebugLevel,
            [.. l.Outputs.Select(o => new KeaOutputOptions(o.Output, o.MaxSize, o.MaxVersions, o.Flush, o.Pattern))]))];
    }

    /// <summary>Kea's severity of the binder's.</summary>
    public static KeaSeverity Severity(LogSeverity severity) => severity switch
    {
        LogSeverity.Debug => KeaSeverity.Debug,
        LogSeverity.Info => KeaSeverity.Info,
        LogSeverity.Warn => KeaSeverity.Warn,
        LogSeverity.Error => KeaSeverity.Error,
        LogSeverity.Fatal => KeaSeverity.Fatal,
        _ => KeaSeverity.None,
    };
}
