using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Load;
using DhcpCluster.Lab.Network;

namespace DhcpCluster.EndToEnd.Tests.Sockets;

/// <summary>
/// The Linux socket layer against real clients: one receive path per interface (a broadcast is heard once
/// whatever the number of addresses, and only on its own segment), raw-frame unicast to a client that has no
/// address yet (RFC 2131 §4.1), routed replies to a relay, and a clear error when port 67 is taken.
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class SocketLayerTests
{
    [Fact]
    public async Task Real_clients_complete_their_exchange_through_raw_unicast_and_broadcast_replies()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var (server, client) = await lab.AddPointToPointAsync("192.0.2.1/24");
        await StatelessResponderProcess.StartAsync(server, ["s0"], ["192.0.2.0/24"]);

        // udhcpc asks for unicast replies: the OFFER and ACK must reach it at its MAC before it has an address.
        var unicast = await Udhcpc.ObtainAsync(client, "c0");
        Assert.NotNull(unicast);
        Assert.Equal("192.0.2.1", unicast.Server);

        var broadcast = await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(Broadcast: true));
        Assert.NotNull(broadcast);
        Assert.Equal(unicast.Address, broadcast.Address);

        var dhcpcd = await Dhcpcd.ObtainAsync(client, "c0");
        Assert.NotNull(dhcpcd);
        Assert.Equal(4000, dhcpcd.LeaseSeconds);
    }

    [Fact]
    public async Task A_broadcast_is_heard_once_on_an_interface_with_two_addresses_and_never_on_another_segment()
    {
        // The seed case at the socket level. This machine's kernel has no 802.1Q support, so the second
        // segment is a second link rather than a VLAN sub-interface of the first.
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("srv");
        var client = await lab.AddNamespaceAsync("cli");
        await lab.LinkAsync(server, "s0", client, "c0");
        await lab.LinkAsync(server, "s1", client, "c1");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        await server.AddAddressAsync("s0", "192.0.2.2/24"); // a CARP/VRRP-style virtual address
        await server.AddAddressAsync("s1", "198.51.100.1/24");
        await server.AddAddressAsync("s1", "198.51.100.2/24");
        var responder = await StatelessResponderProcess.StartAsync(server, ["s0", "s1"], ["192.0.2.0/24", "198.51.100.0/24"]);

        var first = await Udhcpc.ObtainAsync(client, "c0");
        Assert.NotNull(first);
        Assert.StartsWith("192.0.2.", first.Address, StringComparison.Ordinal);
        Assert.Equal(1, StatelessResponderProcess.Heard(responder, "s0", "Discover"));
        Assert.Equal(1, StatelessResponderProcess.Heard(responder, "s0", "Request"));
        Assert.Equal(0, StatelessResponderProcess.Heard(responder, "s1", "Discover"));

        var second = await Udhcpc.ObtainAsync(client, "c1");
        Assert.NotNull(second);
        Assert.StartsWith("198.51.100.", second.Address, StringComparison.Ordinal);
        Assert.Equal(1, StatelessResponderProcess.Heard(responder, "s1", "Discover"));
        Assert.Equal(1, StatelessResponderProcess.Heard(responder, "s1", "Request"));
        Assert.Equal(1, StatelessResponderProcess.Heard(responder, "s0", "Discover"));
    }

    [Fact]
    public async Task Relayed_requests_are_answered_to_the_relay()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var (server, load) = await lab.AddPointToPointAsync("198.18.0.1/24", "198.18.0.2/24");
        await StatelessResponderProcess.StartAsync(server, ["s0"], ["198.18.0.0/16"]);

        var report = await Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 200, clients: 1000, seconds: 2);

        Assert.NotNull(report.RequestAck);
        Assert.True(report.RequestAck.Received > 100, report.Output);
        Assert.True(report.RequestAck.DropsPercent < 2.5, report.Output);
    }

    [Fact]
    public async Task A_second_server_on_the_same_interface_fails_with_a_clear_error()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var (server, client) = await lab.AddPointToPointAsync("192.0.2.1/24");
        await StatelessResponderProcess.StartAsync(server, ["s0"], ["192.0.2.0/24"]);

        var second = await server.ExecAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "DhcpCluster.StatelessResponder.dll"), "--interface", "s0", "--subnet", "192.0.2.0/24", "--exit-after", "5"]);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("s0: port 67 is already taken on s0 by another program", second.StandardError, StringComparison.Ordinal);

        var missing = await server.ExecAsync(
            "dotnet", [Path.Combine(AppContext.BaseDirectory, "DhcpCluster.StatelessResponder.dll"), "--interface", "nosuch0", "--subnet", "192.0.2.0/24", "--exit-after", "5"]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nosuch0: interface does not exist", missing.StandardError, StringComparison.Ordinal);
    }
}
