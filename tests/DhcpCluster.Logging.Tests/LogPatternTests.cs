using DhcpCluster.Logging.Configuration;
using DhcpCluster.Logging.Patterns;

namespace DhcpCluster.Logging.Tests;

public sealed class LogPatternTests
{
    private static readonly LogLine Line = new(
        new DateTimeOffset(2026, 11, 22, 2, 45, 7, TimeSpan.Zero).AddTicks(1234567),
        "INFO",
        "kea-dhcp4.packets",
        "DHCP4_PACKET_RECEIVED",
        "[hwtype=1 08:00:2b:01:02:03], cid=[no info], tid=0x1234: DHCPDISCOVER (type 1) received",
        null,
        42);

    [Fact]
    public void Keas_file_pattern_renders_date_severity_logger_pid_thread_and_the_message_id_first()
    {
        var pattern = LogPattern.Compile("%d{%Y-%m-%d %H:%M:%S.%q} %-5p [%c/%i.%t] %m%n", "host1");
        Assert.Equal(
            $"2026-11-22 02:45:07.123 INFO  [kea-dhcp4.packets/{Environment.ProcessId}.42] DHCP4_PACKET_RECEIVED [hwtype=1 08:00:2b:01:02:03], cid=[no info], tid=0x1234: DHCPDISCOVER (type 1) received\n",
            pattern.Render(Line));
    }

    [Theory]
    [InlineData("%7p|", "   INFO|")]
    [InlineData("%-7p|", "INFO   |")]
    [InlineData("%2p|", "INFO|")]
    [InlineData("100%% %h", "100% host1")]
    [InlineData("%d{%y/%b/%a %j} %d{%H%M%S %Q}", "26/Nov/Sun 326 024507 123.456")]
    [InlineData("%d", "2026-11-22 02:45:07")]
    [InlineData("%c %p", "kea-dhcp4.packets INFO")]
    [InlineData("[%m]", "[DHCP4_PACKET_RECEIVED [hwtype=1 08:00:2b:01:02:03], cid=[no info], tid=0x1234: DHCPDISCOVER (type 1) received]")]
    public void Conversions_and_widths(string pattern, string expected) =>
        Assert.Equal(expected, LogPattern.Compile(pattern, "host1").Render(Line));

    [Fact]
    public void A_message_without_id_is_the_text_and_an_exception_follows_on_the_next_lines()
    {
        var line = Line with { MessageId = null, Text = "plain", Exception = new InvalidOperationException("boom") };
        var rendered = LogPattern.Compile("%m").Render(line);
        Assert.StartsWith("plain" + Environment.NewLine + "System.InvalidOperationException: boom", rendered, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%l", "unsupported conversion '%l'")]
    [InlineData("%-5x", "unsupported conversion '%-5x'")]
    [InlineData("abc %", "'%' at the end")]
    [InlineData("%d{%Y", "'{' without '}' after %d")]
    [InlineData("%d{%Z}", "unsupported '%Z'")]
    public void Unsupported_patterns_are_refused_with_the_reason(string pattern, string reason)
    {
        var error = Assert.Throws<KeaLoggingConfigurationException>(() => LogPattern.Compile(pattern));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
