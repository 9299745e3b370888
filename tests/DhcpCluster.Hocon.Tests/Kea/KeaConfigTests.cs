namespace DhcpCluster.Hocon.Tests.Kea;

/// <summary>A Kea kea-dhcp4.conf (JSON with //, # and /* */ comments) parses as is.</summary>
public sealed class KeaConfigTests
{
    private const string KeaDhcp4Conf = """
        // This is an example configuration file for the DHCPv4 server in Kea.
        /* It is a basic scenario with one IPv4 subnet configured.
           The subnet contains a single pool of dynamically allocated addresses. */
        {
        # DHCPv4 configuration starts in this line
        "Dhcp4": {

        // First we set up global values
            "valid-lifetime": 4000,
            "renew-timer": 1000,
            "rebind-timer": 2000,

        // Next we set up the interfaces to be used by the server.
            "interfaces-config": {
                "interfaces": [ "eth0" ]
            },

        // And we specify the type of lease database
            "lease-database": {
                "type": "memfile",
                "persist": true,
                "name": "/var/lib/kea/dhcp4.leases",
                "lfc-interval": 3600
            },

            "high-availability-like": { "heartbeat-delay": 10000, "enabled": false },

        // Finally, we list the subnets from which we will be leasing addresses.
            "subnet4": [
                {
                    "id": 1,
                    "subnet": "192.0.2.0/24",
                    "pools": [
                        {
                             "pool": "192.0.2.1 - 192.0.2.200"
                        }
                    ],
                    "option-data": [
                        { "name": "routers", "data": "192.0.2.1" },   # the router
                        { "name": "domain-name-servers", "code": 6, "data": "192.0.2.2, 192.0.2.3", "always-send": false }
                    ],
                    "reservations": [
                        { "hw-address": "1a:1b:1c:1d:1e:1f", "ip-address": "192.0.2.201", "hostname": "special-snowflake" },
                        { "client-id": "01:11:22:33:44:55:66", "ip-address": "192.0.2.202", "user-context": null }
                    ],
                    "comment": "a \"quoted\" word and a \\ backslash / slash // not a comment"
                }
                // More subnets can be defined here.
                //      {
                //          "subnet": "192.0.3.0/24",
                //          "pools": [ { "pool": "192.0.3.1 - 192.0.3.200" } ]
                //      }
            ],
            "loggers": [
                {
                    "name": "kea-dhcp4",
                    "output_options": [ { "output": "stdout", "pattern": "%-5p %m\n" } ],
                    "severity": "INFO",
                    "debuglevel": 0
                }
            ]
        }
        }
        """;

    [Fact]
    public void A_kea_dhcp4_conf_parses_unchanged()
    {
        var config = ConfigFactory.ParseString(KeaDhcp4Conf, "kea-dhcp4.conf");
        var dhcp4 = config.GetConfig("Dhcp4");
        Assert.Equal(4000, dhcp4.GetInt("valid-lifetime"));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), dhcp4.GetDuration("renew-timer"));
        Assert.Equal(["eth0"], dhcp4.GetStringList("interfaces-config.interfaces"));
        Assert.True(dhcp4.GetBoolean("lease-database.persist"));
        Assert.Equal("/var/lib/kea/dhcp4.leases", dhcp4.GetString("lease-database.name"));
        Assert.False(dhcp4.GetBoolean("high-availability-like.enabled"));

        var subnet = Assert.Single(dhcp4.GetConfigList("subnet4"));
        Assert.Equal(1, subnet.GetInt("id"));
        Assert.Equal("192.0.2.0/24", subnet.GetString("subnet"));
        Assert.Equal("192.0.2.1 - 192.0.2.200", Assert.Single(subnet.GetConfigList("pools")).GetString("pool"));
        var options = subnet.GetConfigList("option-data");
        Assert.Equal(["routers", "domain-name-servers"], options.Select(o => o.GetString("name")), StringComparer.Ordinal);
        Assert.Equal(6, options[1].GetInt("code"));
        Assert.False(options[0].HasPath("code"));
        var reservations = subnet.GetConfigList("reservations");
        Assert.Equal("special-snowflake", reservations[0].GetString("hostname"));
        Assert.False(reservations[1].HasPath("user-context"));
        Assert.Equal("a \"quoted\" word and a \\ backslash / slash // not a comment", subnet.GetString("comment"));
        Assert.Equal("%-5p %m\n", dhcp4.GetConfigList("loggers")[0].GetConfigList("output_options")[0].GetString("pattern"));
        Assert.Equal(new ConfigOrigin("kea-dhcp4.conf", 9, 23), dhcp4.GetOrigin("valid-lifetime"));
    }

    [Fact]
    public void The_kea_json_renders_back_to_an_equal_tree()
    {
        var config = ConfigFactory.ParseString(KeaDhcp4Conf, "kea-dhcp4.conf");
        Assert.Equal(config.Root, ConfigFactory.ParseString(config.ToJson()).Root);
        Assert.Equal(config.Root, ConfigFactory.ParseString(config.ToHocon()).Root);
    }

    [Fact]
    public void Hocon_can_override_a_kea_file_with_environment_values()
    {
        var overrides = ConfigFactory.ParseStringUnresolved("Dhcp4.valid-lifetime = ${?KEA_VALID_LIFETIME}\nDhcp4.interfaces-config.interfaces += eth1", "node.conf");
        var config = overrides.WithFallback(ConfigFactory.ParseStringUnresolved(KeaDhcp4Conf, "kea-dhcp4.conf"))
            .Resolve(name => string.Equals(name, "KEA_VALID_LIFETIME", StringComparison.Ordinal) ? "7200" : null);
        Assert.Equal(7200, config.GetInt("Dhcp4.valid-lifetime"));
        Assert.Equal(["eth0", "eth1"], config.GetStringList("Dhcp4.interfaces-config.interfaces"));
    }
}
