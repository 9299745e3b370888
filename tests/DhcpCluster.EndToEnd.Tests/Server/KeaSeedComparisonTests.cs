using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Reference;
using Xunit.Abstractions;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>The seed scenario against ISC Kea 2.2 (interface configured by name), for the closing comparison.</summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class KeaSeedComparisonTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Kea_on_an_interface_with_two_addresses_is_measured_with_the_same_scapy_scenario()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("srv");
        var client = await lab.AddNamespaceAsync("cli");
        await lab.LinkAsync(server, "s0", client, "c0");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        await server.AddAddressAsync("s0", "192.0.2.2/24");
        await using var kea = await KeaServer.StartAsync(server, KeaServer.Config(lab, "s0", "192.0.2.0/24", "192.0.2.100 - 192.0.2.150"));

        var seen = await ScapyClient.RunAsync(client, "c0", "seed");
        output.WriteLine(string.Join('\n', seen.Select(kv => kv.Key + "=" + kv.Value)));
        Assert.True(ScapyClient.Int(seen, "OFFERS_AFTER_DOUBLE") >= 1);
        Assert.True(ScapyClient.Int(seen, "OFFERS_AFTER_RETRANSMISSION") >= 1);
    }
}
