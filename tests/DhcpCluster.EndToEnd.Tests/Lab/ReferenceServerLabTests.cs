using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Load;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Reference;

namespace DhcpCluster.EndToEnd.Tests.Lab;

/// <summary>
/// The lab itself, checked against ISC Kea 2.2 as the reference server: if these fail, a failure of our
/// server's end-to-end tests says nothing about our server.
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class ReferenceServerLabTests
{
    [Fact]
    public async Task Real_clients_obtain_leases_from_kea_and_dhclient_releases()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var (server, client) = await lab.AddPointToPointAsync("192.0.2.1/24");
        var kea = await KeaServer.StartAsync(server, KeaServer.Config(lab, "s0", "192.0.2.0/24", "192.0.2.100 - 192.0.2.150"));

        var udhcpc = await Udhcpc.ObtainAsync(client, "c0");
        Assert.NotNull(udhcpc);
        Assert.StartsWith("192.0.2.1", udhcpc.Address, StringComparison.Ordinal);
        Assert.Equal("192.0.2.1", udhcpc.Server);
        Assert.Equal(4000, udhcpc.LeaseSeconds);

        var dhcpcd = await Dhcpcd.ObtainAsync(client, "c0");
        Assert.NotNull(dhcpcd);
        Assert.Equal(4000, dhcpcd.LeaseSeconds);

        var dhclient = await DhclientSession.StartAsync(client, "c0");
        Assert.StartsWith("192.0.2.1", dhclient.Lease.Address, StringComparison.Ordinal);
        var release = await dhclient.ReleaseAsync();
        Assert.True(release.Succeeded, release.StandardError);
        Assert.Contains("DHCPRELEASE", release.StandardOutput + release.StandardError, StringComparison.Ordinal);
        await kea.WaitForLineAsync(new System.Text.RegularExpressions.Regex("DHCP4_RELEASE", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Perfdhcp_in_relay_mode_gets_unique_leases_from_kea()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var (server, load) = await lab.AddPointToPointAsync("198.18.0.1/24", "198.18.0.2/24");
        await KeaServer.StartAsync(server, KeaServer.Config(lab, "s0", "198.18.0.0/16", "198.18.1.0 - 198.18.200.255"));

        var report = await Perfdhcp.RunAsync(load, "198.18.0.2", "198.18.0.1", rate: 200, clients: 2000, seconds: 3);

        Assert.NotNull(report.Rate);
        Assert.NotNull(report.RequestAck);
        Assert.True(report.RequestAck.Received > 100, report.Output);
        Assert.Equal(0, report.RequestAck.NonUniqueAddresses);
        Assert.Equal(0, report.RequestAck.RejectedLeases);
    }
}
