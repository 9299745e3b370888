using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Configuration.KeaLeaseCsv;

namespace DhcpCluster.Server.Tests.Configuration;

public sealed class KeaLeaseCsvReaderTests
{
    private const string Header = "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state,user_context";

    private static KeaLeaseCsvResult Read(params string[] lines) => KeaLeaseCsvReader.Read(new StringReader(string.Join('\n', lines)));

    /// <summary>
    /// kea-2.2-leases4.csv was written by Kea 2.2 (Debian's kea-dhcp4-server) in a network namespace with
    /// kea-2.2-leases4.kea.json: udhcpc with a client id and a hostname, udhcpc without client id, three perfdhcp
    /// clients through a relay address, then a DECLINE of 192.0.2.102 and a RELEASE of 192.0.2.100 (scapy).
    /// </summary>
    [Fact]
    public void A_lease_file_written_by_kea_22_reads_as_the_last_row_of_each_address()
    {
        var result = KeaLeaseCsvReader.ReadFile(ConfigurationTestFiles.PathOf("kea-2.2-leases4.csv"));
        Assert.Empty(result.Errors);
        Assert.Equal(9, result.Rows);
        Assert.Equal(
            "192.0.2.102 198.18.0.100 198.18.0.101 198.18.0.102",
            string.Join(' ', result.Leases.Select(l => l.Address)));

        // The DECLINE: no client, the probation period as lifetime.
        var declined = result.Leases[0];
        Assert.Equal(LeaseState.Declined, declined.State);
        Assert.True(declined.HardwareAddress.IsEmpty);
        Assert.Null(declined.ClientIdentifier);
        Assert.Equal((86400u, 1795400380L, 1795313980L), (declined.ValidLifetime, declined.Expires, declined.Start));

        // A relayed perfdhcp client with a client identifier, in subnet 2.
        var relayed = result.Leases[1];
        Assert.Equal(
            new Lease(
                Ipv4Address.Parse("198.18.0.100"),
                2,
                ClientKey.FromHardwareAddress(1, Convert.FromHexString("000C01020304")),
                ClientKey.FromClientIdentifier(Convert.FromHexString("01000C01020304")),
                LeaseState.Bound,
                1795317566 - 3600,
                1795317566,
                3600,
                null),
            relayed);
    }

    [Fact]
    public void A_row_with_lifetime_zero_deletes_and_a_later_row_brings_an_address_back()
    {
        var result = Read(
            Header,
            "192.0.2.10,aa:bb:cc:dd:ee:ff,,3600,1000003600,1,0,0,pc&#x2c one,0,",
            "192.0.2.10,aa:bb:cc:dd:ee:ff,,0,1000000000,1,0,0,,0,",
            "192.0.2.11,aa:bb:cc:dd:ee:01,,3600,1000003600,1,0,0,,0,",
            "192.0.2.11,aa:bb:cc:dd:ee:01,,0,1000000000,1,0,0,,0,",
            "192.0.2.11,aa:bb:cc:dd:ee:02,,600,1000000600,1,1,1,pc&#x2c two,2,");
        var lease = Assert.Single(result.Leases);
        Assert.Equal((Ipv4Address.Parse("192.0.2.11"), LeaseState.Expired, "pc, two"), (lease.Address, lease.State, lease.Hostname));
        Assert.Equal(ClientKey.FromHardwareAddress(1, Convert.FromHexString("AABBCCDDEE02")), lease.Owner);
    }

