using System.Text.RegularExpressions;
using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Reference;
using Xunit.Abstractions;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>
/// Moving from Kea: a lease file written by a real Kea 2.2 run, named by <c>lease-database { type = memfile }</c>, is
/// imported by dhcp-node at its first start, once, and the imported leases are honoured.
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed partial class KeaLeaseImportTests(ITestOutputHelper output)
{
    private const string Pool = "192.0.2.100 - 192.0.2.101";

    [Fact]
    public async Task A_kea_lease_file_is_imported_at_the_first_start_only_and_its_leases_are_not_offered_to_others()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("sv-srv");
        var client = await lab.AddNamespaceAsync("sv-cli");
        await lab.LinkAsync(server, "s0", client, "c0");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        ClientLease? fromKea;
        await using (await KeaServer.StartAsync(server, KeaServer.Config(lab, "s0", "192.0.2.0/24", Pool)))
        {
            fromKea = await Udhcpc.ObtainAsync(client, "c0");
        }

        Assert.NotNull(fromKea);
        var csv = Path.Combine(lab.Directory, "kea-leases4.csv");
        output.WriteLine(await File.ReadAllTextAsync(csv));
        Assert.Contains(fromKea.Address + ",", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);

        var config = NodeProcess.WriteConfig(lab, ["s0"], [NodeProcess.Subnet(1, "192.0.2.0/24", Pool)], leaseDatabase: $$"""{ type = "memfile", name = "{{csv}}", lfc-interval = 0 }""");
        var node = await NodeProcess.StartAsync(server, config, "s0");
        output.WriteLine((await node.WaitForLineAsync(Imported(), TimeSpan.FromSeconds(30))).Value);

        // The pool has two addresses and Kea's client holds one: one newcomer is served, with the other; a second gets nothing.
        var newcomer = await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(ClientIdHex: "ff00000000a1"));
        Assert.NotNull(newcomer);
        Assert.NotEqual(fromKea.Address, newcomer.Address, StringComparer.Ordinal);
        Assert.Null(await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(ClientIdHex: "ff00000000a2", Tries: 2)));
        Assert.Equal(fromKea.Address, (await Udhcpc.ObtainAsync(client, "c0"))?.Address);
        Assert.Equal(0, await NodeProcess.StopAsync(node));
        Assert.True(File.Exists(Path.ChangeExtension(csv, ".db")), "the journal lives next to the Kea file");

        // Restarted: the journal already holds the leases; the file is not imported again, and nothing moved.
        var restarted = await NodeProcess.StartAsync(server, config, "s0");
        output.WriteLine((await restarted.WaitForLineAsync(NotImportedAgain(), TimeSpan.FromSeconds(30))).Value);
        Assert.Equal(fromKea.Address, (await Udhcpc.ObtainAsync(client, "c0"))?.Address);
        Assert.Equal(newcomer.Address, (await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(ClientIdHex: "ff00000000a1")))?.Address);
        Assert.Equal(0, await NodeProcess.StopAsync(restarted));
        Assert.Equal(0, NodeProcess.Count(restarted, "DHCP4_LEASE_IMPORT"));
    }

    [GeneratedRegex(@"DHCP4_LEASE_IMPORT \S+: 1 leases imported from the Kea lease file", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Imported();

    [GeneratedRegex("DHCP4_LEASE_IMPORT_SKIPPED ", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NotImportedAgain();
}
