using System.Text.RegularExpressions;
using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Network;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>
/// The seed case and the rest of the protocol against dhcp-node: duplicates, retransmissions, renewals by unicast,
/// RELEASE, DECLINE, INFORM and a relay with option 82.
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed partial class ProtocolTests
{
    [Fact]
    public async Task Seed_case_one_offer_and_one_ack_per_broadcast_on_interfaces_with_two_addresses_duplicates_dropped_retransmissions_answered_alike()
    {
        // This machine's kernel has no 802.1Q support: the "VLAN" is a second link (s1) next to the parent (s0);
        // both carry two addresses (physical and CARP/VRRP-style virtual), and '*' is configured too.
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("srv");
        var client = await lab.AddNamespaceAsync("cli");
        await lab.LinkAsync(server, "s0", client, "c0");
        await lab.LinkAsync(server, "s1", client, "c1");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        await server.AddAddressAsync("s0", "192.0.2.2/24");
        await server.AddAddressAsync("s1", "198.51.100.1/24");
        await server.AddAddressAsync("s1", "198.51.100.2/24");
        var config = NodeProcess.WriteConfig(
            lab,
            ["s0", "s1", "*"],
            [NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.200"), NodeProcess.Subnet(2, "198.51.100.0/24", "198.51.100.100 - 198.51.100.200")]);
        var node = await NodeProcess.StartAsync(server, config, "s0", "s1");

        foreach (var (iface, prefix, serverId) in new[] { ("c0", "192.0.2.", "192.0.2.1"), ("c1", "198.51.100.", "198.51.100.1") })
        {
            var seen = await ScapyClient.RunAsync(client, iface, "seed");
            Assert.Equal(1, ScapyClient.Int(seen, "OFFERS_AFTER_DOUBLE"));
            Assert.Equal(1, ScapyClient.Int(seen, "OFFERS_AFTER_RETRANSMISSION"));
            var addresses = seen["ADDRESSES"].Split(',');
            Assert.Equal(2, addresses.Length);
            Assert.Equal(addresses[0], addresses[1]);
            Assert.StartsWith(prefix, addresses[0], StringComparison.Ordinal);
            Assert.Equal(1, ScapyClient.Int(seen, "ACKS"));
            Assert.Equal(serverId, seen["SERVER_IDS"]);
        }

        Assert.Equal(0, await NodeProcess.StopAsync(node));
        Assert.Equal(2, NodeProcess.Statistic(node, "pkt4-duplicate-dropped"));
        Assert.Equal(2, NodeProcess.Statistic(node, "pkt4-retransmission-answered"));
        Assert.Equal(2, NodeProcess.Count(node, "DHCP4_DUPLICATE_DROPPED"));
    }

    [Fact]
    public async Task Dhclient_renews_by_unicast_and_releases()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("srv");
        var client = await lab.AddNamespaceAsync("cli");
        await lab.LinkAsync(server, "s0", client, "c0");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        var config = NodeProcess.WriteConfig(
            lab, ["s0"], [NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.200")],
            extra: "valid-lifetime = 20\nrenew-timer = 3\nrebind-timer = 15");
        var node = await NodeProcess.StartAsync(server, config, "s0");

        await using (var dhclient = await DhclientSession.StartAsync(client, "c0"))
        {
            await node.WaitForLineAsync(UnicastRenewal(), TimeSpan.FromSeconds(20));
            var release = await dhclient.ReleaseAsync();
            Assert.Equal(0, release.ExitCode);
            await node.WaitForLineAsync(ReleaseLine(), TimeSpan.FromSeconds(10));
        }

        Assert.Equal(0, await NodeProcess.StopAsync(node));
        Assert.True(NodeProcess.Statistic(node, "lease4-released") >= 1, node.Output);
        Assert.True(NodeProcess.Count(node, "DHCP4_LEASE_ALLOC") >= 2, node.Output);
    }

    [Fact]
    public async Task A_decline_puts_the_address_on_probation_and_an_inform_is_answered_without_a_lease()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("srv");
        var client = await lab.AddNamespaceAsync("cli");
        await lab.LinkAsync(server, "s0", client, "c0");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        var config = NodeProcess.WriteConfig(
            lab, ["s0"],
            [NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.100", """, option-data = [ { name = "routers", data = "192.0.2.1" } ]""")]);
        var node = await NodeProcess.StartAsync(server, config, "s0");

        var declined = await ScapyClient.RunAsync(client, "c0", "decline");
        Assert.Equal(1, ScapyClient.Int(declined, "ACKS"));
        Assert.Equal("192.0.2.100", declined["DECLINED"]);
        Assert.Equal(string.Empty, declined["OTHER_OFFERS"]);

        await client.AddAddressAsync("c0", "192.0.2.50/24");
        var inform = await ScapyClient.RunAsync(client, "c0", "inform", "192.0.2.50");
        Assert.Equal(1, ScapyClient.Int(inform, "INFORM_ACKS"));
        Assert.StartsWith("0.0.0.0 LEASE_TIME=None ROUTER=", inform["INFORM_YIADDR"], StringComparison.Ordinal);
        Assert.Contains("192.0.2.1", inform["INFORM_YIADDR"], StringComparison.Ordinal);

        Assert.Equal(0, await NodeProcess.StopAsync(node));
        Assert.Equal(1, NodeProcess.Count(node, "DHCP4_DECLINE_LEASE"));
        Assert.Equal(1, NodeProcess.Statistic(node, "declined-addresses"));
    }

    [Fact]
    public async Task A_relayed_client_is_served_from_the_relays_subnet_with_option_82_echoed_to_the_relay()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("srv");
        var relay = await lab.AddNamespaceAsync("rly");
        var client = await lab.AddNamespaceAsync("cli");
        await lab.LinkAsync(relay, "r0", client, "c0");
        await lab.LinkAsync(server, "s0", relay, "r1");
        await relay.AddAddressAsync("r0", "198.51.100.1/24");
        await relay.AddAddressAsync("r1", "192.0.2.2/24");
        await relay.IpAsync("link", "set", "r1", "up");
        await relay.EnableForwardingAsync();
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        await server.AddRouteAsync("198.51.100.0/24", "192.0.2.2");
        var config = NodeProcess.WriteConfig(
            lab, ["s0"],
            [NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.200"), NodeProcess.Subnet(2, "198.51.100.0/24", "198.51.100.100 - 198.51.100.200")]);
        var node = await NodeProcess.StartAsync(server, config, "s0");
        var sniffer = ScapyClient.Start(relay, "r1", "sniff-relay", "12");
        await using var dhcrelay = relay.Start(
            "dhcrelay", ["-4", "-d", "-a", "-pf", Path.Combine(lab.Directory, "dhcrelay.pid"), "-id", "r0", "-iu", "r1", "192.0.2.1"]);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var lease = await Udhcpc.ObtainAsync(client, "c0");
        Assert.NotNull(lease);
        Assert.StartsWith("198.51.100.", lease.Address, StringComparison.Ordinal);

        Assert.Equal(0, await sniffer.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var replies = sniffer.Lines.Where(l => l.StartsWith("RELAYED_REPLY", StringComparison.Ordinal)).ToArray();
        Assert.Contains("RELAYED_REPLY type=2 opt82=1", replies, StringComparer.Ordinal);
        Assert.Contains("RELAYED_REPLY type=5 opt82=1", replies, StringComparer.Ordinal);
        Assert.DoesNotContain(replies, r => r.EndsWith("opt82=0", StringComparison.Ordinal));
        Assert.Equal(0, await NodeProcess.StopAsync(node));
    }

    [GeneratedRegex(@"DHCP4_PACKET_RECEIVED .* Request \(\d+ bytes\) received on s0 by unicast", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UnicastRenewal();

    [GeneratedRegex(@"DHCP4_RELEASE ", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ReleaseLine();
}
