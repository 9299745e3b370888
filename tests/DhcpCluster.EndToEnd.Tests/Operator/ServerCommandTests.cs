using System.Text.Json.Nodes;
using DhcpCluster.EndToEnd.Tests.Server;
using DhcpCluster.Hocon;

namespace DhcpCluster.EndToEnd.Tests.Operator;

/// <summary>status, version, configuration, statistics and shutdown commands against a running dhcp-node.</summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class ServerCommandTests
{
    [Fact]
    public async Task Status_version_and_configuration_commands_answer_as_Kea()
    {
        await using var op = await OperatorNode.StartAsync();

        var status = await op.CommandAsync("status-get");
        Assert.Equal(0, (int)status["result"]!);
        Assert.Equal(op.Node.Id, (int)status["arguments"]!["pid"]!, new ProcessIdComparer());
        Assert.InRange((long)status["arguments"]!["uptime"]!, 0, 600);
        Assert.InRange((long)status["arguments"]!["reload"]!, 0, 600);

        var version = await op.CommandAsync("version-get");
        Assert.Equal(0, (int)version["result"]!);
        Assert.Matches(@"^\d+\.\d+\.\d+", (string?)version["text"]);
        Assert.Contains("DhcpCluster", (string?)version["arguments"]!["extended"], StringComparison.Ordinal);

        var listed = (await op.CommandAsync("list-commands"))["arguments"]!.AsArray().Select(n => (string)n!).ToList();
        foreach (var name in new[] { "config-get", "config-test", "config-write", "lease4-add", "lease4-del", "lease4-get", "lease4-get-all", "lease4-get-by-client-id", "lease4-get-by-hostname", "lease4-get-by-hw-address", "lease4-get-page", "lease4-update", "lease4-wipe", "shutdown", "statistic-get", "statistic-get-all", "statistic-reset", "status-get", "version-get" })
        {
            Assert.Contains(name, listed, StringComparer.Ordinal);
        }

        var running = await op.CommandAsync("config-get");
        Assert.Equal(0, (int)running["result"]!);
        var subnets = running["arguments"]!["Dhcp4"]!["subnet4"]!.AsArray();
        Assert.Equal(["192.0.2.0/24", "198.51.100.0/24"], subnets.Select(s => (string)s!["subnet"]!).ToArray());
        Assert.Equal(4000, (int)running["arguments"]!["Dhcp4"]!["valid-lifetime"]!);

        // config-test applies dhcp-node --check's checks to the posted configuration.
        var candidate = running["arguments"]!.DeepClone().AsObject();
        Assert.Equal("Configuration seems sane.", (string?)(await op.CommandAsync("config-test", candidate))["text"]);
        candidate["Dhcp4"]!["subnet4"]![0]!["subnet"] = "192.0.2.0/33";
        var bad = await op.CommandAsync("config-test", candidate);
        Assert.Equal(1, (int)bad["result"]!);
        Assert.Contains("Dhcp4.subnet4[0].subnet", (string?)bad["text"], StringComparison.Ordinal);
        candidate["Dhcp4"]!["subnet4"]![0]!["subnet"] = "192.0.2.0/24";
        candidate["Dhcp4"]!["no-such-key"] = 1;
        Assert.Equal(1, (int)(await op.CommandAsync("config-test", candidate))["result"]!);
        Assert.Equal(1, (int)(await op.CommandAsync("config-test"))["result"]!);

        // config-write writes the running configuration next to the one the node was started with.
        var written = await op.CommandAsync("config-write", new JsonObject { ["filename"] = "op-written.conf" });
        Assert.Equal(0, (int)written["result"]!);
        var path = (string)written["arguments"]!["filename"]!;
        Assert.Equal(Path.Combine(op.Lab.Directory, "op-written.conf"), path);
        Assert.Equal(4000, ConfigFactory.ParseFile(path).GetInt("Dhcp4.valid-lifetime"));
        Assert.Equal(1, (int)(await op.CommandAsync("config-write", new JsonObject { ["filename"] = "/etc/op-elsewhere.conf" }))["result"]!);
    }

    [Fact]
    public async Task Statistics_carry_the_real_counters_with_Kea_names_and_reset_as_Kea_does_and_shutdown_exits_with_its_value()
    {
        await using var op = await OperatorNode.StartAsync();
        await op.ObtainLeaseAsync();

        var all = (await op.CommandAsync("statistic-get-all"))["arguments"]!.AsObject();
        Assert.Equal(1, Value(all, "pkt4-discover-received"));
        Assert.Equal(1, Value(all, "pkt4-request-received"));
        Assert.Equal(2, Value(all, "pkt4-received"));
        Assert.Equal(1, Value(all, "pkt4-offer-sent"));
        Assert.Equal(1, Value(all, "pkt4-ack-sent"));
        Assert.Equal(0, Value(all, "pkt4-nak-sent"));
        Assert.Equal(0, Value(all, "pkt4-parse-failed"));
        Assert.Equal(0, Value(all, "pkt4-receive-drop"));
        Assert.Equal(100, Value(all, "subnet[1].total-addresses"));
        Assert.Equal(1, Value(all, "subnet[1].assigned-addresses"));
        Assert.Equal(0, Value(all, "subnet[1].declined-addresses"));
        Assert.Equal(10, Value(all, "subnet[2].total-addresses"));
        Assert.Equal(0, Value(all, "reclaimed-leases"));
        Assert.Equal(1, Value(all, "client-actors-alive"));
        Assert.True(Value(all, "journal-commits") >= 1);
        Assert.True(Value(all, "journal-events") >= 1);
        Assert.True(Value(all, "journal-events-per-commit") >= 1);
        Assert.True(Number(all, "journal-commit-seconds") > 0); // the lease's write was committed
        Assert.True(Number(all, "journal-transaction-seconds") >= Number(all, "journal-commit-seconds"));
        Assert.Equal(0, Value(all, "pkt4-duplicate-drop"));
        Assert.True(all.ContainsKey("lease-syncs"));
        AssertMemoryGauges(all);

        // A sample is [value, "timestamp"] as Kea gives it.
        var one = await op.CommandAsync("statistic-get", new JsonObject { ["name"] = "pkt4-ack-sent" });
        var sample = one["arguments"]!["pkt4-ack-sent"]!.AsArray()[0]!.AsArray();
        Assert.Equal(1, (long)sample[0]!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$", (string?)sample[1]);

        // Commands change the subnet gauges too (they go through the same owner).
        await op.CommandAsync("lease4-add", new JsonObject { ["ip-address"] = "192.0.2.180", ["hw-address"] = "0a:00:00:00:00:09", ["state"] = 1 });
        Assert.Equal(1, await ValueAsync(op, "subnet[1].declined-addresses"));
        Assert.Equal(1, await ValueAsync(op, "declined-addresses"));

        await AssertResetsAsync(op);

        var shutdown = await op.CommandAsync("shutdown", new JsonObject { ["exit-value"] = 3 });
        Assert.Equal(0, (int)shutdown["result"]!);
        Assert.Equal(3, await op.Node.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(op.Node.Lines, l => l.Contains("DHCP4_SHUTDOWN", StringComparison.Ordinal));
        Assert.False((await op.Server.ExecAsync("curl", "-s", "-X", "POST", "-d", "{}", OperatorNode.Endpoint)).Succeeded);
    }

    [Fact]
    public async Task Loggers_send_lines_to_a_file_with_the_configured_pattern_and_filter_by_severity()
    {
        await using var op = await OperatorNode.StartAsync();
        var file = Path.Combine(op.Lab.Directory, "op-node.log");
        var config = NodeProcess.WriteConfig(op.Lab, [OperatorNode.ServerInterface], [NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.199")], name: "oplog", severity: "INFO");
        var text = File.ReadAllText(config).Replace(
            "loggers = [ { name = \"kea-dhcp4\", severity = \"INFO\", debuglevel = 99 } ]",
            $$"""
            loggers = [
              { name = "kea-dhcp4", severity = "INFO", output_options = [ { output = "stdout" }, { output = "{{file}}", maxsize = 204800, maxver = 2, pattern = "%p %c %m\n" } ] }
              { name = "kea-dhcp4.leases", severity = "WARN", output_options = [ { output = "{{file}}", pattern = "%p %c %m\n" } ] }
            ]
            """,
            StringComparison.Ordinal);
        File.WriteAllText(config, text);
        await op.RestartWithAsync(config);
        await op.ObtainLeaseAsync();
        await op.RestartWithAsync(config);

        var lines = File.ReadAllLines(file);
        Assert.Contains(lines, l => l.StartsWith("INFO kea-dhcp4.dhcpsrv DHCP4_STARTED ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("INFO kea-dhcp4.commands COMMAND_ENDPOINT_LISTENING ", StringComparison.Ordinal));
        // kea-dhcp4.leases is at WARN: its INFO lines (the owner's recovery) are filtered, in the file and on stdout.
        Assert.DoesNotContain(lines, l => l.Contains("DHCP4_POOL_OWNER_RECOVERED", StringComparison.Ordinal));
        Assert.DoesNotContain(op.Node.Lines, l => l.Contains("DHCP4_POOL_OWNER_RECOVERED", StringComparison.Ordinal));
        Assert.Contains(op.Node.Lines, l => l.Contains("DHCP4_STARTED", StringComparison.Ordinal));
    }

    private static async Task AssertResetsAsync(OperatorNode op)
    {
        // Reset: 0, then counting on from there; a gauge refuses; unknown names are empty.
        Assert.Equal(0, (int)(await op.CommandAsync("statistic-reset", new JsonObject { ["name"] = "pkt4-received" }).ConfigureAwait(false))["result"]!);
        Assert.Equal(0, await ValueAsync(op, "pkt4-received").ConfigureAwait(false));
        await op.ObtainLeaseAsync().ConfigureAwait(false);
        Assert.Equal(2, await ValueAsync(op, "pkt4-received").ConfigureAwait(false));
        Assert.Equal(2, await ValueAsync(op, "pkt4-ack-sent").ConfigureAwait(false));
        Assert.Equal(1, (int)(await op.CommandAsync("statistic-reset", new JsonObject { ["name"] = "subnet[1].assigned-addresses" }).ConfigureAwait(false))["result"]!);
        Assert.Equal(3, (int)(await op.CommandAsync("statistic-get", new JsonObject { ["name"] = "pkt4-no-such" }).ConfigureAwait(false))["result"]!);
        Assert.Equal(3, (int)(await op.CommandAsync("statistic-reset", new JsonObject { ["name"] = "pkt4-no-such" }).ConfigureAwait(false))["result"]!);
        Assert.Equal(1, (int)(await op.CommandAsync("statistic-get").ConfigureAwait(false))["result"]!);
        Assert.Equal(0, (int)(await op.CommandAsync("statistic-reset-all").ConfigureAwait(false))["result"]!);
        Assert.Equal(0, await ValueAsync(op, "pkt4-ack-sent").ConfigureAwait(false));
        Assert.Equal(1, await ValueAsync(op, "subnet[1].assigned-addresses").ConfigureAwait(false));
    }

    /// <summary>The process's memory as the node publishes it: no passivation wave yet, so no trim.</summary>
    private static void AssertMemoryGauges(JsonObject all)
    {
        Assert.Equal(0, Value(all, "memory-trims"));
        Assert.True(Value(all, "resident-bytes") > 10_000_000);
        Assert.True(Value(all, "gc-heap-size") > 0);
        Assert.True(Value(all, "gc-committed-bytes") >= 0); // after the last collection: 0 while none has run
        Assert.True(Value(all, "gc-fragmented-bytes") >= 0);
        Assert.True(Value(all, "database-memory-bytes") > 0); // the SQLite journal's caches
        Assert.Equal(Value(all, "gc-collections") == 0, Number(all, "gc-pause-seconds") == 0); // paused only if it collected
    }

    private static double Number(JsonObject statistics, string name)
    {
        Assert.True(statistics.ContainsKey(name), name);
        return statistics[name]!.AsArray()[0]!.AsArray()[0]!.GetValue<double>();
    }

    private static long Value(JsonObject statistics, string name)
    {
        Assert.True(statistics.ContainsKey(name), name);
        return (long)statistics[name]!.AsArray()[0]!.AsArray()[0]!;
    }

    private static async Task<long> ValueAsync(OperatorNode op, string name)
    {
        var response = await op.CommandAsync("statistic-get", new JsonObject { ["name"] = name }).ConfigureAwait(false);
        Assert.Equal(0, (int)response["result"]!);
        return Value(response["arguments"]!.AsObject(), name);
    }

    /// <summary>The node runs under <c>ip netns exec</c>, which execs it: same pid, or the node is its child.</summary>
    private sealed class ProcessIdComparer : IEqualityComparer<int>
    {
        public bool Equals(int x, int y) => x == y || ParentOf(y) == x;

        public int GetHashCode(int obj) => 0;

        private static int ParentOf(int pid)
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