    [Fact]
    public void A_kea_26_file_with_pool_ids_and_the_released_state_reads()
    {
        var result = Read(
            Header + ",pool_id",
            "192.0.2.20,aa:bb:cc:dd:ee:ff,ff:00:00:00:01:00:01,3600,1000003600,7,0,0,,3,{ \"comment\": \"x\" },4");
        Assert.Empty(result.Errors);
        var lease = Assert.Single(result.Leases);
        Assert.Equal((LeaseState.Released, 7u), (lease.State, lease.SubnetId));
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_numbers_and_skipped()
    {
        var result = Read(
            Header,
            "192.0.2.10,aa:bb:cc:dd:ee:ff,,3600,1000003600,1,0,0,,0,",
            "192.0.2.300,aa:bb:cc:dd:ee:ff,,3600,1000003600,1,0,0,,0,",
            "192.0.2.12,aa:bb:cc:zz:ee:ff,,3600,1000003600,1,0,0,,0,",
            "",
            "192.0.2.13,aa:bb:cc:dd:ee:ff,,3600,1000003600,1,0,0,,9,",
            "192.0.2.14,aa:bb:cc:dd:ee:ff,,3600,1000003600,0,0,0,,0,",
            "192.0.2.15,aa:bb:cc:dd:ee:ff,,-1,1000003600,1,0,0,,0,",
            "192.0.2.16,,,3600,1000003600,1,0,0,,0,",
            "192.0.2.17,aa:bb:cc:dd:ee:ff,3600");
        Assert.Equal("192.0.2.10", Assert.Single(result.Leases).Address.ToString());
        Assert.Equal(
            [
                new KeaLeaseCsvError(3, "address '192.0.2.300' is not an IPv4 address"),
                new KeaLeaseCsvError(4, "hwaddr 'aa:bb:cc:zz:ee:ff' is not a hardware address (hex bytes separated by colons, at most 16)"),
                new KeaLeaseCsvError(6, "state '9' is not a Kea lease state (0 default, 1 declined, 2 expired-reclaimed, 3 released)"),
                new KeaLeaseCsvError(7, "subnet_id '0' is not a subnet id"),
                new KeaLeaseCsvError(8, "valid_lifetime '-1' is not a number of seconds"),
                new KeaLeaseCsvError(9, "hwaddr is empty (only a declined lease has none)"),
                new KeaLeaseCsvError(10, "3 fields, the header has 11"),
            ],
            result.Errors);
    }

    [Fact]
    public void A_file_that_is_not_a_kea_lease_file_is_one_error_on_line_1()
    {
        Assert.Equal([new KeaLeaseCsvError(1, "not a Kea DHCPv4 lease file header: missing column(s) hwaddr, client_id, state")], Read("address,duid,valid_lifetime,expire,subnet_id").Errors);
        Assert.Equal([new KeaLeaseCsvError(1, "the file is empty: expected the header line of a Kea lease file")], Read(string.Empty).Errors);
    }

    [Fact]
    public void A_memfile_database_naming_an_existing_kea_file_imports_it_and_the_check_reports_its_bad_rows_by_line()
    {
        using var csv = new ConfigurationTestFiles.TemporaryFile(Header + "\n192.0.2.10,aa:bb:cc:dd:ee:ff,,3600,1000003600,1,0,0,,0,\n192.0.2.11,aa:bb,,x,1,1,0,0,,0,\n", ".csv");
        var binding = ConfigurationTestFiles.BindText($$"""
            Dhcp4 {
              interfaces-config.interfaces = [ eth0 ]
              lease-database { type = memfile, name = "{{csv.Path}}" }
            }
            """);
        Assert.Equal(
            [$"{csv.Path}:3:1: Dhcp4.lease-database.name: the Kea lease file cannot be imported: valid_lifetime 'x' is not a number of seconds"],
            binding.Problems());

        File.WriteAllText(csv.Path, Header + "\n192.0.2.10,aa:bb:cc:dd:ee:ff,,3600,1000003600,1,0,0,,0,\n");
        var database = ConfigurationTestFiles.BindText($$"""
            Dhcp4 {
              interfaces-config.interfaces = [ eth0 ]
              lease-database { type = memfile, name = "{{csv.Path}}" }
            }
            """).Configuration!.LeaseDatabase;
        Assert.Equal(csv.Path, database.ImportFile);
        Assert.Equal(Path.ChangeExtension(csv.Path, ".db"), database.SqliteFile);
    }
}
