using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Server;

/// <summary>Runs the built <c>dhcp-node</c> in a lab namespace with a temp configuration and SQLite journal.</summary>
internal static partial class NodeProcess
{
    public static string NodeDll => Path.Combine(AppContext.BaseDirectory, "dhcp-node.dll");

    /// <summary>One subnet with a pool, as HOCON (Kea's keys).</summary>
    public static string Subnet(int id, string prefix, string pool, string extra = "") =>
        string.Create(CultureInfo.InvariantCulture, $$"""{ id = {{id}}, subnet = "{{prefix}}", pools = [ { pool = "{{pool}}" } ]{{extra}} }""");

    /// <summary>Writes a node configuration into the lab directory and returns its path.</summary>
    /// <remarks><paramref name="leaseDatabase"/> replaces the default <c>lease-database</c> object (a SQLite file in the lab directory).</remarks>
    public static string WriteConfig(
        NetworkLab lab, IEnumerable<string> interfaces, IEnumerable<string> subnets, string name = "node", string extra = "", string severity = "DEBUG", string? leaseDatabase = null)
    {
        var database = leaseDatabase ?? $$"""{ type = "sqlite", name = "{{Path.Combine(lab.Directory, name + "-leases.db")}}" }""";
        var text = $$"""
            Dhcp4 {
              interfaces-config {
                interfaces = [ {{string.Join(", ", interfaces.Select(i => "\"" + i + "\""))}} ]
                service-sockets-retry-wait-time = 500
              }
              lease-database {{database}}
              valid-lifetime = 4000
              renew-timer = 1000
              rebind-timer = 2000
              authoritative = true
              subnet4 = [ {{string.Join(", ", subnets)}} ]
              loggers = [ { name = "kea-dhcp4", severity = "{{severity}}", debuglevel = 99 } ]
              {{extra}}
            }
            """;
        var path = Path.Combine(lab.Directory, name + ".conf");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Starts the node; waits until every listed interface is bound unless <paramref name="waitForInterfaces"/> is empty.</summary>
    public static async Task<LabProcess> StartAsync(LabNamespace ns, string configPath, params string[] waitForInterfaces)
    {
        var process = ns.Start("dotnet", [NodeDll, "--config", configPath]);
        foreach (var name in waitForInterfaces)
        {
            await process.WaitForLineAsync(new Regex($"DHCP4_OPEN_SOCKET listening on {Regex.Escape(name)} ", RegexOptions.None, TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(60))
                .ConfigureAwait(false);
        }

        return process;
    }

    /// <summary>
    /// The load topology: a server namespace (<c>s0</c>, 198.18.0.1/24) and a perfdhcp namespace (<c>l0</c>, 198.18.0.2/24).
    /// </summary>
    public static async Task<(LabNamespace Server, LabNamespace Load)> LoadLabAsync(NetworkLab lab, string prefix = "")
    {
        var server = await lab.AddNamespaceAsync(prefix + "srv").ConfigureAwait(false);
        var load = await lab.AddNamespaceAsync(prefix + "load").ConfigureAwait(false);
        await lab.LinkAsync(server, "s0", load, "l0").ConfigureAwait(false);
        await server.AddAddressAsync("s0", "198.18.0.1/24").ConfigureAwait(false);
        await load.AddAddressAsync("l0", "198.18.0.2/24").ConfigureAwait(false);
        await load.IpAsync("link", "set", "l0", "up").ConfigureAwait(false);
        return (server, load);
    }

    /// <summary>The node's SQLite journal (as <see cref="WriteConfig"/> names it).</summary>
    public static string DatabasePath(NetworkLab lab, string name = "node") => Path.Combine(lab.Directory, name + "-leases.db");

    /// <summary>Lines of the node's log carrying a message id.</summary>
    public static int Count(LabProcess node, string messageId) => node.Lines.Count(l => l.Contains(messageId + " ", StringComparison.Ordinal));

    /// <summary>Stops the node with SIGTERM and returns its exit code.</summary>
    public static async Task<int> StopAsync(LabProcess node)
    {
        await node.SignalAsync(15).ConfigureAwait(false);
        return await node.WaitForExitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    /// <summary>A counter from the DHCP4_STATISTICS line printed at shutdown.</summary>
    public static long Statistic(LabProcess node, string name)
    {
        var line = node.Lines.LastOrDefault(l => l.Contains("DHCP4_STATISTICS ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("the node printed no statistics:\n" + node.Output);
        var match = Regex.Match(line, $@"\b{Regex.Escape(name)}=(\d+)", RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"no statistic {name} in: {line}");
    }
}
