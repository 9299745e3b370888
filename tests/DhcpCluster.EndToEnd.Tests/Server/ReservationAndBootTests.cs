using DhcpCluster.Lab.Clients;
using DhcpCluster.Lab.Network;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>
/// A client reserved by hardware address and a PXE client (option 60 "PXEClient...") against dhcp-node, with udhcpc:
/// what udhcpc hands its script on <c>bound</c> is the reply's content (siaddr, file, hostname, options).
/// </summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class ReservationAndBootTests
{
    private const string ReservedMac = "02:00:00:00:5e:42";
    private const string PxeMac = "02:00:00:00:5e:43";
    private const string PlainMac = "02:00:00:00:5e:44";

    [Fact]
    public async Task A_reserved_client_gets_its_address_hostname_and_options_and_a_pxe_client_gets_next_server_and_boot_file_name()
    {
        await using var lab = await NetworkLab.CreateAsync();
        var server = await lab.AddNamespaceAsync("sv-srv");
        var client = await lab.AddNamespaceAsync("sv-cli");
        await lab.LinkAsync(server, "s0", client, "c0");
        await server.AddAddressAsync("s0", "192.0.2.1/24");
        var config = NodeProcess.WriteConfig(
            lab, ["s0"],
            [NodeProcess.Subnet(1, "192.0.2.0/24", "192.0.2.100 - 192.0.2.200", $$"""
                , option-data = [ { name = "routers", data = "192.0.2.1" }, { name = "domain-name-servers", data = "192.0.2.53" } ]
                reservations = [
                  {
                    hw-address = "{{ReservedMac}}", ip-address = "192.0.2.42", hostname = "reserved-host"
                    option-data = [ { name = "domain-name-servers", data = "192.0.2.54, 192.0.2.55" }, { name = "domain-name", data = "reserved.example" } ]
                  }
                ]
                """)],
            extra: """
                client-classes = [
                  {
                    name = "pxe"
                    test = "substring(option[60].hex, 0, 9) == 'PXEClient'"
                    next-server = "192.0.2.5"
                    server-hostname = "boot.example"
                    boot-file-name = "pxelinux.0"
                  }
                ]
                """);
        var node = await NodeProcess.StartAsync(server, config, "s0");

        await SetMacAsync(client, ReservedMac);
        var reserved = await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(ReportEnvironment: true));
        Assert.NotNull(reserved);
        Assert.Equal("192.0.2.42", reserved.Address);
        Assert.Equal("reserved-host", reserved.Environment.GetValueOrDefault("hostname"));
        Assert.Equal("192.0.2.54 192.0.2.55", reserved.Environment.GetValueOrDefault("dns"));
        Assert.Equal("reserved.example", reserved.Environment.GetValueOrDefault("domain"));
        Assert.Equal("192.0.2.1", reserved.Environment.GetValueOrDefault("router"));
        Assert.False(reserved.Environment.ContainsKey("boot_file"), "a client outside the pxe class got a boot file");

        await SetMacAsync(client, PxeMac);
        var pxe = await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(VendorClass: "PXEClient:Arch:00000:UNDI:002001", ReportEnvironment: true));
        Assert.NotNull(pxe);
        Assert.StartsWith("192.0.2.1", pxe.Address, StringComparison.Ordinal);
        Assert.NotEqual("192.0.2.42", pxe.Address, StringComparer.Ordinal);
        Assert.Equal("192.0.2.5", pxe.Environment.GetValueOrDefault("siaddr"));
        Assert.Equal("pxelinux.0", pxe.Environment.GetValueOrDefault("boot_file"));
        Assert.Equal("boot.example", pxe.Environment.GetValueOrDefault("sname"));
        Assert.Equal("192.0.2.53", pxe.Environment.GetValueOrDefault("dns"));

        // The same client without option 60 is not in the class: no boot server, no boot file.
        await SetMacAsync(client, PlainMac);
        var plain = await Udhcpc.ObtainAsync(client, "c0", new Udhcpc.Options(ReportEnvironment: true));
        Assert.NotNull(plain);
        Assert.False(plain.Environment.ContainsKey("boot_file"), string.Join(", ", plain.Environment));
        Assert.NotEqual("192.0.2.5", plain.Environment.GetValueOrDefault("siaddr"), StringComparer.Ordinal);

        Assert.Equal(0, await NodeProcess.StopAsync(node));
    }

    private static async Task SetMacAsync(LabNamespace ns, string mac)
    {
        await ns.SetLinkAsync("c0", up: false).ConfigureAwait(false);
        await ns.IpAsync("link", "set", "c0", "address", mac).ConfigureAwait(false);
        await ns.SetLinkAsync("c0", up: true).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromMilliseconds(300)).ConfigureAwait(false);
    }
}
