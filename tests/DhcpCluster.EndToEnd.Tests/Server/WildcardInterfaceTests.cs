using System.Text.RegularExpressions;
using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Network;
using Xunit.Abstractions;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary><c>interfaces = ["*"]</c> on a host where a new link appears after the node started.</summary>
[Collection(NamespaceLabCollection.Name)]
public sealed partial class WildcardInterfaceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_interface_created_after_start_is_covered_by_the_wildcard_and_served()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("sv-srv");
        var first = await lab.AddNamespaceAsync("sv-cli");
        await lab.LinkAsync(server, "s0", first, "c0");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        var config = NodeProcess.WriteConfig(
            lab, ["*"], [NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.200"), NodeProcess.Subnet(2, "198.51.100.0/24", "198.51.100.100 - 198.51.100.200")]);
        var node = await NodeProcess.StartAsync(server, config, "s0");
        Assert.StartsWith("192.0.2.", (await Udhcpc.ObtainAsync(first, "c0"))?.Address, StringComparison.Ordinal);

        // A second link appears (a new VLAN or NIC): no restart, no configuration change.
        var second = await lab.AddNamespaceAsync("sv-cli2");
        await lab.LinkAsync(server, "s1", second, "c1");
        await server.AddAddressAsync("s1", "198.51.100.1/24");
        var appeared = DateTime.UtcNow;
        await node.WaitForLineAsync(Added(), TimeSpan.FromSeconds(15));
        await node.WaitForLineAsync(Opened(), TimeSpan.FromSeconds(15));
        var lease = await Udhcpc.ObtainAsync(second, "c1");
        output.WriteLine($"the new interface was served {(DateTime.UtcNow - appeared).TotalSeconds:F1} s after it appeared");
        Assert.NotNull(lease);
        Assert.StartsWith("198.51.100.", lease.Address, StringComparison.Ordinal);
        Assert.Equal("198.51.100.1", lease.Server);
        Assert.Equal(0, await NodeProcess.StopAsync(node));
    }

    [GeneratedRegex("DHCP4_INTERFACE_ADDED s1: ", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Added();

    [GeneratedRegex("DHCP4_OPEN_SOCKET listening on s1 ", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Opened();
}
