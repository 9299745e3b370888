using DhcpCluster.Dhcp.Options;

namespace DhcpCluster.Dhcp.Tests.Options;

public class OptionDataTests
{
    private static OptionDefinition Std(string name)
    {
        Assert.True(StandardOptions.TryGet(name, out var definition), name);
        return definition;
    }

    [Theory]
    [InlineData("subnet-mask", "255.255.255.0", "FFFFFF00")]
    [InlineData("time-offset", "-3600", "FFFFF1F0")]
    [InlineData("routers", "192.0.2.1", "C0000201")]
    [InlineData("domain-name-servers", "192.0.2.1, 192.0.2.2", "C0000201C0000202")]
    [InlineData("ntp-servers", "203.0.113.1,203.0.113.2", "CB007101CB007102")]
    [InlineData("host-name", "host-1", "686F73742D31")]
    [InlineData("domain-name", "example.test", "6578616D706C652E74657374")]
    [InlineData("boot-size", "65535", "FFFF")]
    [InlineData("ip-forwarding", "true", "01")]
    [InlineData("all-subnets-local", "false", "00")]
    [InlineData("default-ip-ttl", "64", "40")]
    [InlineData("interface-mtu", "1500", "05DC")]
    [InlineData("dhcp-lease-time", "4294967295", "FFFFFFFF")]
    [InlineData("path-mtu-plateau-table", "1500, 576", "05DC0240")]
    [InlineData("dhcp-parameter-request-list", "1, 3, 6, 15", "0103060F")]
    [InlineData("dhcp-client-identifier", "01020000000A01", "01020000000A01")]
    [InlineData("domain-search", "example.test, lab.example.test", "076578616D706C65047465737400036C6162076578616D706C650474657374 00")]
    [InlineData("slp-directory-agent", "true, 192.0.2.1, 192.0.2.2", "01C0000201C0000202")]
    [InlineData("client-system", "7, 9", "00070009")]
    [InlineData("client-ndi", "1, 3, 16", "010310")]
    [InlineData("uuid-guid", "0, 000102030405060708090A0B0C0D0E0F", "00000102030405060708090A0B0C0D0E0F")]
    [InlineData("vivco-suboptions", "4491, 0A0B", "0000118B0A0B")]
    [InlineData("name-service-search", "6, 41", "00060029")]
    [InlineData("v4-portparams", "0, 3/4", "00043000")]
    [InlineData("option-6rd", "16, 32, 2001:db8::, 192.0.2.1, 192.0.2.2", "10202001 0DB8000000000000000000000000C0000201C0000202")]
    [InlineData("v4-sztp-redirect", "https://a.test/, ftp://b", "000F68747470733A2F2F612E746573742F0007667470 3A2F2F62")]
    [InlineData("classless-static-route", "10.0.0.0/8 - 192.0.2.1, 0.0.0.0/0 - 192.0.2.254, 198.51.100.128/25 - 192.0.2.2",
        "080AC000020100C00002FE19C6336480C0000202")]
    public void Kea_text_encodes_to_the_rfc_wire_format(string name, string data, string hex)
    {
        var definition = Std(name);
        var wire = OptionData.Encode(definition, data);
        Assert.Equal(hex.Replace(" ", string.Empty, StringComparison.Ordinal), Convert.ToHexString(wire));
        Assert.Equal(wire, OptionData.Encode(definition, OptionData.Decode(definition, wire)));
    }

    [Theory]
    [InlineData("routers", "192.0.2.1, 192.0.2.2", "192.0.2.1, 192.0.2.2")]
    [InlineData("domain-search", "example.test", "example.test.")]
    [InlineData("ip-forwarding", "1", "true")]
    [InlineData("boot-size", "0x10", "16")]
    [InlineData("dhcp-client-identifier", "0x01:02:03", "010203")]
    [InlineData("fqdn", "5, 0, 0, host.example.test.", "5, 0, 0, host.example.test.")]
    [InlineData("fqdn", "1, 0, 0, host", "1, 0, 0, host")]
    [InlineData("classless-static-route", "0.0.0.0/0-192.0.2.1", "0.0.0.0/0 - 192.0.2.1")]
    [InlineData("dhcp-message", "hello\\, world", "hello\\, world")]
    [InlineData("dhcp-message", " padded ", " padded ")]
    [InlineData("v4-captive-portal", "https://portal.example.test/?a=1,b=2", "https://portal.example.test/?a=1\\,b=2")]
    public void Decoding_gives_keas_text_form(string name, string data, string expected)
    {
        var definition = Std(name);
        Assert.Equal(expected, OptionData.Decode(definition, OptionData.Encode(definition, data)));
    }

