using System.Text.Json.Nodes;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Tests.Endpoint;
using DhcpCluster.Statistics;

namespace DhcpCluster.Cli.Tests;

public sealed class PbmDhcpPaletteTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pbm-").FullName;
    private RunningEndpoint _node = null!;

    private string Endpoint => _node.Endpoint.LocalEndPoint!.ToString();

    public async Task InitializeAsync() => _node = await RunningEndpoint.StartAsync();

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task AddLeasesAsync()
    {
        await _node.SendAsync(CommandNames.Lease4Add, new JsonObject { ["ip-address"] = "192.0.2.10", ["hw-address"] = "08:00:2b:01:02:03", ["hostname"] = "alpha", ["expire"] = 1_900_000_000 });
        await _node.SendAsync(CommandNames.Lease4Add, new JsonObject { ["ip-address"] = "192.0.2.200", ["hw-address"] = "08:00:2b:01:02:04", ["client-id"] = "01:08:00:2b:01:02:04" });
        await _node.SendAsync(CommandNames.Lease4Add, new JsonObject { ["ip-address"] = "198.51.100.5", ["hw-address"] = "08:00:2b:01:02:05" });
    }

    [Fact]
    public async Task Leases_prints_an_aligned_table_and_the_count()
    {
        await AddLeasesAsync();
        var run = await PbmRun.RunAsync(Endpoint, "dhcp", "leases");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        var lines = run.OutputLines;
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("Address       HW address", lines[0], StringComparison.Ordinal);
        Assert.Equal("Count: 3 leases", lines[^1]);
        var hwColumn = lines[0].IndexOf("HW address", StringComparison.Ordinal);
        Assert.All(lines[1..4], l => Assert.Equal("08:00:2b", l.Substring(hwColumn, 8)));
        Assert.Contains("192.0.2.10    08:00:2b:01:02:03  -", lines[1], StringComparison.Ordinal);
        Assert.Contains("alpha", lines[1], StringComparison.Ordinal);
        Assert.Contains("2030-03-17 17:46:40", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leases_of_one_subnet()
    {
        await AddLeasesAsync();
        var run = await PbmRun.RunAsync(Endpoint, "dhcp", "leases", "--subnet", "2");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Count: 1 lease", run.OutputLines[^1]);
        Assert.StartsWith("198.51.100.5", run.OutputLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leases_without_any_prints_an_empty_table()
    {
        var run = await PbmRun.RunAsync(Endpoint, "dhcp", "leases");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Count: 0 leases", run.OutputLines[^1]);
    }

    [Fact]
    public async Task Leases_json_prints_the_nodes_list_wrapped_response()
    {
        await AddLeasesAsync();
        var run = await PbmRun.RunAsync(Endpoint, "dhcp", "leases", "--json");
        Assert.Equal(0, run.ExitCode);
        var response = JsonNode.Parse(run.Output)!.AsArray().Single()!;
        Assert.Equal(0, response["result"]!.GetValue<int>());
        Assert.Equal(3, response["arguments"]!["leases"]!.AsArray().Count);
    }

    [Fact]
    public async Task Leases_with_a_bad_subnet_is_a_usage_error()
    {
        (await PbmRun.RunAsync(Endpoint, "dhcp", "leases", "--subnet", "abc")).AssertOneLineError(64, "--subnet: 'abc' is not a subnet id");
        (await PbmRun.RunAsync(Endpoint, "dhcp", "leases", "--subnet")).AssertOneLineError(64, "option '--subnet' needs a value");
        (await PbmRun.RunAsync(Endpoint, "dhcp", "leases", "--colour", "red")).AssertOneLineError(64, "unknown option '--colour'");
    }

    [Fact]
    public async Task Lease_shows_one_lease_field_by_field()
    {
        await AddLeasesAsync();
        var run = await PbmRun.RunAsync(Endpoint, "dhcp", "lease", "192.0.2.200");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ip-address  192.0.2.200", run.Output, StringComparison.Ordinal);
        Assert.Contains("client-id   01:08:00:2b:01:02:04", run.Output, StringComparison.Ordinal);
        Assert.Contains("state       assigned", run.Output, StringComparison.Ordinal);
        Assert.Contains("valid-lft   3600 s", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lease_json_and_errors()
    {
        await AddLeasesAsync();
        var json = await PbmRun.RunAsync(Endpoint, "dhcp", "lease", "192.0.2.10", "--json");
        Assert.Equal("08:00:2b:01:02:03", JsonNode.Parse(json.Output)![0]!["arguments"]!["hw-address"]!.GetValue<string>());
        (await PbmRun.RunAsync(Endpoint, "dhcp", "lease", "192.0.2.11")).AssertOneLineError(3, "dhcp lease: Lease not found.");
        (await PbmRun.RunAsync(Endpoint, "dhcp", "lease", "nonsense")).AssertOneLineError(1, "'nonsense' is not a valid IPv4 address");
        (await PbmRun.RunAsync(Endpoint, "dhcp", "lease")).AssertOneLineError(64, "expected ADDR");
        var notFoundJson = await PbmRun.RunAsync(Endpoint, "dhcp", "lease", "192.0.2.11", "--json");
        Assert.Equal(3, notFoundJson.ExitCode);
        Assert.Equal(3, JsonNode.Parse(notFoundJson.Output)![0]!["result"]!.GetValue<int>());
    }

    [Fact]
    public async Task Stats_lists_every_statistic_with_its_value()
    {
        _node.Statistics.GetOrAdd(StatisticNames.Pkt4Received).Add(42);
        var run = await PbmRun.RunAsync(Endpoint, "dhcp", "stats");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Statistic", run.OutputLines[0], StringComparison.Ordinal);
        var row = run.OutputLines.Single(l => l.StartsWith("pkt4-received ", StringComparison.Ordinal));
        Assert.Contains(" 42 ", row, StringComparison.Ordinal);
        var json = await PbmRun.RunAsync(Endpoint, "dhcp", "stats", "--json");
        Assert.Equal(42, JsonNode.Parse(json.Output)![0]!["arguments"]!["pkt4-received"]![0]![0]!.GetValue<long>());
    }

    [Fact]
    public async Task Status_shows_pid_uptime_and_reload()
    {
        var run = await PbmRun.RunAsync(Endpoint, "dhcp", "status");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"pid     {Environment.ProcessId}", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"uptime  \d+ s", run.Output);
        var json = await PbmRun.RunAsync(Endpoint, "dhcp", "status", "--json");
        Assert.Equal(Environment.ProcessId, JsonNode.Parse(json.Output)![0]!["arguments"]!["pid"]!.GetValue<int>());
    }

    [Fact]
    public async Task Config_test_sends_a_HOCON_file_as_JSON_and_prints_the_verdict()
    {
        var good = Path.Combine(_directory, "good.conf");
        await File.WriteAllTextAsync(good, "Dhcp4 { valid-lifetime = 600 }\n");
        var run = await PbmRun.RunAsync(Endpoint, "dhcp", "config-test", good);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Configuration seems sane.", run.OutputLines.Single());

        var bad = Path.Combine(_directory, "bad.json");
        await File.WriteAllTextAsync(bad, """{ "Dhcp4": { "valid-lifetime": -1 } }""");
        (await PbmRun.RunAsync(Endpoint, "dhcp", "config-test", bad)).AssertOneLineError(1, "Dhcp4.valid-lifetime: must not be negative");
        (await PbmRun.RunAsync(Endpoint, "dhcp", "config-test", Path.Combine(_directory, "missing.conf"))).AssertOneLineError(64, "file not found");
        var broken = Path.Combine(_directory, "broken.conf");
        await File.WriteAllTextAsync(broken, "Dhcp4 { valid-lifetime = \n");
        (await PbmRun.RunAsync(Endpoint, "dhcp", "config-test", broken)).AssertOneLineError(64, "broken.conf");
    }

    [Fact]
    public async Task Cluster_palettes_are_not_available_until_the_cluster_exists()
    {
        (await PbmRun.RunAsync(Endpoint, "cluster", "show")).AssertOneLineError(2, "cluster show: not available on this node ('cluster-show' command not supported.)");
        (await PbmRun.RunAsync(Endpoint, "cluster-sharding", "region-stats", "clients")).AssertOneLineError(2, "not available on this node");
        var json = await PbmRun.RunAsync(Endpoint, "cluster", "leader", "--json");
        Assert.Equal(2, json.ExitCode);
        Assert.Equal(2, JsonNode.Parse(json.Output)![0]!["result"]!.GetValue<int>());
    }
}
