namespace DhcpCluster.Logging.Configuration;

/// <summary>One element of Kea's <c>loggers</c> list.</summary>
/// <param name="Name">The logger name (<c>kea-dhcp4</c>, <c>kea-dhcp4.packets</c>, ... or one of our categories; see <see cref="KeaLoggerNames"/>).</param>
/// <param name="Severity">The least severe messages logged.</param>
/// <param name="DebugLevel">0-99: with <see cref="KeaSeverity.Debug"/>, 50 and above also logs trace detail.</param>
/// <param name="OutputOptions">Where the messages go (stdout when empty).</param>
public sealed record KeaLoggerSpecification(string Name, KeaSeverity Severity, int DebugLevel, IReadOnlyList<KeaOutputOptions> OutputOptions);
