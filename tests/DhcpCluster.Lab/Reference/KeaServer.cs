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
    /// <summary>
    /// A minimal single-subnet configuration with raw sockets and stdout logging. The lease database is a memfile
    /// lease file in the lab unless <paramref name="leaseDatabase"/> gives another one (a JSON object, e.g.
    /// <see cref="PostgresLeaseDatabase"/>). A <paramref name="severity"/> above INFO still prints the start line
    /// (kea-dhcp4.dhcp4 stays at INFO, lease and packet loggers follow the severity).
    /// </summary>
    public static string Config(
        NetworkLab lab, string interfaceSpec, string subnet, string pool, int subnetId = 1, bool persist = true, string? extra = null,
        string? leaseDatabase = null, string severity = "INFO") => $$"""
        {
          "Dhcp4": {
            "interfaces-config": { "interfaces": [ "{{interfaceSpec}}" ], "dhcp-socket-type": "raw" },
            "lease-database": {{leaseDatabase ?? MemfileLeaseDatabase(lab, persist)}},
            "valid-lifetime": 4000, "renew-timer": 1000, "rebind-timer": 2000,
            "subnet4": [ { "id": {{subnetId}}, "subnet": "{{subnet}}", "pools": [ { "pool": "{{pool}}" } ] } ],
            {{extra ?? string.Empty}}
            "loggers": [ {{Loggers(severity)}} ]
          }
        }
        """;

    /// <summary>The memfile lease database in the lab directory (<c>lfc-interval</c> 0: no cleanup process).</summary>
    public static string MemfileLeaseDatabase(NetworkLab lab, bool persist = true) =>
        $$"""{ "type": "memfile", "persist": {{(persist ? "true" : "false")}}, "name": "{{Path.Combine(lab.Directory, "kea-leases4.csv")}}", "lfc-interval": 0 }""";

    /// <summary>Kea's PostgreSQL lease database through a unix socket directory (reachable from any namespace).</summary>
    public static string PostgresLeaseDatabase(string socketDirectory, int port, string database, string user = "postgres") =>
        $$"""{ "type": "postgresql", "name": "{{database}}", "host": "{{socketDirectory}}", "port": {{port}}, "user": "{{user}}" }""";

    /// <summary>
    /// Kea's multi-threading block: <paramref name="threads"/> packet-processing threads (0: one per core) and a queue
    /// per thread (Kea's own defaults are 0 and 64), for <see cref="Config"/>'s <c>extra</c>.
    /// </summary>
    public static string MultiThreading(bool enabled, int threads = 0, int queueSize = 64) =>
        $$"""
        "multi-threading": { "enable-multi-threading": {{(enabled ? "true" : "false")}}, "thread-pool-size": {{threads}}, "packet-queue-size": {{queueSize}} },
        """;

    /// <summary>
    /// Creates Kea's PostgreSQL lease schema in <paramref name="database"/> with <c>kea-admin db-init pgsql</c>
    /// (connecting through the unix socket directory).
    /// </summary>
    public static async Task InitPostgresSchemaAsync(string socketDirectory, int port, string database, string user = "postgres") =>
        (await Command.RunAsync(
            "kea-admin",
            ["db-init", "pgsql", "-h", socketDirectory, "-P", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", user, "-n", database],
            TimeSpan.FromSeconds(120)).ConfigureAwait(false)).EnsureSuccess();

    private static string Loggers(string severity) =>
        severity is "INFO" or "DEBUG"
            ? $$"""{ "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "{{severity}}" }"""
            : $$"""
              { "name": "kea-dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "{{severity}}" },
              { "name": "kea-dhcp4.dhcp4", "output_options": [ { "output": "stdout" } ], "severity": "INFO" }
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
