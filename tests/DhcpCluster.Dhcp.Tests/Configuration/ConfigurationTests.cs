using DhcpCluster.Dhcp.Configuration;

namespace DhcpCluster.Dhcp.Tests.Configuration;

public class ConfigurationTests
{
    [Theory]
    [InlineData("192.0.2.10 - 192.0.2.200", "192.0.2.10", "192.0.2.200")]
    [InlineData("192.0.2.10-192.0.2.10", "192.0.2.10", "192.0.2.10")]
    [InlineData("192.0.2.64/26", "192.0.2.64", "192.0.2.127")]
    [InlineData("10.0.0.0/8", "10.0.0.0", "10.255.255.255")]
    public void Pools_parse_from_Kea_range_and_prefix_text(string text, string first, string last)
    {
        var pool = Pool4.Parse(text);
        Assert.Equal(Ipv4Address.Parse(first), pool.First);
        Assert.Equal(Ipv4Address.Parse(last), pool.Last);
    }

    [Theory]
    [InlineData("192.0.2.10 - 192.0.2.5", "below the first")]
    [InlineData("192.0.2.10 - x", "two IPv4 addresses")]
    [InlineData("192.0.2.65/26", "bits set beyond the prefix length")]
    [InlineData("192.0.2.0/33", "length of 0..32")]
    [InlineData("192.0.2.10", "expected 'first - last' or 'address/length'")]
    public void Bad_pool_text_is_a_clear_error(string text, string problem)
    {
        var error = Assert.Throws<FormatException>(() => Pool4.Parse(text));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pool_constructor_refuses_a_reversed_range()
    {
        Assert.Throws<ArgumentException>(() => new Pool4(Ipv4Address.Parse("192.0.2.9"), Ipv4Address.Parse("192.0.2.1")));
    }

    [Fact]
    public void Effective_parameters_inherit_subnet_then_shared_network_then_global_then_Kea_defaults()
    {
        var inNetwork = new Subnet4(1, "192.0.2.0/24") { RenewTimer = 100 };
        var alone = new Subnet4(2, "198.51.100.0/24");
        var configuration = new Dhcp4Configuration
        {
            ValidLifetime = 1000,
            Authoritative = true,
            Subnets = [alone],
            SharedNetworks = [new SharedNetwork4("n", [inNetwork]) { ValidLifetime = 500, MatchClientId = false, NextServer = Ipv4Address.Parse("192.0.2.2") }],
        }.Build();

        Assert.Equal(500u, inNetwork.Effective.ValidLifetime);
        Assert.Equal(100u, inNetwork.Effective.T1(500));
        Assert.Equal(437u, inNetwork.Effective.T2(500));
        Assert.False(inNetwork.Effective.MatchClientId);
        Assert.True(inNetwork.Effective.Authoritative);
        Assert.Equal(Ipv4Address.Parse("192.0.2.2"), inNetwork.Effective.NextServer);
        Assert.Equal(1000u, alone.Effective.ValidLifetime);
        Assert.True(alone.Effective.MatchClientId);
        Assert.Equal(AllocatorKind.Iterative, alone.Effective.Allocator);
        Assert.Equal(500u, alone.Effective.T1(1000));
        Assert.Same(inNetwork, configuration.FindSubnet(1));
        Assert.Equal(Dhcp4Configuration.DefaultDeclineProbationPeriod, configuration.DeclineProbationPeriod);
        Assert.Equal(7200u, new Dhcp4Configuration { Subnets = [new Subnet4(3, "203.0.113.0/24")] }.Build().AllSubnets[0].Effective.ValidLifetime);
    }

    [Fact]
    public void Subnet_lookup_by_address_relay_and_interface()
    {
        var a = new Subnet4(1, "192.0.2.0/24") { Interface = "eth1" };
        var b = new Subnet4(2, "198.51.100.0/25") { RelayAddresses = [Ipv4Address.Parse("10.0.0.1")] };
        var c = new Subnet4(3, "10.20.0.0/16");
        var configuration = new Dhcp4Configuration { Subnets = [c, a, b] }.Build();

        Assert.Same(a, configuration.FindSubnetContaining(Ipv4Address.Parse("192.0.2.255")));
        Assert.Same(b, configuration.FindSubnetContaining(Ipv4Address.Parse("198.51.100.127")));
        Assert.Null(configuration.FindSubnetContaining(Ipv4Address.Parse("198.51.100.128")));
        Assert.Same(c, configuration.FindSubnetContaining(Ipv4Address.Parse("10.20.255.1")));
        Assert.Null(configuration.FindSubnetContaining(Ipv4Address.Parse("1.1.1.1")));
        Assert.Same(b, Assert.Single(configuration.FindSubnetsByRelay(Ipv4Address.Parse("10.0.0.1"))));
        Assert.Same(a, configuration.FindSubnetByInterface("eth1"));
        Assert.Null(configuration.FindSubnetByInterface("eth9"));
    }

    [Theory]
    [MemberData(nameof(InvalidConfigurations))]
    public void Invalid_configurations_name_the_key_and_problem(Func<Dhcp4Configuration> create, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => create().Build());
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Func<Dhcp4Configuration>, string> InvalidConfigurations() => new()
    {
        { () => new Dhcp4Configuration { Subnets = [new Subnet4(1, "192.0.2.0/24"), new Subnet4(1, "198.51.100.0/24")] }, "subnet4: id 1 is used twice" },
        { () => new Dhcp4Configuration { Subnets = [new Subnet4(1, "192.0.2.0/24"), new Subnet4(2, "192.0.2.128/25")] }, "overlaps" },
        { () => new Dhcp4Configuration { Subnets = [new Subnet4(1, "192.0.2.0/24") { Pools = [Pool4.Parse("192.0.3.1 - 192.0.3.9")] }] }, "is not inside the subnet" },
        { () => new Dhcp4Configuration { Subnets = [new Subnet4(1, "192.0.2.0/24") { Pools = [Pool4.Parse("192.0.2.1 - 192.0.2.9"), Pool4.Parse("192.0.2.5 - 192.0.2.20")] }] }, "overlaps pool" },
        { () => new Dhcp4Configuration { Subnets = [new Subnet4(1, "192.0.2.0/24") { Reservations = [new HostReservation { HwAddress = new byte[] { 1, 2, 3, 4, 5, 6 }, IpAddress = Ipv4Address.Parse("10.0.0.1") }] }] }, "is outside 192.0.2.0/24" },
        { () => new Dhcp4Configuration { Subnets = [new Subnet4(1, "192.0.2.0/24") { Reservations = [new HostReservation { IpAddress = Ipv4Address.Parse("192.0.2.9") }] }] }, "exactly one of hw-address, client-id, circuit-id, duid" },
        {
            () => new Dhcp4Configuration
            {
                Subnets = [new Subnet4(1, "192.0.2.0/24")
                {
                    Reservations =
                    [
                        new HostReservation { HwAddress = new byte[] { 1, 2, 3, 4, 5, 6 }, IpAddress = Ipv4Address.Parse("192.0.2.9") },
                        new HostReservation { HwAddress = new byte[] { 1, 2, 3, 4, 5, 7 }, IpAddress = Ipv4Address.Parse("192.0.2.9") },
                    ],
                }],
            },
            "ip-address 192.0.2.9 is reserved twice"
        },
        { () => new Dhcp4Configuration { Subnets = [new Subnet4(1, "192.0.2.0/24") { ClientClass = "nope" }] }, "member('nope') refers to a class that is not defined" },
        { () => new Dhcp4Configuration { Subnets = [new Subnet4(1, "192.0.2.0/24") { RenewTimer = 900, RebindTimer = 600 }] }, "renew-timer (900) is greater than rebind-timer (600)" },
        { () => new Dhcp4Configuration { ValidLifetime = 0 }, "valid-lifetime must be at least 1 second" },
        { () => new Dhcp4Configuration { DeclineProbationPeriod = 0 }, "decline-probation-period" },
        { () => new Dhcp4Configuration { T1Percent = 1.5 }, "t1-percent must be between 0 and 1" },
        { () => new Dhcp4Configuration { Subnets = [new Subnet4(1, "192.0.2.0/24") { Reservations = [new HostReservation { HwAddress = new byte[] { 1 }, ClientClasses = ["ghost"] }] }] }, "'ghost' is not a defined class" },
        { () => new Dhcp4Configuration { ClientClasses = [new ClientClassDefinition("bad") { Test = "option[60].text ==" }] }, "class 'bad': test: expression" },
    };

    [Theory]
    [InlineData("01:aa:bb:cc:dd:ee:ff", new byte[] { 1, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff })]
    [InlineData("01aabbcc", new byte[] { 1, 0xaa, 0xbb, 0xcc })]
    [InlineData("0x01AABB", new byte[] { 1, 0xaa, 0xbb })]
    [InlineData("1:2:3", new byte[] { 1, 2, 3 })]
    [InlineData("aa-bb-cc", new byte[] { 0xaa, 0xbb, 0xcc })]
    public void Kea_hex_identifiers_parse(string text, byte[] expected)
    {
        Assert.Equal(expected, HostReservation.ParseHexIdentifier(text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zz:11")]
    [InlineData("123:4")]
    [InlineData("")]
    public void Bad_hex_identifiers_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => HostReservation.ParseHexIdentifier(text));
    }

    [Fact]
    public void Option_data_set_keeps_the_last_item_per_code_and_refuses_pad_and_end()
    {
        var set = new OptionDataSet([OptionDataItem.FromText(15, "a"), OptionDataItem.FromText(15, "b"), OptionDataItem.Create(3, 1, 2, 3, 4)]);
        Assert.Equal("b"u8.ToArray(), set.Get(15)!.Value.ToArray());
        Assert.Equal(2, set.Items.Count);
        Assert.Null(set.Get(6));
        Assert.Throws<ArgumentException>(() => new OptionDataSet([OptionDataItem.Create(255, 1)]));
    }
}
