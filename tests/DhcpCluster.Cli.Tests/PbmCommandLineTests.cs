using System.Net;
using System.Net.Sockets;
using DhcpCluster.Cli.Endpoint;

namespace DhcpCluster.Cli.Tests;

public sealed class PbmCommandLineTests
{
    [Fact]
    public async Task Help_lists_the_palettes_and_their_commands()
    {
        var run = await PbmRun.RunAsync("help");
        Assert.Equal(0, run.ExitCode);
        foreach (var palette in new[] { "palette dhcp:", "palette cluster:", "palette cluster-sharding:" })
        {
            Assert.Contains(palette, run.Output, StringComparison.Ordinal);
        }

        foreach (var command in PbmCommandLine.Commands)
        {
            Assert.Contains("  " + command.Name + " ", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("default 127.0.0.1:9110", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_arguments_prints_help_and_fails()
    {
        var run = await PbmRun.RunAsync();
        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith("usage: pbm", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_palette_or_command_is_a_one_line_usage_error()
    {
        (await PbmRun.RunAsync("dhcp", "frobnicate")).AssertOneLineError(64, "unknown command 'dhcp frobnicate'");
        (await PbmRun.RunAsync("127.0.0.1:9110", "dhcp")).AssertOneLineError(64, "dhcp: missing command (leases, lease, stats, status, config-test)");
        (await PbmRun.RunAsync("no/such", "show")).AssertOneLineError(64, "'no/such' is neither a palette");
        (await PbmRun.RunAsync("127.0.0.1:9110", "nonsense", "show")).AssertOneLineError(64, "unknown palette 'nonsense'");
        (await PbmRun.RunAsync("dhcp", "stats", "extra")).AssertOneLineError(64, "unexpected argument 'extra'");
    }

    [Fact]
    public async Task An_unreachable_node_is_a_one_line_error()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var run = await PbmRun.RunAsync($"127.0.0.1:{port}", "dhcp", "status");
        run.AssertOneLineError(69, $"cannot reach 127.0.0.1:{port}");
    }

    [Theory]
    [InlineData("10.0.0.1:9000", "10.0.0.1", 9000)]
    [InlineData("node-1", "node-1", 9110)]
    [InlineData("[::1]:9111", "::1", 9111)]
    [InlineData("[fe80::1]", "fe80::1", 9110)]
    public void Endpoint_addresses_parse(string text, string host, int port)
    {
        Assert.True(EndpointAddress.TryParse(text, out var address));
        Assert.Equal(new EndpointAddress(host, port), address);
    }

    [Theory]
    [InlineData("host:0")]
    [InlineData("host:70000")]
    [InlineData("host:x")]
    [InlineData("::1")]
    [InlineData("[::1")]
    [InlineData(":9110")]
    [InlineData("a/b:1")]
    public void Malformed_endpoint_addresses_are_refused(string text) => Assert.False(EndpointAddress.TryParse(text, out _));
}
