using System.Globalization;
using System.Text;

namespace DhcpCluster.Hocon.Benchmarks;

/// <summary>
/// Writes the same subnets in HOCON style, with substitutions the resolver must follow: every subnet takes its
/// lifetime from <c>defaults</c> and concatenates the default option list with its own.
/// </summary>
internal static class HoconConfigGenerator
{
    public static string Generate(int subnets)
    {
        var text = new StringBuilder(subnets * 600);
        text.Append("""
            # Generated HOCON configuration for the HOCON benchmark (substitutions in every subnet).
            defaults {
              valid-lifetime = 4000
              options = [ { name = domain-name-servers, code = 6, data = "10.255.0.2, 10.255.0.3" } ]
            }
            Dhcp4 {
              valid-lifetime = ${defaults.valid-lifetime}
              interfaces-config.interfaces = [eth0, eth1]
              subnet4 = [

            """);
        for (var i = 0; i < subnets; i++)
        {
            var a = (i >> 8) & 0xFF;
            var b = i & 0xFF;
            var net = string.Create(CultureInfo.InvariantCulture, $"10.{a}.{b}");
            text.Append(CultureInfo.InvariantCulture, $$"""
                    {
                      id = {{i + 1}}
                      subnet = "{{net}}.0/24"
                      valid-lifetime = ${defaults.valid-lifetime}
                      pools = [ { pool = "{{net}}.10 - {{net}}.200" } ]
                      option-data = ${defaults.options} [ { name = routers, data = "{{net}}.1" } ]
                      reservations = [
                        { hw-address = "1a:1b:1c:{{a:x2}}:{{b:x2}}:01", ip-address = "{{net}}.250" }
                        { client-id = "01:11:22:33:{{a:x2}}:{{b:x2}}", ip-address = "{{net}}.251", hostname = host-{{i}} }
                      ]
                    }

                """);
        }

        text.Append("""
              ]
            }

            """);
        return text.ToString();
    }
}
