using System.Net.Sockets;
using System.Text;
using DhcpCluster.Logging.Configuration;
using DhcpCluster.Logging.Outputs;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Logging.Tests;

public sealed class SyslogOutputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kea-syslog-").FullName;
    private readonly Socket _daemon;

    public SyslogOutputTests()
    {
        _daemon = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified) { ReceiveTimeout = 10_000 };
        _daemon.Bind(new UnixDomainSocketEndPoint(SocketPath));
    }

    private string SocketPath => Path.Combine(_directory, "log");

    public void Dispose()
    {
        _daemon.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private KeaLoggerProvider Provider(string output, SyslogFormat format, string? socketPath = null) => new(
        [new KeaLoggerSpecification("kea-dhcp4", KeaSeverity.Info, 0, [new KeaOutputOptions(output)])],
        new KeaLoggingEnvironment
        {
            SyslogSocketPath = socketPath ?? SocketPath,
            SyslogFormat = format,
            HostName = "node1",
            Time = new FixedTime(new DateTimeOffset(2026, 11, 2, 2, 45, 7, 123, TimeSpan.Zero)),
        });

    private string Receive()
    {
        var buffer = new byte[4096];
        var length = _daemon.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    [Fact]
    public void Rfc3164_datagrams_carry_priority_time_ident_pid_and_the_kea_line()
    {
        using (var provider = Provider("syslog", SyslogFormat.Rfc3164))
        {
            provider.CreateLogger("DhcpCluster.Server.Leases").Log(LogLevel.Warning, new EventId(7, "DHCP4_DECLINE_LEASE"), "address 192.0.2.5 declined", null, static (s, _) => s);
        }

        var datagram = Receive();
        var local = new DateTimeOffset(2026, 11, 2, 2, 45, 7, 123, TimeSpan.Zero).ToLocalTime();
        Assert.Equal(
            $"<12>Nov {local.Day,2} {local:HH:mm:ss} dhcp-node[{Environment.ProcessId}]: WARN  [kea-dhcp4.leases.{Environment.CurrentManagedThreadId}] DHCP4_DECLINE_LEASE address 192.0.2.5 declined",
            datagram);
    }

    [Fact]
    public void Rfc5424_datagrams_put_the_message_id_in_MSGID_and_use_the_facility()
    {
        using (var provider = Provider("syslog:local3", SyslogFormat.Rfc5424))
        {
            provider.CreateLogger("DhcpCluster.Server").Log(LogLevel.Information, new EventId(1, "DHCP4_STARTED"), "server started", null, static (s, _) => s);
            provider.CreateLogger("DhcpCluster.Server").LogCritical("no id");
        }

        Assert.Equal(
            $"<158>1 2026-11-02T02:45:07.123000Z node1 dhcp-node {Environment.ProcessId} DHCP4_STARTED - INFO  [kea-dhcp4.dhcpsrv.{Environment.CurrentManagedThreadId}] DHCP4_STARTED server started",
            Receive());
        Assert.StartsWith($"<154>1 2026-11-02T02:45:07.123000Z node1 dhcp-node {Environment.ProcessId} - - FATAL", Receive(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_syslog_daemon_lines_are_dropped_and_counted()
    {
        using var provider = Provider("syslog", SyslogFormat.Rfc3164, Path.Combine(_directory, "nobody-listens"));
        var logger = provider.CreateLogger("DhcpCluster.Server");
        logger.LogError("lost 1");
        logger.LogError("lost 2");
        Assert.Equal(2, Assert.IsType<SyslogLogOutput>(Assert.Single(provider.Outputs)).Dropped);
    }
}
