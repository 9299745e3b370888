using DhcpCluster.Logging.Configuration;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Logging.Tests;

public sealed partial class KeaLoggerProviderTests
{
    private const string Bare = "%p %c %m%n";
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    private KeaLoggerProvider Provider(params KeaLoggerSpecification[] loggers) =>
        new(loggers, new KeaLoggingEnvironment { StandardOutput = _stdout, StandardError = _stderr, Time = new FixedTime(DateTimeOffset.UnixEpoch) });

    private static KeaLoggerSpecification Logger(string name, KeaSeverity severity, int debugLevel = 0, string output = "stdout") =>
        new(name, severity, debugLevel, [new KeaOutputOptions(output, Pattern: Bare)]);

    [LoggerMessage(EventId = 100, EventName = "DHCP4_PACKET_RECEIVED", Level = LogLevel.Debug, Message = "{Client}: DHCPDISCOVER received")]
    private static partial void LogPacketReceived(ILogger logger, string client);

    [Fact]
    public void Severity_filters_below_the_threshold()
    {
        using var provider = Provider(Logger("kea-dhcp4", KeaSeverity.Warn));
        var logger = provider.CreateLogger("DhcpCluster.Server");
        logger.LogInformation("not shown");
        logger.LogWarning("shown warning");
        logger.LogError("shown error");
        logger.LogCritical("shown fatal");
        Assert.Equal("WARN kea-dhcp4.dhcpsrv shown warning\nERROR kea-dhcp4.dhcpsrv shown error\nFATAL kea-dhcp4.dhcpsrv shown fatal\n", _stdout.ToString());
        Assert.False(logger.IsEnabled(LogLevel.Information));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(49, false)]
    [InlineData(50, true)]
    [InlineData(99, true)]
    public void Debug_logs_debug_and_trace_from_debuglevel_50(int debugLevel, bool traceShown)
    {
        using var provider = Provider(Logger("kea-dhcp4", KeaSeverity.Debug, debugLevel));
        var logger = provider.CreateLogger("DhcpCluster.Server");
        logger.LogDebug("debug");
        logger.LogTrace("trace");
        Assert.Equal(traceShown ? "DEBUG kea-dhcp4.dhcpsrv debug\nDEBUG kea-dhcp4.dhcpsrv trace\n" : "DEBUG kea-dhcp4.dhcpsrv debug\n", _stdout.ToString());
    }

    [Fact]
    public void The_most_specific_logger_governs_a_category_with_its_own_outputs()
    {
        using var provider = Provider(Logger("kea-dhcp4", KeaSeverity.Info), Logger("kea-dhcp4.packets", KeaSeverity.Debug, output: "stderr"));
        LogPacketReceived(provider.CreateLogger("DhcpCluster.Server.Packets.InterfaceSocket"), "08:00:2b:01:02:03");
        provider.CreateLogger("DhcpCluster.Server.Leases").LogDebug("lease detail");
        provider.CreateLogger("DhcpCluster.Server.Leases").LogInformation("lease info");
        provider.CreateLogger("DhcpCluster.Server.PacketsOther").LogDebug("not a child of Packets");
        Assert.Equal("DEBUG kea-dhcp4.packets DHCP4_PACKET_RECEIVED 08:00:2b:01:02:03: DHCPDISCOVER received\n", _stderr.ToString());
        Assert.Equal("INFO kea-dhcp4.leases lease info\n", _stdout.ToString());
    }

    [Fact]
    public void Without_a_root_logger_other_categories_are_not_logged()
    {
        using var provider = Provider(Logger("kea-dhcp4.commands", KeaSeverity.Info));
        provider.CreateLogger("DhcpCluster.Server").LogError("dropped");
        provider.CreateLogger("DhcpCluster.Control.Endpoint.ControlEndpoint").LogInformation("kept");
        Assert.Equal("INFO kea-dhcp4.commands kept\n", _stdout.ToString());
    }

    [Fact]
    public void Our_category_names_work_as_logger_names()
    {
        using var provider = Provider(Logger("DhcpCluster.Actors", KeaSeverity.Debug));
        provider.CreateLogger("DhcpCluster.Actors.Persistence.Journal").LogDebug("journal");
        Assert.Equal("DEBUG kea-dhcp4.database journal\n", _stdout.ToString());
        Assert.True(KeaLoggerNames.IsKnown("DhcpCluster.Actors"));
        Assert.False(KeaLoggerNames.IsKnown("kea-dhcp4.eval"));
    }

    [Fact]
    public void A_message_template_starting_with_its_id_does_not_repeat_it()
    {
        using var provider = Provider(Logger("kea-dhcp4", KeaSeverity.Info));
        provider.CreateLogger("DhcpCluster.Node").Log(LogLevel.Information, new EventId(1, "DHCP4_STARTED"), "DHCP4_STARTED started", null, static (s, _) => s);
        Assert.Equal("INFO kea-dhcp4.dhcp4 DHCP4_STARTED started\n", _stdout.ToString());
    }

    [Theory]
    [InlineData("kea-dhcp4", 100, "stdout", "debuglevel 100 is outside 0-99")]
    [InlineData("", 0, "stdout", "a logger without a name")]
    [InlineData("kea-dhcp4", 0, "syslog:local9", "unknown syslog facility 'local9'")]
    [InlineData("kea-dhcp4", 0, "", "an output_options element without 'output'")]
    public void Unusable_loggers_are_refused(string name, int debugLevel, string output, string reason)
    {
        var error = Assert.Throws<KeaLoggingConfigurationException>(() => Provider(new KeaLoggerSpecification(name, KeaSeverity.Info, debugLevel, [new KeaOutputOptions(output)])));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logger_configured_twice_is_refused()
    {
        var error = Assert.Throws<KeaLoggingConfigurationException>(() => Provider(Logger("kea-dhcp4", KeaSeverity.Info), Logger("kea-dhcp4", KeaSeverity.Debug)));
        Assert.Contains("configured twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_pattern_names_the_logger_and_output()
    {
        var error = Assert.Throws<KeaLoggingConfigurationException>(() => Provider(new KeaLoggerSpecification("kea-dhcp4", KeaSeverity.Info, 0, [new KeaOutputOptions("stderr", Pattern: "%L")])));
        Assert.StartsWith("loggers: logger 'kea-dhcp4': output 'stderr': pattern \"%L\": unsupported conversion '%L'", error.Message, StringComparison.Ordinal);
    }
}