    [Fact]
    public void Rfc4702_fqdn_option_text_uses_the_e_flag_for_the_name_encoding()
    {
        var definition = Std("fqdn");
        Assert.Equal("05000004686F737400", Convert.ToHexString(OptionData.Encode(definition, "5, 0, 0, host.")));
        Assert.Equal("010000686F7374", Convert.ToHexString(OptionData.Encode(definition, "1, 0, 0, host")));
    }

    [Theory]
    [InlineData("routers", "192.0.2.x", "routers: '192.0.2.x' is not an IPv4 address.")]
    [InlineData("routers", "", "routers: '' is not an IPv4 address.")]
    [InlineData("subnet-mask", "255.255.255.0, 255.0.0.0", "subnet-mask: expects one ipv4-address value, got 2.")]
    [InlineData("default-ip-ttl", "256", "default-ip-ttl: '256' is outside 0-255.")]
    [InlineData("time-offset", "ten", "time-offset: 'ten' is not an integer.")]
    [InlineData("ip-forwarding", "yes", "ip-forwarding: 'yes' is not a boolean (true or false).")]
    [InlineData("host-name", "", "host-name: a string value is empty.")]
    [InlineData("dhcp-client-identifier", "0G", "dhcp-client-identifier: '0G' is not hex data ('G' is not a hex digit).")]
    [InlineData("domain-search", "a..b", "domain-search: 'a..b' has an empty label.")]
    [InlineData("slp-directory-agent", "true", "slp-directory-agent: expects at least 2 values for record (boolean, ipv4-address), got 1.")]
    [InlineData("classless-static-route", "10.0.0.1/8 - 192.0.2.1", "classless-static-route: 10.0.0.1/8 has host bits set (the network is 10.0.0.0/8).")]
    [InlineData("classless-static-route", "10.0.0.0/8", "classless-static-route: '10.0.0.0/8' is not a route (expected 'prefix - router', e.g. '10.0.0.0/8 - 192.0.2.1').")]
    [InlineData("vendor-encapsulated-options", "01 02", "vendor-encapsulated-options: type 'empty' takes no data; give the sub-options as hex with csv-format = false.")]
    [InlineData("v4-portparams", "0, 17/4", "v4-portparams: PSID 17 does not fit in 4 bits.")]
    public void Bad_data_gets_a_clear_error_naming_the_option(string name, string data, string message)
    {
        var e = Assert.Throws<OptionDataException>(() => OptionData.Encode(Std(name), data));
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("vendor-encapsulated-options", "01 04 C0 00 02 01", "0104C0000201")]
    [InlineData("routers", "0xC0000201C0000202", "C0000201C0000202")]
    [InlineData("host-name", "68:6f:73:74", "686F7374")]
    public void Csv_format_false_takes_hex(string name, string data, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(OptionData.Encode(Std(name), data, csvFormat: false)));
    }

    [Fact]
    public void Csv_format_false_checks_the_bytes_against_the_definition()
    {
        var e = Assert.Throws<OptionDataException>(() => OptionData.Encode(Std("routers"), "C00002", csvFormat: false));
        Assert.StartsWith("routers: the hex data does not match type ipv4-address array:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("routers", "C00002")]
    [InlineData("routers", "")]
    [InlineData("ip-forwarding", "02")]
    [InlineData("domain-search", "0361")]
    [InlineData("classless-static-route", "210A000000C0000201")]
    [InlineData("classless-static-route", "080A01C0000201")]
    [InlineData("host-name", "FF")]
    public void Wire_bytes_that_do_not_match_the_definition_do_not_decode(string name, string hex)
    {
        Assert.False(OptionData.TryDecode(Std(name), Convert.FromHexString(hex), out _, out var error));
        Assert.StartsWith(name + ": ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_options_decode_their_sub_options_as_hex()
    {
        Assert.Equal("0102AABB", OptionData.Decode(Std("dhcp-agent-options"), [1, 2, 0xAA, 0xBB]));
        Assert.Empty(OptionData.Encode(Std("vendor-encapsulated-options"), string.Empty));
    }
}
