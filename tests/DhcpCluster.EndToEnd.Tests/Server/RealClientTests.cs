using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Network;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>dhcp-node against real clients in network namespaces.</summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class RealClientTests
{
    [Fact]
    public async Task Udhcpc_dhclient_and_dhcpcd_each_obtain_a_lease_and_the_node_stops_cleanly_on_sigterm()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("srv");
        var client = await lab.AddNamespaceAsync("cli");
        await lab.LinkAsync(server, "s0", client, "c0");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        var config = NodeProcess.WriteConfig(lab, ["s0"], [NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.200")]);
        var node = await NodeProcess.StartAsync(server, config, "s0");

        var udhcpc = await Udhcpc.ObtainAsync(client, "c0");
        Assert.NotNull(udhcpc);
        Assert.StartsWith("192.0.2.1", udhcpc.Address, StringComparison.Ordinal);
        Assert.Equal("192.0.2.1", udhcpc.Server);

        var dhcpcd = await Dhcpcd.ObtainAsync(client, "c0");
        Assert.NotNull(dhcpcd);
        Assert.Equal(udhcpc.Address, dhcpcd.Address);
        Assert.Equal(4000, dhcpcd.LeaseSeconds);

        await using (var dhclient = await DhclientSession.StartAsync(client, "c0"))
        {
            Assert.Equal(udhcpc.Address, dhclient.Lease.Address);
        }

        Assert.Equal(0, await NodeProcess.StopAsync(node));
        Assert.True(NodeProcess.Count(node, "DHCP4_LEASE_ALLOC") >= 3, node.Output);
        Assert.True(NodeProcess.Count(node, "DHCP4_LEASE_OFFER") >= 3, node.Output);
        Assert.True(NodeProcess.Count(node, "DHCP4_PACKET_RECEIVED") >= 6, node.Output);
        Assert.True(NodeProcess.Statistic(node, "pkt4-ack-sent") >= 3, node.Output);
    }
}
