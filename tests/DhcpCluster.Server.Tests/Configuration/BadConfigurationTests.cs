namespace DhcpCluster.Server.Tests.Configuration;

/// <summary>Every user mistake is a problem with file, line, column, key path and what is wrong; nothing throws.</summary>
public sealed class BadConfigurationTests
{
    private static IReadOnlyList<string> Errors(string dhcp4Body) =>
        ConfigurationTestFiles.BindText("Dhcp4 {\n  interfaces-config.interfaces = [ eth0 ]\n" + dhcp4Body + "\n}").Errors();

    [Fact]
    public void A_wrong_type()
    {
        Assert.Equal(
            ["node.conf:3:20: Dhcp4.valid-lifetime: expected a long integer, found \"two hours\""],
            Errors("  valid-lifetime = two hours"));
    }

    [Fact]
    public void A_pool_outside_its_subnet()
    {
        Assert.Equal(
            ["node.conf:4:24: Dhcp4.subnet4[0].pools[0].pool: pool 192.0.3.10 - 192.0.3.20 is outside the subnet 192.0.2.0/24"],
            Errors("""
              subnet4 = [ { id = 1, subnet = "192.0.2.0/24",
                pools = [ { pool = "192.0.3.10 - 192.0.3.20" } ] } ]
            """));
    }

    [Fact]
    public void An_overlapping_pool_names_the_pool_it_overlaps()
    {
        Assert.Equal(
            ["node.conf:6:16: Dhcp4.subnet4[0].pools[1].pool: pool 192.0.2.150 - 192.0.2.250 overlaps pool 192.0.2.100 - 192.0.2.200 (Dhcp4.subnet4[0].pools[0])"],
            Errors("""
              subnet4 = [ { id = 1, subnet = "192.0.2.0/24",
                pools = [
                  { pool = "192.0.2.100 - 192.0.2.200" }
                  { pool = "192.0.2.150 - 192.0.2.250" }
                ] } ]
            """));
    }

    [Fact]
    public void A_malformed_pool()
    {
        Assert.Equal(
            ["node.conf:3:69: Dhcp4.subnet4[0].pools[0].pool: pool '192.0.2.10 to 192.0.2.20': expected 'first - last' or 'address/length'"],
            Errors("""  subnet4 = [ { id = 1, subnet = "192.0.2.0/24", pools = [ { pool = "192.0.2.10 to 192.0.2.20" } ] } ]"""));
    }

    [Fact]
    public void Overlapping_subnets_and_duplicate_ids_across_shared_networks()
    {
        Assert.Equal(
            [
                "node.conf:5:14: Dhcp4.shared-networks[0].subnet4[0].id: subnet id 1 is already used by Dhcp4.subnet4[0] (192.0.2.0/24)",
                "node.conf:6:26: Dhcp4.shared-networks[0].subnet4[1].subnet: subnet 192.0.2.128/25 overlaps subnet 192.0.2.0/24 (Dhcp4.subnet4[0])",
            ],
            Errors("""
              subnet4 = [ { id = 1, subnet = "192.0.2.0/24" } ]
              shared-networks = [ { name = lab, subnet4 = [
                  { id = 1, subnet = "198.51.100.0/24" }
                  { id = 2, subnet = "192.0.2.128/25" }
              ] } ]
            """));
    }

    [Fact]
    public void A_reservation_outside_its_subnet_and_a_reservation_without_identifier()
    {
        Assert.Equal(
            [
                "node.conf:4:54: Dhcp4.subnet4[0].reservations[0].ip-address: reserved address 198.51.100.7 is outside the subnet 192.0.2.0/24",
                "node.conf:5:5: Dhcp4.subnet4[0].reservations[1].hw-address: a reservation needs one identifier: hw-address, client-id, circuit-id or duid",
            ],
            Errors("""
              subnet4 = [ { id = 1, subnet = "192.0.2.0/24", reservations = [
                { hw-address = "aa:bb:cc:dd:ee:ff", ip-address = "198.51.100.7" }
                { ip-address = "192.0.2.8" }
              ] } ]
            """));
    }

