using System.Text.Json.Nodes;

namespace DhcpCluster.EndToEnd.Tests.Operator;

/// <summary>Kea's lease commands against a running dhcp-node whose leases a real client (udhcpc) obtained.</summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class LeaseCommandTests
{
    [Fact]
    public async Task Lease_reads_answer_in_Kea_shapes_over_a_real_clients_lease()
    {
        await using var op = await OperatorNode.StartAsync();
        var lease = await op.ObtainLeaseAsync();
        var mac = await op.ClientMacAsync();

        var byAddress = await op.CommandAsync("lease4-get", new JsonObject { ["ip-address"] = lease.Address });
        Assert.Equal(0, (int)byAddress["result"]!);
        Assert.Equal("IPv4 lease found.", (string?)byAddress["text"]);
        var found = byAddress["arguments"]!.AsObject();
        Assert.Equal(lease.Address, (string?)found["ip-address"]);
        Assert.Equal(mac, (string?)found["hw-address"]);
        Assert.Equal(1, (int)found["subnet-id"]!);
        Assert.Equal(4000, (int)found["valid-lft"]!);
        Assert.Equal(0, (int)found["state"]!);
        Assert.InRange((long)found["cltt"]!, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 120, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        foreach (var key in new[] { "fqdn-fwd", "fqdn-rev", "hostname" })
        {
            Assert.True(found.ContainsKey(key), key);
        }

        await AssertIdentifierReadsAsync(op, lease.Address, mac, (string?)found["client-id"]);
        await AssertReadErrorsAsync(op);
    }

    [Fact]
    public async Task Lease_writes_go_through_the_owner_keep_one_owner_per_address_and_survive_a_restart()
    {
        await using var op = await OperatorNode.StartAsync();
        var first = await op.ObtainLeaseAsync();

        // lease4-add of the client's address for another client: conflict, the client keeps it.
        var taken = await op.CommandAsync("lease4-add", new JsonObject { ["ip-address"] = first.Address, ["hw-address"] = "0a:00:00:00:00:01" });
        Assert.Equal(4, (int)taken["result"]!);
        Assert.Equal($"IPv4 lease already exists for address {first.Address}.", (string?)taken["text"]);

        var outside = await op.CommandAsync("lease4-add", new JsonObject { ["ip-address"] = "203.0.113.5", ["hw-address"] = "0a:00:00:00:00:01" });
        Assert.Equal(1, (int)outside["result"]!);
        Assert.Contains("failed to find a subnet", (string?)outside["text"], StringComparison.Ordinal);
        var wrongSubnet = await op.CommandAsync("lease4-add", new JsonObject { ["ip-address"] = "192.0.2.150", ["hw-address"] = "0a:00:00:00:00:01", ["subnet-id"] = 2 });
        Assert.Equal(1, (int)wrongSubnet["result"]!);
        Assert.Equal(1, (int)(await op.CommandAsync("lease4-add", new JsonObject { ["ip-address"] = "192.0.2.150" }))["result"]!);

        var added = await op.CommandAsync("lease4-add", new JsonObject
        {
            ["ip-address"] = "192.0.2.150", ["hw-address"] = "0a:00:00:00:00:02", ["hostname"] = "Printer.example.org", ["valid-lft"] = 7200,
        });
        Assert.Equal(0, (int)added["result"]!);
        Assert.Equal("Lease for address 192.0.2.150, subnet-id 1 added.", (string?)added["text"]);
        Assert.Equal(0, (int)(await op.CommandAsync("lease4-add", new JsonObject { ["ip-address"] = "198.51.100.10", ["hw-address"] = "0a:00:00:00:00:03" }))["result"]!);
        AssertLeases(await op.CommandAsync("lease4-get-by-hostname", new JsonObject { ["hostname"] = "printer.EXAMPLE.org" }), "192.0.2.150");

        Assert.Equal(3, (int)(await op.CommandAsync("lease4-update", new JsonObject { ["ip-address"] = "192.0.2.151", ["hw-address"] = "0a:00:00:00:00:04" }))["result"]!);
        var updated = await op.CommandAsync("lease4-update", new JsonObject { ["ip-address"] = "192.0.2.150", ["hw-address"] = "0a:00:00:00:00:05", ["valid-lft"] = 600 });
        Assert.Equal(0, (int)updated["result"]!);
        var forced = await op.CommandAsync("lease4-update", new JsonObject { ["ip-address"] = "192.0.2.151", ["hw-address"] = "0a:00:00:00:00:04", ["force-create"] = true });
        Assert.Equal(0, (int)forced["result"]!);

        // The client's own lease deleted, its address given to someone else: the client gets another address.
        Assert.Equal(0, (int)(await op.CommandAsync("lease4-del", new JsonObject { ["ip-address"] = first.Address }))["result"]!);
        Assert.Equal(3, (int)(await op.CommandAsync("lease4-del", new JsonObject { ["ip-address"] = first.Address }))["result"]!);
        Assert.Equal(0, (int)(await op.CommandAsync("lease4-add", new JsonObject { ["ip-address"] = first.Address, ["hw-address"] = "0a:00:00:00:00:06" }))["result"]!);
        var second = await op.ObtainLeaseAsync();
        Assert.DoesNotContain(second.Address, new[] { first.Address, "192.0.2.150", "192.0.2.151" }, StringComparer.Ordinal);

        var wiped = await op.CommandAsync("lease4-wipe", new JsonObject { ["subnet-id"] = 2 });
        Assert.Equal(0, (int)wiped["result"]!);
        Assert.Equal("Deleted 1 IPv4 lease(s) from subnet(s) 2", (string?)wiped["text"]);
        Assert.Equal(3, (int)(await op.CommandAsync("lease4-wipe", new JsonObject { ["subnet-id"] = 2 }))["result"]!);
        Assert.Equal(1, (int)(await op.CommandAsync("lease4-wipe", new JsonObject { ["subnet-id"] = 77 }))["result"]!);

        await AssertRestartReplaysAsync(op, first.Address, second.Address);
    }

    private static async Task AssertIdentifierReadsAsync(OperatorNode op, string address, string mac, string? clientId)
    {
        Assert.NotNull(clientId);
        var byIdentifier = await op.CommandAsync("lease4-get", new JsonObject { ["identifier-type"] = "hw-address", ["identifier"] = mac.ToUpperInvariant(), ["subnet-id"] = 1 }).ConfigureAwait(false);
        Assert.Equal(address, (string?)byIdentifier["arguments"]!["ip-address"]);
        var byClientIdentifier = await op.CommandAsync("lease4-get", new JsonObject { ["identifier-type"] = "client-id", ["identifier"] = clientId, ["subnet-id"] = 1 }).ConfigureAwait(false);
        Assert.Equal(address, (string?)byClientIdentifier["arguments"]!["ip-address"]);
        var wrongSubnet = await op.CommandAsync("lease4-get", new JsonObject { ["identifier-type"] = "hw-address", ["identifier"] = mac, ["subnet-id"] = 2 }).ConfigureAwait(false);
        Assert.Equal(3, (int)wrongSubnet["result"]!);

        AssertLeases(await op.CommandAsync("lease4-get-all").ConfigureAwait(false), address);
        AssertLeases(await op.CommandAsync("lease4-get-all", new JsonObject { ["subnets"] = new JsonArray(1) }).ConfigureAwait(false), address);
        var otherSubnet = await op.CommandAsync("lease4-get-all", new JsonObject { ["subnets"] = new JsonArray(2) }).ConfigureAwait(false);
        Assert.Equal(3, (int)otherSubnet["result"]!);
        Assert.Empty(otherSubnet["arguments"]!["leases"]!.AsArray());
        AssertLeases(await op.CommandAsync("lease4-get-by-hw-address", new JsonObject { ["hw-address"] = mac }).ConfigureAwait(false), address);
        AssertLeases(await op.CommandAsync("lease4-get-by-client-id", new JsonObject { ["client-id"] = clientId }).ConfigureAwait(false), address);

        var page = await op.CommandAsync("lease4-get-page", new JsonObject { ["from"] = "start", ["limit"] = 10 }).ConfigureAwait(false);
        Assert.Equal(1, (int)page["arguments"]!["count"]!);
        AssertLeases(page, address);
        var after = await op.CommandAsync("lease4-get-page", new JsonObject { ["from"] = address, ["limit"] = 10 }).ConfigureAwait(false);
        Assert.Equal(3, (int)after["result"]!);
        Assert.Equal(0, (int)after["arguments"]!["count"]!);
    }

    private static async Task AssertReadErrorsAsync(OperatorNode op)
    {
        // Errors: bad arguments → 1, nothing found → 3, unknown command → 2.
        Assert.Equal(1, (int)(await op.CommandAsync("lease4-get").ConfigureAwait(false))["result"]!);
        Assert.Equal(1, (int)(await op.CommandAsync("lease4-get", new JsonObject { ["ip-address"] = "192.0.2.300" }).ConfigureAwait(false))["result"]!);
        Assert.Equal(1, (int)(await op.CommandAsync("lease4-get-page", new JsonObject { ["from"] = "start", ["limit"] = 0 }).ConfigureAwait(false))["result"]!);
        Assert.Equal(1, (int)(await op.CommandAsync("lease4-get-by-hw-address", new JsonObject { ["hw-address"] = "zz:01" }).ConfigureAwait(false))["result"]!);
        Assert.Equal(3, (int)(await op.CommandAsync("lease4-get", new JsonObject { ["ip-address"] = "192.0.2.150" }).ConfigureAwait(false))["result"]!);
        Assert.Equal(3, (int)(await op.CommandAsync("lease4-get", new JsonObject { ["ip-address"] = "203.0.113.5" }).ConfigureAwait(false))["result"]!);
        var unknown = await op.CommandAsync("lease6-get", new JsonObject { ["ip-address"] = "2001:db8::1" }).ConfigureAwait(false);
        Assert.Equal(2, (int)unknown["result"]!);
        Assert.Equal("'lease6-get' command not supported.", (string?)unknown["text"]);
        var malformed = await op.PostAsync("{\"command\": ").ConfigureAwait(false);
        Assert.Equal(1, (int)malformed["result"]!);
    }

    private static async Task AssertRestartReplaysAsync(OperatorNode op, string first, string second)
    {
        // A restart replays the commands' events with the clients' ones.
        await op.RestartAsync().ConfigureAwait(false);
        var all = await op.CommandAsync("lease4-get-all").ConfigureAwait(false);
        var leases = all["arguments"]!["leases"]!.AsArray().Select(l => ((string)l!["ip-address"]!, (string)l["hw-address"]!, (long)l["valid-lft"]!)).ToList();
        var mac = await op.ClientMacAsync().ConfigureAwait(false);
        var expected = new[] { (first, "0a:00:00:00:00:06", 4000L), ("192.0.2.150", "0a:00:00:00:00:05", 600L), ("192.0.2.151", "0a:00:00:00:00:04", 4000L), (second, mac, 4000L) };
        Assert.Equal(expected.OrderBy(l => LastByte(l.Item1)).ToList(), leases.OrderBy(l => LastByte(l.Item1)).ToList());
        Assert.Equal(second, (await op.ObtainLeaseAsync().ConfigureAwait(false)).Address);

        var everything = await op.CommandAsync("lease4-wipe").ConfigureAwait(false);
        Assert.Equal("Deleted 4 IPv4 lease(s) from subnet(s) all", (string?)everything["text"]);
        Assert.Equal(3, (int)(await op.CommandAsync("lease4-get-all").ConfigureAwait(false))["result"]!);
    }

    private static byte LastByte(string address) => System.Net.IPAddress.Parse(address).GetAddressBytes()[3];

    private static void AssertLeases(JsonObject response, params string[] addresses)
    {
        Assert.Equal(0, (int)response["result"]!);
        var leases = response["arguments"]!["leases"]!.AsArray();
        Assert.Equal(addresses, leases.Select(l => (string)l!["ip-address"]!).ToArray());
    }
}
