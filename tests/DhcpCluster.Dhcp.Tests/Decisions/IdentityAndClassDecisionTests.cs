using System.Text;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;

namespace DhcpCluster.Dhcp.Tests.Decisions;

/// <summary>Reservations, host-reservation-identifiers, client classes, PXE and option-data precedence (Kea's rules).</summary>
public class IdentityAndClassDecisionTests
{
    private static readonly byte[] Mac = ClientMessage.MacOf(0x42);

    [Fact]
    public void Reservation_by_hw_address_gets_its_address_hostname_and_options_first()
    {
        var s = Scenario.Simple(o =>
        {
            o.Reservations =
            [
                new HostReservation
                {
                    HwAddress = Mac,
                    IpAddress = Ipv4Address.Parse("192.0.2.100"),
                    Hostname = "printer",
                    OptionData = new OptionDataSet([OptionDataItem.FromAddresses(6, Ipv4Address.Parse("10.0.0.53"))]),
                },
            ];
            o.SubnetOptions.Add(OptionDataItem.FromAddresses(6, Ipv4Address.Parse("192.0.2.53")));
        });
        var r = s.Run(ClientMessage.Discover(Mac).WithPrl(6, 12));

        Assert.Equal(Ipv4Address.Parse("192.0.2.100"), r.Packet!.YourAddress);
        Assert.Equal("printer", r.Packet.GetOptionText(DhcpOptionCode.HostName));
        Assert.True(r.Packet.TryGetOption(6, out var dns));
        Assert.Equal(new byte[] { 10, 0, 0, 53 }, dns.ToArray());
        Assert.Equal("printer", r.Lease.Hostname);
    }