    [Fact]
    public void An_unknown_option_name_a_bad_code_and_bad_data()
    {
        Assert.Equal(
            [
                "node.conf:4:14: Dhcp4.option-data[0].name: unknown option name 'dns-servers' in space 'dhcp4' (define it with option-def)",
                "node.conf:5:14: Dhcp4.option-data[1].code: 300 is out of range: expected an option code from 1 to 254",
                "node.conf:6:30: Dhcp4.option-data[2].data: routers: '192.0.2.x' is not an IPv4 address",
                "node.conf:7:32: Dhcp4.option-data[3].csv-format: option code 200 has no definition: give the data in hex with csv-format false, or define it with option-def",
            ],
            Errors("""
              option-data = [
                { name = dns-servers, data = "192.0.2.1" }
                { code = 300, data = "1" }
                { name = routers, data = "192.0.2.x" }
                { code = 200, csv-format = true, data = "hello" }
              ]
            """));
    }

    [Fact]
    public void A_client_class_test_that_does_not_parse_gives_the_character_position()
    {
        var errors = Errors("""
              client-classes = [ { name = pxe, test = "option[93].hex == 0x0000 and" } ]
            """);
        Assert.Equal(
            ["node.conf:3:43: Dhcp4.client-classes[0].test: the expression does not parse at character 29: expected an expression, found end of expression"],
            errors);
    }

    [Fact]
    public void A_class_reference_to_an_undefined_class()
    {
        Assert.Equal(
            ["node.conf:3:65: Dhcp4.subnet4[0].client-class: 'voip' is not a defined client class"],
            Errors("""  subnet4 = [ { id = 1, subnet = "192.0.2.0/24", client-class = voip } ]"""));
    }

    [Fact]
    public void Renew_timer_above_rebind_timer_is_an_error_and_timers_above_the_lifetime_a_warning()
    {
        Assert.Equal(
            ["node.conf:3:17: Dhcp4.renew-timer: renew-timer (2000) is greater than rebind-timer (1000)"],
            Errors("  renew-timer = 2000\n  rebind-timer = 1000"));
        var binding = ConfigurationTestFiles.BindText("""
            Dhcp4 {
              interfaces-config.interfaces = [ eth0 ]
              subnet4 = [ { id = 1, subnet = "192.0.2.0/24", valid-lifetime = 600, rebind-timer = 900 } ]
            }
            """);
        Assert.Equal(
            ["node.conf:3:87: Dhcp4.subnet4[0].rebind-timer: warning: rebind-timer (900) is not below valid-lifetime (600): Kea sends no T2 then; here T2 is the lifetime"],
            binding.Problems());
    }

    [Fact]
    public void An_unknown_lease_database_type_and_a_bad_on_fail()
    {
        Assert.Equal(
            [
                "node.conf:3:25: Dhcp4.lease-database.type: unknown lease database type 'mysql': expected memfile, sqlite or postgresql (Kea's mysql backend is not supported: use postgresql)",
                "node.conf:4:28: Dhcp4.lease-database.on-fail: 'retry-forever' is not one of stop-retry-exit, serve-retry-exit, serve-retry-continue",
            ],
            Errors("  lease-database.type = mysql\n  lease-database.on-fail = retry-forever"));
    }

    [Fact]
    public void Bad_interfaces_are_reported_by_list_element()
    {
        var errors = ConfigurationTestFiles.BindText("""
            Dhcp4.interfaces-config {
              interfaces = [ eth0, "eth0/192.0.2.300", "*/192.0.2.1", eth0 ]
              dhcp-socket-type = packet
            }
            """).Errors();
        Assert.Equal(
            [
                "node.conf:2:24: Dhcp4.interfaces-config.interfaces[1]: 'eth0/192.0.2.300': '192.0.2.300' is not an IPv4 address",
                "node.conf:2:44: Dhcp4.interfaces-config.interfaces[2]: '*/192.0.2.1': the wildcard '*' takes no address",
                "node.conf:2:59: Dhcp4.interfaces-config.interfaces[3]: 'eth0' is listed twice",
                "node.conf:3:22: Dhcp4.interfaces-config.dhcp-socket-type: 'packet' is not one of raw, udp",
            ],
            errors);
    }

