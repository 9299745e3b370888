using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.Lab.Reference;

/// <summary>
/// ISC Kea 2.2 (kea-dhcp4) run in a lab namespace as the reference server, touching neither /etc nor /run:
/// its pid file goes to the lab directory and its lock file is disabled.
/// </summary>
public static partial class KeaServer
{
    /// <summary>A minimal single-subnet configuration with raw sockets, a memfile lease file in the lab and stdout logging.</summary>
    public static string Config(NetworkLab lab, string interfaceSpec, string subnet, string pool, int subnetId = 1, bool persist = true, string? extra = null) => $$"""
        {
          "Dhcp4": {
            "interfaces-config": { "interfaces": [ "{{interfaceSpec}}" ], "dhcp-socket-type": "raw" },
            "lease-database": { "type": "memfile", "persist": {{(persist ? "true" : "false")}}, "name": "{{Path.Combine(lab.Directory, "kea-leases4.csv")}}", "lfc-interval": 0 },
            "valid-lifetime": 4000, "renew-timer": 1000, "rebind-timer": 2000,
            "subnet4": [ { "id": {{subnetId}}, "subnet": "{{subnet}}", "pools": [ { "pool": "{{pool}}" } ] } ],
            {{extra ?? string.Empty}}
            "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "INFO" } ]
          }
        }
        """;

    /// <summary>Validates the configuration (inside the namespace, as Kea needs), starts the server and waits until it serves.</summary>
    public static async Task<LabProcess> StartAsync(LabNamespace ns, string configJson, TimeSpan? timeout = null)
    {
        var path = ns.Lab.WriteFile($"kea-{ns.Name}.json", configJson);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["KEA_PIDFILE_DIR"] = ns.Lab.Directory,
            ["KEA_LOCKFILE_DIR"] = "none",
        };
        var check = await Command.RunAsync(
            "env", ["KEA_PIDFILE_DIR=" + ns.Lab.Directory, "KEA_LOCKFILE_DIR=none", "ip", "netns", "exec", ns.Name, "kea-dhcp4", "-t", path]).ConfigureAwait(false);
        check.EnsureSuccess();
        var kea = ns.Start("kea-dhcp4", ["-c", path], environment);
        await kea.WaitForLineAsync(Started(), timeout ?? TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return kea;
    }

    [GeneratedRegex("DHCP4_STARTED", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Started();
}