    [Fact]
    public void Reserved_address_is_never_given_to_another_client_even_when_requested()
    {
        var s = Scenario.Simple(o =>
        {
            o.Pool = "192.0.2.10 - 192.0.2.11";
            o.Reservations = [new HostReservation { HwAddress = Mac, IpAddress = Ipv4Address.Parse("192.0.2.10") }];
        });
        var other = s.Run(ClientMessage.Discover(ClientMessage.MacOf(1)).With(50, "192.0.2.10"));
        Assert.Equal(Ipv4Address.Parse("192.0.2.11"), other.Packet!.YourAddress);
        Assert.Equal(DecisionOutcome.DroppedNoAddress, s.Run(ClientMessage.Discover(ClientMessage.MacOf(2))).Outcome);
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), s.Run(ClientMessage.Discover(Mac)).Packet!.YourAddress);
    }

    [Fact]
    public void Init_reboot_for_another_address_than_the_reservation_is_naked_so_the_client_moves()
    {
        var s = Scenario.Simple(o => o.Reservations = [new HostReservation { HwAddress = Mac, IpAddress = Ipv4Address.Parse("192.0.2.100") }]);
        var r = s.Run(ClientMessage.Request(Mac).With(50, "192.0.2.12"));
        Assert.Equal(ReplyKind.Nak, r.Reply);
    }

    [Fact]
    public void Pxe_firmware_and_os_with_one_mac_share_a_hw_address_reservation()
    {
        // Kea: the reservation is found by hw-address for both; with match-client-id false they are one client.
        var s = Scenario.Simple(o =>
        {
            o.MatchClientId = false;
            o.Reservations = [new HostReservation { HwAddress = Mac, IpAddress = Ipv4Address.Parse("192.0.2.100") }];
        });
        Assert.Equal(Ipv4Address.Parse("192.0.2.100"), s.Dora(Mac, [1, .. Mac]));
        Assert.Equal(Ipv4Address.Parse("192.0.2.100"), s.Dora(Mac, [255, 0, 0, 0, 1, 0, 4, 9, 9, 9, 9]));
    }

    [Fact]
    public void Pxe_firmware_and_os_with_different_client_ids_are_two_clients_when_matching_client_id()
    {
        // Kea: the reserved address is leased to the firmware's client id; the OS, another client, gets a pool address.
        var s = Scenario.Simple(o => o.Reservations = [new HostReservation { HwAddress = Mac, IpAddress = Ipv4Address.Parse("192.0.2.100") }]);
        Assert.Equal(Ipv4Address.Parse("192.0.2.100"), s.Dora(Mac, [1, .. Mac]));
        var os = s.Dora(Mac, [255, 0, 0, 0, 1, 0, 4, 9, 9, 9, 9]);
        Assert.NotEqual(Ipv4Address.Parse("192.0.2.100"), os);
    }

    [Fact]
    public void Host_reservation_identifiers_order_decides_which_reservation_wins()
    {
        byte[] id = [1, 0xde, 0xad, 0xbe, 0xef, 0, 1];
        var byMac = new HostReservation { HwAddress = Mac, IpAddress = Ipv4Address.Parse("192.0.2.100") };
        var byId = new HostReservation { ClientId = id, IpAddress = Ipv4Address.Parse("192.0.2.101") };
        Dhcp4Configuration Build(IReadOnlyList<HostReservationIdentifier> order) => new()
        {
            HostReservationIdentifiers = order,
            Subnets = [new Subnet4(1, "192.0.2.0/24") { Pools = [Pool4.Parse("192.0.2.10/31")], Reservations = [byMac, byId] }],
        };

        var macFirst = new Scenario(Build([HostReservationIdentifier.HwAddress, HostReservationIdentifier.ClientId]));
        Assert.Equal(Ipv4Address.Parse("192.0.2.100"), macFirst.Run(ClientMessage.Discover(Mac).WithClientId(id)).Packet!.YourAddress);
        var idFirst = new Scenario(Build([HostReservationIdentifier.ClientId, HostReservationIdentifier.HwAddress]));
        Assert.Equal(Ipv4Address.Parse("192.0.2.101"), idFirst.Run(ClientMessage.Discover(Mac).WithClientId(id)).Packet!.YourAddress);
        var idOnly = new Scenario(Build([HostReservationIdentifier.ClientId]));
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), idOnly.Run(ClientMessage.Discover(Mac)).Packet!.YourAddress);
    }

    [Fact]
    public void Reservation_by_circuit_id_and_by_duid()
    {
        byte[] duid = [0, 4, 1, 2, 3, 4];
        var s = Scenario.Simple(o => o.Reservations =
        [
            new HostReservation { CircuitId = "port-7"u8.ToArray(), IpAddress = Ipv4Address.Parse("192.0.2.107") },
            new HostReservation { Duid = duid, IpAddress = Ipv4Address.Parse("192.0.2.108") },
        ]);
        var byCircuit = s.Run(ClientMessage.Discover(Mac).Giaddr("192.0.2.5").With(82, [1, 6, .. "port-7"u8.ToArray()]));
        Assert.Equal(Ipv4Address.Parse("192.0.2.107"), byCircuit.Packet!.YourAddress);
        var byDuid = s.Run(ClientMessage.Discover(ClientMessage.MacOf(5)).WithClientId([255, 0, 0, 0, 9, .. duid]));
        Assert.Equal(Ipv4Address.Parse("192.0.2.108"), byDuid.Packet!.YourAddress);
    }

    [Fact]
    public void Option_data_precedence_is_reservation_then_class_then_pool_then_subnet_then_shared_network_then_global()
    {
        OptionDataSet Ntp(string a) => new([OptionDataItem.FromAddresses(42, Ipv4Address.Parse(a))]);
        var reservationMac = ClientMessage.MacOf(0x99);
        var pool = new Pool4(Ipv4Address.Parse("192.0.2.10"), Ipv4Address.Parse("192.0.2.20")) { OptionData = Ntp("10.0.0.3") };
        var subnet = new Subnet4(1, "192.0.2.0/24")
        {
            Pools = [pool],
            OptionData = Ntp("10.0.0.4"),
            Reservations = [new HostReservation { HwAddress = reservationMac, OptionData = Ntp("10.0.0.1") }],
        };
        var network = new SharedNetwork4("lan", [subnet]) { OptionData = Ntp("10.0.0.5") };
        var configuration = new Dhcp4Configuration
        {
            SharedNetworks = [network],
            OptionData = Ntp("10.0.0.6"),
            ClientClasses = [new ClientClassDefinition("lab") { Test = "option[60].text == 'lab'", OptionData = Ntp("10.0.0.2") }],
        };
        var s = new Scenario(configuration);

        byte[] Ntp42(Scenario.Result r)
        {
            Assert.True(r.Packet!.TryGetOption(42, out var v));
            return v.ToArray();
        }

        Assert.Equal(new byte[] { 10, 0, 0, 1 }, Ntp42(s.Run(ClientMessage.Discover(reservationMac).WithPrl(42).With(60, "lab"u8.ToArray()))));
        Assert.Equal(new byte[] { 10, 0, 0, 2 }, Ntp42(s.Run(ClientMessage.Discover(ClientMessage.MacOf(1)).WithPrl(42).With(60, "lab"u8.ToArray()))));
        Assert.Equal(new byte[] { 10, 0, 0, 3 }, Ntp42(s.Run(ClientMessage.Discover(ClientMessage.MacOf(2)).WithPrl(42))));
        Assert.Equal(new byte[] { 10, 0, 0, 3 }, Ntp42(s.Run(new ClientMessage(DhcpMessageType.Inform, ClientMessage.MacOf(3)).Ciaddr("192.0.2.15").WithPrl(42))));
        Assert.Equal(new byte[] { 10, 0, 0, 4 }, Ntp42(s.Run(new ClientMessage(DhcpMessageType.Inform, ClientMessage.MacOf(3)).Ciaddr("192.0.2.99").WithPrl(42))));
    }

    [Fact]
    public void Pool_client_class_restricts_the_pool_to_members()
    {
        var pxePool = new Pool4(Ipv4Address.Parse("192.0.2.50"), Ipv4Address.Parse("192.0.2.59")) { ClientClass = "pxe" };
        var general = Pool4.Parse("192.0.2.100 - 192.0.2.109");
        var configuration = new Dhcp4Configuration
        {
            ClientClasses = [new ClientClassDefinition("pxe") { Test = "substring(option[60].text, 0, 9) == 'PXEClient'" }],
            Subnets = [new Subnet4(1, "192.0.2.0/24") { Pools = [pxePool, general] }],
        };
        var s = new Scenario(configuration);
        var pxe = s.Run(ClientMessage.Discover(ClientMessage.MacOf(1)).With(60, "PXEClient:Arch:00007:UNDI:003016"u8.ToArray()));
        Assert.Equal(Ipv4Address.Parse("192.0.2.50"), pxe.Packet!.YourAddress);
        var plain = s.Run(ClientMessage.Discover(ClientMessage.MacOf(2)).With(50, "192.0.2.51"));
        Assert.Equal(Ipv4Address.Parse("192.0.2.100"), plain.Packet!.YourAddress);
    }

    [Fact]
    public void Pool_restricted_to_known_clients_serves_only_reserved_clients()
    {
        var configuration = new Dhcp4Configuration
        {
            Subnets =
            [
                new Subnet4(1, "192.0.2.0/24")
                {
                    Pools = [new Pool4(Ipv4Address.Parse("192.0.2.10"), Ipv4Address.Parse("192.0.2.20")) { ClientClass = "KNOWN" }],
                    Reservations = [new HostReservation { HwAddress = Mac, Hostname = "known" }],
                },
            ],
        };
        var s = new Scenario(configuration);
        Assert.Equal(DecisionOutcome.DroppedNoAddress, s.Run(ClientMessage.Discover(ClientMessage.MacOf(1))).Outcome);
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), s.Run(ClientMessage.Discover(Mac)).Packet!.YourAddress);
    }

    [Fact]
    public void Subnet_client_class_keeps_non_members_out()
    {
        var configuration = new Dhcp4Configuration
        {
            ClientClasses = [new ClientClassDefinition("voip") { Test = "option[60].text == 'phone'" }],
            Subnets = [new Subnet4(1, "192.0.2.0/24") { ClientClass = "voip", Pools = [Pool4.Parse("192.0.2.10 - 192.0.2.20")] }],
        };
        var s = new Scenario(configuration);
        Assert.Equal(DecisionOutcome.DroppedNoSubnet, s.Run(ClientMessage.Discover(ClientMessage.MacOf(1))).Outcome);
        Assert.Equal(ReplyKind.Offer, s.Run(ClientMessage.Discover(ClientMessage.MacOf(1)).With(60, "phone"u8.ToArray())).Reply);
    }

    [Fact]
    public void Known_dependent_class_is_evaluated_after_host_lookup()
    {
        var configuration = new Dhcp4Configuration
        {
            ClientClasses =
            [
                new ClientClassDefinition("staff"),
                new ClientClassDefinition("known-staff") { Test = "member('KNOWN') and member('staff')", BootFileName = "staff.efi" },
            ],
            Subnets =
            [
                new Subnet4(1, "192.0.2.0/24")
                {
                    Pools = [Pool4.Parse("192.0.2.10 - 192.0.2.20")],
                    Reservations = [new HostReservation { HwAddress = Mac, ClientClasses = ["staff"] }],
                },
            ],
        };
        var s = new Scenario(configuration);
        Assert.Equal("staff.efi", Encoding.ASCII.GetString(s.Run(ClientMessage.Discover(Mac)).Packet!.BootFileName).TrimEnd('\0'));
        Assert.Equal(string.Empty, Encoding.ASCII.GetString(s.Run(ClientMessage.Discover(ClientMessage.MacOf(1))).Packet!.BootFileName).TrimEnd('\0'));
    }

    [Fact]
    public void Pxe_uefi_and_bios_classes_set_next_server_boot_file_and_vendor_options()
    {
        var configuration = new Dhcp4Configuration
        {
            ClientClasses = PxeBootClasses.Create(Ipv4Address.Parse("192.0.2.2"), biosBootFile: "undionly.kpxe", uefiBootFile: "ipxe.efi"),
            Subnets = [new Subnet4(1, "192.0.2.0/24") { Pools = [Pool4.Parse("192.0.2.10 - 192.0.2.20")] }],
        };
        var s = new Scenario(configuration);
        byte[] uuid = [0, .. Enumerable.Range(1, 16).Select(i => (byte)i)];
        var uefi = s.Run(ClientMessage.Discover(ClientMessage.MacOf(1))
            .With(60, "PXEClient:Arch:00007:UNDI:003016"u8.ToArray()).With(93, 0, 7).With(97, uuid).WithPrl(43, 60, 66, 67, 97));
        Assert.Equal(Ipv4Address.Parse("192.0.2.2"), uefi.Packet!.ServerAddress);
        Assert.Equal("ipxe.efi", Encoding.ASCII.GetString(uefi.Packet.BootFileName).TrimEnd('\0'));
        Assert.Equal("PXEClient", uefi.Packet.GetOptionText(DhcpOptionCode.VendorClassIdentifier));
        Assert.True(uefi.Packet.TryGetOption(97, out var echoed));
        Assert.Equal(uuid, echoed.ToArray());
        Assert.True(uefi.Packet.TryGetOption(43, out var vendor));
        Assert.Equal(new byte[] { 6, 1, 8, 255 }, vendor.ToArray());

        var bios = s.Run(ClientMessage.Discover(ClientMessage.MacOf(2)).With(60, "PXEClient:Arch:00000:UNDI:002001"u8.ToArray()).With(93, 0, 0));
        Assert.Equal("undionly.kpxe", Encoding.ASCII.GetString(bios.Packet!.BootFileName).TrimEnd('\0'));

        var plain = s.Run(ClientMessage.Discover(ClientMessage.MacOf(3)).WithPrl(60, 43));
        Assert.False(plain.Packet!.HasOption(60));
        Assert.False(plain.Packet.HasOption(43));
        Assert.Equal(Ipv4Address.Any, plain.Packet.ServerAddress);
    }

    [Fact]
    public void Shared_network_uses_the_next_subnet_when_the_first_is_full()
    {
        var first = new Subnet4(1, "192.0.2.0/24") { Pools = [Pool4.Parse("192.0.2.10 - 192.0.2.10")] };
        var second = new Subnet4(2, "198.51.100.0/24") { Pools = [Pool4.Parse("198.51.100.10 - 198.51.100.10")] };
        var s = new Scenario(new Dhcp4Configuration { SharedNetworks = [new SharedNetwork4("floor-1", [first, second])] });
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), s.Dora(ClientMessage.MacOf(1)));
        Assert.Equal(Ipv4Address.Parse("198.51.100.10"), s.Dora(ClientMessage.MacOf(2)));
        var renew = s.Run(ClientMessage.Request(ClientMessage.MacOf(2)).Ciaddr("198.51.100.10"));
        Assert.Equal(ReplyKind.Ack, renew.Reply);
    }

    [Fact]
    public void Class_valid_lifetime_overrides_the_subnet_lifetime()
    {
        var s = Scenario.Simple(o => o.Classes = [new ClientClassDefinition("short") { Test = "pkt4.mac == 0x020000000042", ValidLifetime = 120 }]);
        var r = s.Run(ClientMessage.Discover(Mac));
        Assert.True(r.Packet!.TryGetOption(51, out var lifetime));
        Assert.Equal(new byte[] { 0, 0, 0, 120 }, lifetime.ToArray());
    }

    [Fact]
    public void Option_data_falls_back_to_the_shared_network_then_the_global_scope()
    {
        OptionDataSet Ntp(string a) => new([OptionDataItem.FromAddresses(42, Ipv4Address.Parse(a))]);
        var inNetwork = new Subnet4(1, "192.0.2.0/24");
        var alone = new Subnet4(2, "198.51.100.0/24");
        var s = new Scenario(new Dhcp4Configuration
        {
            OptionData = Ntp("10.0.0.6"),
            Subnets = [alone],
            SharedNetworks = [new SharedNetwork4("lan", [inNetwork]) { OptionData = Ntp("10.0.0.5") }],
        });

        byte[] Ntp42(string ciaddr)
        {
            var r = s.Run(new ClientMessage(DhcpMessageType.Inform, ClientMessage.MacOf(1)).Ciaddr(ciaddr).WithPrl(42));
            Assert.True(r.Packet!.TryGetOption(42, out var v));
            return v.ToArray();
        }

        Assert.Equal(new byte[] { 10, 0, 0, 5 }, Ntp42("192.0.2.77"));
        Assert.Equal(new byte[] { 10, 0, 0, 6 }, Ntp42("198.51.100.77"));
    }

    [Fact]
    public void Boot_fields_come_from_reservation_then_class_then_subnet_scope()
    {
        var s = new Scenario(new Dhcp4Configuration
        {
            ServerHostname = "tftp.example.org",
            NextServer = Ipv4Address.Parse("192.0.2.3"),
            BootFileName = "default.efi",
            ClientClasses = [new ClientClassDefinition("lab") { Test = "option[60].text == 'lab'", BootFileName = "lab.efi", ServerHostname = "lab-tftp" }],
            Subnets =
            [
                new Subnet4(1, "192.0.2.0/24")
                {
                    Pools = [Pool4.Parse("192.0.2.10 - 192.0.2.20")],
                    Reservations = [new HostReservation { HwAddress = Mac, BootFileName = "host.efi", NextServer = Ipv4Address.Parse("192.0.2.4") }],
                },
            ],
        });

        static (string File, string Name, Ipv4Address Next) Boot(Scenario.Result r) => (
            Encoding.ASCII.GetString(r.Packet!.BootFileName).TrimEnd('\0'),
            Encoding.ASCII.GetString(r.Packet.ServerName).TrimEnd('\0'),
            r.Packet.ServerAddress);

        Assert.Equal(("host.efi", "tftp.example.org", Ipv4Address.Parse("192.0.2.4")), Boot(s.Run(ClientMessage.Discover(Mac))));
        Assert.Equal(("lab.efi", "lab-tftp", Ipv4Address.Parse("192.0.2.3")), Boot(s.Run(ClientMessage.Discover(ClientMessage.MacOf(1)).With(60, "lab"u8.ToArray()))));
        Assert.Equal(("default.efi", "tftp.example.org", Ipv4Address.Parse("192.0.2.3")), Boot(s.Run(ClientMessage.Discover(ClientMessage.MacOf(2)))));
    }
}
