using DhcpCluster.Hocon;
using DhcpCluster.Logging;
using DhcpCluster.Logging.Configuration;
using DhcpCluster.Node.Hosting;
using DhcpCluster.Server.Configuration;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Node.Tests.Hosting;

/// <summary>The node's Dhcp4.loggers (bound by the server's binder) driving the Kea logging provider.</summary>
public sealed class NodeLoggingTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dhcp-node-logging-" + Guid.NewGuid().ToString("N")[..12]);

    public NodeLoggingTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_file_output_rotates_at_maxsize_keeping_maxver_files_and_each_logger_filters_by_its_severity()
    {
        var file = Path.Combine(directory, "kea.log");
        var loggers = Bind($$"""
            loggers = [
              { name = "kea-dhcp4", severity = "INFO", output_options = [ { output = "{{file}}", maxsize = 204800, maxver = 2, pattern = "%-5p %c %m\n" } ] }
              { name = "kea-dhcp4.packets", severity = "DEBUG", debuglevel = 10, output_options = [ { output = "{{file}}", maxsize = 204800, maxver = 2, pattern = "%-5p %c %m\n" } ] }
              { name = "kea-dhcp4.leases", severity = "ERROR", output_options = [ { output = "{{file}}", maxsize = 204800, maxver = 2, pattern = "%-5p %c %m\n" } ] }
            ]
            """);
        var specifications = NodeLogging.Specifications(loggers);
        Assert.Equal([KeaSeverity.Info, KeaSeverity.Debug, KeaSeverity.Error], specifications.Select(s => s.Severity).ToArray());
        Assert.Equal(204800, specifications[0].OutputOptions[0].MaxSize);
        Assert.Equal(2, specifications[0].OutputOptions[0].MaxVersions);

        using (var provider = new KeaLoggerProvider(specifications))
        {
            var server = provider.CreateLogger("DhcpCluster.Server.Hosting");
            var packets = provider.CreateLogger("DhcpCluster.Server.Packets");
            var leases = provider.CreateLogger("DhcpCluster.Server.Leases");
            server.LogDebug("SERVER_DEBUG not at INFO");
            packets.LogDebug("PACKET_DEBUG logged at DEBUG");
            packets.LogTrace("PACKET_TRACE needs debuglevel 50");
            leases.LogWarning("LEASE_WARN not at ERROR");
            leases.LogError("LEASE_ERROR logged");
            var padding = new string('x', 200);
            for (var i = 0; i < 3_000; i++)
            {
                server.LogInformation("SERVER_INFO line {Index} {Padding}", i, padding);
            }
        }

        Assert.True(File.Exists(file + ".1"));
        Assert.True(File.Exists(file + ".2"));
        Assert.False(File.Exists(file + ".3"));
        foreach (var path in new[] { file, file + ".1", file + ".2" })
        {
            Assert.InRange(new FileInfo(path).Length, 1, 204800);
        }

        var all = new[] { file + ".2", file + ".1", file }.SelectMany(File.ReadAllLines).ToList();
        Assert.Equal("INFO  kea-dhcp4.dhcpsrv SERVER_INFO line 2999 " + new string('x', 200), all[^1]);
        Assert.DoesNotContain(all, l => l.Contains("SERVER_DEBUG", StringComparison.Ordinal) || l.Contains("PACKET_TRACE", StringComparison.Ordinal) || l.Contains("LEASE_WARN", StringComparison.Ordinal));
        var oldest = File.ReadAllLines(file + ".2");
        Assert.DoesNotContain(oldest, l => l.Contains("SERVER_INFO line 0 ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_first_lines_of_a_run_show_the_filtered_categories_before_rotation()
    {
        var file = Path.Combine(directory, "first.log");
        var loggers = Bind($$"""
            loggers = [
              { name = "kea-dhcp4", severity = "WARN", output_options = [ { output = "{{file}}", pattern = "%p %m\n" } ] }
              { name = "kea-dhcp4.packets", severity = "DEBUG", debuglevel = 60, output_options = [ { output = "{{file}}", pattern = "%p %m\n" } ] }
              { name = "kea-dhcp4.leases", severity = "NONE" }
            ]
            """);
        using (var provider = new KeaLoggerProvider(NodeLogging.Specifications(loggers)))
        {
            provider.CreateLogger("DhcpCluster.Node").LogInformation("NODE_INFO filtered");
            provider.CreateLogger("DhcpCluster.Node").LogWarning("NODE_WARN kept");
            provider.CreateLogger("DhcpCluster.Server.Packets").LogTrace("PACKET_TRACE kept at debuglevel 60");
            provider.CreateLogger("DhcpCluster.Server.Leases").LogCritical("LEASE_FATAL silenced by NONE");
        }

        Assert.Equal(["WARN NODE_WARN kept", "DEBUG PACKET_TRACE kept at debuglevel 60"], File.ReadAllLines(file));
    }

    [Fact]
    public void Without_loggers_the_node_logs_as_Kea_does_by_default()
    {
        var specification = Assert.Single(NodeLogging.Specifications(LoggersConfiguration.None));
        Assert.Equal(KeaLoggerNames.Root, specification.Name);
        Assert.Equal(KeaSeverity.Info, specification.Severity);
        Assert.Equal("stdout", Assert.Single(specification.OutputOptions).Output);
    }

    private static LoggersConfiguration Bind(string loggers)
    {
        var config = ConfigFactory.ParseString($$"""
            Dhcp4 {
              interfaces-config { interfaces = [ "lo" ] }
              subnet4 = [ { id = 1, subnet = "192.0.2.0/24" } ]
              {{loggers}}
            }
            """);
        var binding = ServerConfigurationBinder.Bind(config);
        Assert.False(binding.HasErrors, string.Join("\n", binding.Problems));
        return binding.Configuration!.Loggers;
    }
}
