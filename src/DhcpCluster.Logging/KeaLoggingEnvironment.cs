using DhcpCluster.Logging.Outputs;

namespace DhcpCluster.Logging;

/// <summary>What the Kea logger provider writes to besides files: the process' streams, the syslog socket, the clock.</summary>
public sealed class KeaLoggingEnvironment
{
    /// <summary>Where <c>stdout</c> goes.</summary>
    public TextWriter StandardOutput { get; init; } = Console.Out;

    /// <summary>Where <c>stderr</c> goes.</summary>
    public TextWriter StandardError { get; init; } = Console.Error;

    /// <summary>The local syslog datagram socket.</summary>
    public string SyslogSocketPath { get; init; } = "/dev/log";

    /// <summary>The syslog datagram format (RFC 3164 as the C library sends to /dev/log, or RFC 5424).</summary>
    public SyslogFormat SyslogFormat { get; init; } = SyslogFormat.Rfc3164;

    /// <summary>The application name syslog shows.</summary>
    public string ApplicationName { get; init; } = "dhcp-node";

    /// <summary>The host name (<c>%h</c>, RFC 5424 HOSTNAME).</summary>
    public string HostName { get; init; } = Environment.MachineName;

    /// <summary>Directory relative file outputs are resolved against (the configuration file's); null for the working directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