    [Fact]
    public void A_ha_hook_whose_server_is_not_a_peer()
    {
        var errors = Errors("""
              hooks-libraries = [ { library = /usr/lib/kea/hooks/libdhcp_ha.so, parameters.high-availability = [ {
                this-server-name = server3, mode = hot-standby
                peers = [ { name = server1, url = "http://192.0.2.1:8000/", role = primary }
                          { name = server2, url = "http://192.0.2.2:8000/", role = standby } ]
                heartbeat-dely = 1000
              } ] } ]
            """);
        Assert.Equal(
            [
                "node.conf:4:24: Dhcp4.hooks-libraries[0].parameters.high-availability[0].this-server-name: 'server3' is not the name of any peer",
                "node.conf:7:22: Dhcp4.hooks-libraries[0].parameters.high-availability[0].heartbeat-dely: unknown key (not a Kea Dhcp4 key either: a typo?)",
            ],
            errors);
    }

    [Fact]
    public void Binding_alone_reports_unknown_keys_as_errors_and_kea_keys_as_warnings()
    {
        var binding = ConfigurationTestFiles.BindText("""
            Dhcp4 {
              interfaces-config { interfaces = [ eth0 ], re-detect = true }
              subnet4 = [ { id = 1, subnet = "192.0.2.0/24", comment = "lab", relay { ip-adresses = [ "192.0.2.254" ] } } ]
              ddns-send-updates = true
            }
            """);
        Assert.Equal(
            [
                "node.conf:2:58: Dhcp4.interfaces-config.re-detect: warning: not supported yet: this Kea key is ignored",
                "node.conf:3:89: Dhcp4.subnet4[0].relay.ip-adresses: unknown key (not a Kea Dhcp4 key either: a typo?)",
                "node.conf:4:23: Dhcp4.ddns-send-updates: warning: not supported yet: this Kea key is ignored",
            ],
            binding.Problems());
        Assert.Null(binding.Configuration);
    }

    [Theory]
    [InlineData("Dhcp4 = 5")]
    [InlineData("Dhcp4.subnet4 = \"x\"")]
    [InlineData("Dhcp4.subnet4 = [ 1, { id = x } ]")]
    [InlineData("Dhcp4.subnet4 = [ { id = 1, subnet = \"192.0.2.0/24\", pools = [ 1, { pool = [] } ] } ]")]
    [InlineData("Dhcp4.option-data = { name = routers }")]
    [InlineData("Dhcp4.interfaces-config = eth0")]
    [InlineData("Dhcp4.lease-database = memfile")]
    [InlineData("Dhcp4.hooks-libraries = [ { library = libdhcp_ha.so, parameters = 7 } ]")]
    [InlineData("Dhcp4.loggers = [ { name = x, output_options = [ { output = [] } ] } ]")]
    [InlineData("Dhcp4.client-classes = [ { name = a, test = \"member('b')\" } ]")]
    public void Malformed_shapes_are_errors_never_exceptions(string text)
    {
        var binding = ConfigurationTestFiles.BindText(text);
        Assert.True(binding.HasErrors, string.Join(Environment.NewLine, binding.Problems()));
        Assert.Null(binding.Configuration);
        Assert.All(binding.Errors(), e => Assert.StartsWith("node.conf:", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once_and_no_configuration_is_returned()
    {
        var binding = ConfigurationTestFiles.BindText("""
            Dhcp4 {
              valid-lifetime = -5
              subnet4 = [ { id = 0, subnet = "192.0.2.0/33" } ]
              decline-probation-period = 0
            }
            """);
        Assert.Null(binding.Configuration);
        Assert.True(binding.HasErrors);
        Assert.Equal(
            [
                "node.conf:2:20: Dhcp4.valid-lifetime: -5 is out of range: expected 0 to 4294967295 seconds",
                "node.conf:3:22: Dhcp4.subnet4[0].id: 0 is out of range: expected 1 to 4294967294",
                "node.conf:4:30: Dhcp4.decline-probation-period: must be at least 1 second",
            ],
            binding.Errors());
    }
}
