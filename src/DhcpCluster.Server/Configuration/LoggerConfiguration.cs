namespace DhcpCluster.Server.Configuration;

/// <summary>One Kea <c>loggers[]</c> entry.</summary>
/// <param name="Name">Kea's <c>name</c> (<c>kea-dhcp4</c>, <c>kea-dhcp4.packets</c>, ...).</param>
/// <param name="Severity">Kea's <c>severity</c>.</param>
/// <param name="DebugLevel">Kea's <c>debuglevel</c> (0..99), used with DEBUG.</param>
/// <param name="Outputs">Kea's <c>output_options</c>.</param>
public sealed record LoggerConfiguration(string Name, LogSeverity Severity, int DebugLevel, IReadOnlyList<LoggerOutput> Outputs);
