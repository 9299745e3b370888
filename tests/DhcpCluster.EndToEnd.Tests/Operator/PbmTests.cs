using System.Text.Json.Nodes;

namespace DhcpCluster.EndToEnd.Tests.Operator;

/// <summary>The built <c>pbm</c> against a running dhcp-node: every dhcp palette command, tables and --json, errors.</summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class PbmTests
{
    [Fact]
    public async Task Pbm_dhcp_commands_show_a_running_nodes_leases_statistics_and_status()
    {
        await using var op = await OperatorNode.StartAsync();
        var lease = await op.ObtainLeaseAsync();
        var mac = await op.ClientMacAsync();
        await op.CommandAsync("lease4-add", new JsonObject { ["ip-address"] = "198.51.100.10", ["hw-address"] = "0a:00:00:00:00:07", ["hostname"] = "op-printer" });

        var help = await op.PbmAsync("help");
        Assert.Equal(0, help.ExitCode);
        foreach (var text in new[] { "palette dhcp:", "leases [--subnet ID]", "lease ADDR", "stats", "status", "config-test FILE", "palette cluster:" })
        {
            Assert.Contains(text, help.StandardOutput, StringComparison.Ordinal);
        }

        var leases = await op.PbmAsync("dhcp", "leases");
        Assert.Equal(0, leases.ExitCode);
        var rows = leases.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Address", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith(lease.Address + " ", StringComparison.Ordinal) && r.Contains(mac, StringComparison.Ordinal) && r.Contains("assigned", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("198.51.100.10 ", StringComparison.Ordinal) && r.Contains("op-printer", StringComparison.Ordinal));
        Assert.Equal("Count: 2 leases", rows[^1]);

        var subnet = await op.PbmAsync("127.0.0.1:9110", "dhcp", "leases", "--subnet", "2");
        Assert.Equal(0, subnet.ExitCode);
        Assert.DoesNotContain(lease.Address, subnet.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("Count: 1 lease", subnet.StandardOutput.TrimEnd(), StringComparison.Ordinal);

        var json = await op.PbmAsync("dhcp", "leases", "--json");
        Assert.Equal(0, json.ExitCode);
        var response = JsonNode.Parse(json.StandardOutput)!.AsArray().Single()!;
        Assert.Equal(0, (int)response["result"]!);
        Assert.Equal([lease.Address, "198.51.100.10"], response["arguments"]!["leases"]!.AsArray().Select(l => (string)l!["ip-address"]!).ToArray());

        var one = await op.PbmAsync("dhcp", "lease", lease.Address);
        Assert.Equal(0, one.ExitCode);
        Assert.Matches($@"(?m)^hw-address\s+{mac}\s*$", one.StandardOutput);
        Assert.Matches(@"(?m)^valid-lft\s+4000 s\s*$", one.StandardOutput);
        var oneJson = await op.PbmAsync("dhcp", "lease", lease.Address, "--json");
        Assert.Equal(lease.Address, (string?)JsonNode.Parse(oneJson.StandardOutput)!.AsArray()[0]!["arguments"]!["ip-address"]);

        var missing = await op.PbmAsync("dhcp", "lease", "192.0.2.199");
        Assert.Equal(3, missing.ExitCode);
        Assert.Equal(string.Empty, missing.StandardOutput);
        Assert.Single(missing.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var badAddress = await op.PbmAsync("dhcp", "lease", "192.0.2.300");
        Assert.Equal(1, badAddress.ExitCode);
        Assert.Contains("not a valid IPv4 address", badAddress.StandardError, StringComparison.Ordinal);

        await AssertStatsAndStatusAsync(op);
    }

    [Fact]
    public async Task Pbm_config_test_and_errors_are_one_line_with_a_non_zero_exit()
    {
        await using var op = await OperatorNode.StartAsync();

        var good = await op.PbmAsync("dhcp", "config-test", op.ConfigPath);
        Assert.Equal(0, good.ExitCode);
        Assert.Equal("Configuration seems sane.", good.StandardOutput.Trim());
        var goodJson = await op.PbmAsync("dhcp", "config-test", op.ConfigPath, "--json");
        Assert.Equal(0, (int)JsonNode.Parse(goodJson.StandardOutput)!.AsArray()[0]!["result"]!);

        var badFile = op.Lab.WriteFile("op-bad.conf", File.ReadAllText(op.ConfigPath).Replace("valid-lifetime = 4000", "valid-lifetime = \"forever\"", StringComparison.Ordinal));
        var bad = await op.PbmAsync("dhcp", "config-test", badFile);
        Assert.Equal(1, bad.ExitCode);
        Assert.Single(bad.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("valid-lifetime", bad.StandardError, StringComparison.Ordinal);
        var badJson = await op.PbmAsync("dhcp", "config-test", badFile, "--json");
        Assert.Equal(1, badJson.ExitCode);
        Assert.Equal(1, (int)JsonNode.Parse(badJson.StandardOutput)!.AsArray()[0]!["result"]!);

        var absent = await op.PbmAsync("dhcp", "config-test", Path.Combine(op.Lab.Directory, "op-absent.conf"));
        Assert.Equal(64, absent.ExitCode);
        Assert.Single(absent.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var unknown = await op.PbmAsync("dhcp", "frobnicate");
        Assert.Equal(64, unknown.ExitCode);
        Assert.Equal("pbm: unknown command 'dhcp frobnicate'; see 'pbm help'", unknown.StandardError.Trim());

        // Nothing listens on port 9 in the namespace: one line, exit 69 (EX_UNAVAILABLE).
        var unreachable = await op.PbmAsync("127.0.0.1:9", "dhcp", "status");
        Assert.Equal(69, unreachable.ExitCode);
        var line = Assert.Single(unreachable.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pbm: cannot reach 127.0.0.1:9", line, StringComparison.Ordinal);
        Assert.Equal(69, (await op.PbmAsync("127.0.0.1:9", "dhcp", "leases", "--json")).ExitCode);
    }

    private static async Task AssertStatsAndStatusAsync(OperatorNode op)
    {
        var stats = await op.PbmAsync("dhcp", "stats").ConfigureAwait(false);
        Assert.Equal(0, stats.ExitCode);
        Assert.Matches(@"(?m)^pkt4-ack-sent\s+1\s", stats.StandardOutput);
        Assert.Matches(@"(?m)^subnet\[1\]\.assigned-addresses\s+1\s", stats.StandardOutput);
        Assert.Matches(@"(?m)^subnet\[2\]\.assigned-addresses\s+1\s", stats.StandardOutput);
        var statsJson = JsonNode.Parse((await op.PbmAsync("dhcp", "stats", "--json").ConfigureAwait(false)).StandardOutput)!.AsArray()[0]!;
        Assert.Equal(2, (long)statsJson["arguments"]!["pkt4-received"]![0]![0]!);

        var status = await op.PbmAsync("dhcp", "status").ConfigureAwait(false);
        Assert.Equal(0, status.ExitCode);
        Assert.Matches(@"(?m)^pid\s+\d+\s*$", status.StandardOutput);
        Assert.Matches(@"(?m)^uptime\s+\d+ s\s*$", status.StandardOutput);
        var statusJson = JsonNode.Parse((await op.PbmAsync("dhcp", "status", "--json").ConfigureAwait(false)).StandardOutput)!.AsArray()[0]!;
        Assert.True((long)statusJson["arguments"]!["uptime"]! >= 0);
    }
}
