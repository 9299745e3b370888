using System.Globalization;
using System.Text;

namespace DhcpCluster.Hocon.Benchmarks;

/// <summary>Writes a Kea-style <c>kea-dhcp4.conf</c> (JSON with comments) with the requested number of subnets.</summary>
internal static class KeaConfigGenerator
{
    public static string Generate(int subnets)
    {
        var text = new StringBuilder(subnets * 700);
        text.Append("""
            // Generated Kea DHCPv4 configuration for the HOCON benchmark.
            {
              "Dhcp4": {
                # lifetimes
                "valid-lifetime": 4000,
                "renew-timer": 1000,
                "rebind-timer": 2000,
                /* interfaces the server listens on */
                "interfaces-config": { "interfaces": [ "eth0", "eth1" ] },
                "lease-database": { "type": "memfile", "persist": true, "name": "/var/lib/kea/dhcp4.leases" },
                "subnet4": [

            """);
        for (var i = 0; i < subnets; i++)
        {
            var a = (i >> 8) & 0xFF;
            var b = i & 0xFF;
            var net = string.Create(CultureInfo.InvariantCulture, $"10.{a}.{b}");
            text.Append(CultureInfo.InvariantCulture, $$"""
                      {
                        "id": {{i + 1}},
                        "subnet": "{{net}}.0/24",
                        // one dynamic pool per subnet
                        "pools": [ { "pool": "{{net}}.10 - {{net}}.200" } ],
                        "option-data": [
                          { "name": "routers", "data": "{{net}}.1" },
                          { "name": "domain-name-servers", "code": 6, "data": "{{net}}.2, {{net}}.3" }
                        ],
                        "reservations": [
                          { "hw-address": "1a:1b:1c:{{a:x2}}:{{b:x2}}:01", "ip-address": "{{net}}.250" },
                          { "client-id": "01:11:22:33:{{a:x2}}:{{b:x2}}", "ip-address": "{{net}}.251", "hostname": "host-{{i}}" }
                        ]
                      }{{(i + 1 < subnets ? "," : string.Empty)}}

                """);
        }

        text.Append("""
                ]
              }
            }

            """);
        return text.ToString();
    }
}
