using System.Globalization;
using System.Text.RegularExpressions;
using DhcpCluster.Lab.Network;
using DhcpCluster.Lab.Processes;

namespace DhcpCluster.EndToEnd.Tests.Cluster;

/// <summary>
/// Cluster nodes as real processes, one per network namespace, all on one bridge (192.0.2.10+i). Partitions
/// are blackhole routes between the two sides (both directions), healing removes them; kills are SIGKILL.
/// Tight failure-detector settings keep each scenario within seconds. Every node serves the cluster palette on its
/// command endpoint (127.0.0.1:9110 inside its namespace), which <see cref="PbmAsync"/> drives with the real pbm.
/// Namespaces, bridge and ports carry the prefix "co".
/// </summary>
internal sealed class ClusterLab : IAsyncDisposable
{
    private const string Cookie = "lab-cluster-secret";
    private readonly NetworkLab _lab;
    private readonly List<LabNamespace> _namespaces;
    private readonly LabProcess?[] _processes;
    private readonly HashSet<(int From, int To)> _blackholes = [];
    private readonly string _seeds;

    private ClusterLab(NetworkLab lab, List<LabNamespace> namespaces)
    {
        _lab = lab;
        _namespaces = namespaces;
        _processes = new LabProcess?[namespaces.Count];
        _seeds = string.Join(", ", Enumerable.Range(0, Math.Min(2, namespaces.Count)).Select(i => $"\"dhcp-cluster.tcp://lab@{Host(i)}:2552\""));
    }

    public static async Task<ClusterLab> CreateAsync(int count, string namePrefix = "con", string labPrefix = "dclab")
    {
        var lab = await NetworkLab.CreateAsync(labPrefix).ConfigureAwait(false);
        try
        {
            var bridge = await lab.AddBridgeAsync("cobr").ConfigureAwait(false);
            var namespaces = new List<LabNamespace>();
            for (var i = 0; i < count; i++)
            {
                var ns = await lab.AddNamespaceAsync(namePrefix + i.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                await lab.AttachAsync(bridge, "p" + i.ToString(CultureInfo.InvariantCulture), ns, "e0").ConfigureAwait(false);
                await ns.AddAddressAsync("e0", Host(i) + "/24").ConfigureAwait(false);
                namespaces.Add(ns);
            }

            return new ClusterLab(lab, namespaces);
        }
        catch
        {
            await lab.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static string Host(int node) => "192.0.2." + (10 + node).ToString(CultureInfo.InvariantCulture);

    public static string HostPort(int node) => Host(node) + ":2552";

    public LabProcess Process(int node) => _processes[node] ?? throw new InvalidOperationException($"node {node} was never started");

    public static string Address(int node) => "dhcp-cluster.tcp://lab@" + HostPort(node);

    /// <summary>A path in the lab's scratch directory (removed with the lab).</summary>
    public string FilePath(string name) => Path.Combine(_lab.Directory, name);

    /// <summary>
    /// Starts the test node exe on <paramref name="node"/>; with <paramref name="commandEndpoint"/> it serves the cluster
    /// palettes on 127.0.0.1:9110 and is started once the endpoint listens, else once it has joined.
    /// </summary>
    public async Task<LabProcess> StartAsync(int node, string cookie = Cookie, string extra = "", IReadOnlyList<string>? extraArgs = null, bool commandEndpoint = true)
    {
        var config = _lab.WriteFile($"node{node}-{Guid.NewGuid():N}.conf", $$"""
            dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off
            dhcp-cluster.remote {
              dot-netty.tcp { hostname = "{{Host(node)}}", port = 2552 }
              secure-cookie = "{{cookie}}"
              handshake-timeout = 5s
              retry-gate-closed-for = 1s
            }
            dhcp-cluster.cluster {
              seed-nodes = [{{_seeds}}]
              seed-node-timeout = 3s
              retry-unsuccessful-join-after = 2s
              gossip-interval = 300ms
              leader-actions-interval = 300ms
              failure-detector { heartbeat-interval = 300ms, acceptable-heartbeat-pause = 2s }
              split-brain-resolver.stable-after = 2s
            }
            {{(commandEndpoint ? "dhcp-cluster.cmd { host = \"127.0.0.1\", port = 9110 }" : string.Empty)}}
            {{extra}}
            """);
        var process = _lab.Own(_namespaces[node].Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "DhcpCluster.Actors.Cluster.TestNode.dll"), "--config", config, "--exit-after", "240", .. extraArgs ?? []]));
        _processes[node] = process;
        await process.WaitForLineAsync(new Regex(commandEndpoint ? "COMMAND_ENDPOINT" : "NODE_STARTED", RegexOptions.None, TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return process;
    }

    /// <summary>
    /// Starts dhcp-node as a cluster member (<c>dhcp-cluster.actor.provider = cluster</c>, system name dhcp-node, node 0
    /// as seed), serving DHCP on e0 with an SQLite journal and its command endpoint on 127.0.0.1:9110.
    /// </summary>
    public async Task<LabProcess> StartDhcpNodeAsync(int node)
    {
        var database = Path.Combine(_lab.Directory, $"dhcp-node{node}-leases.db");
        var config = _lab.WriteFile($"dhcp-node{node}-{Guid.NewGuid():N}.conf", $$"""
            dhcp-cluster.actor.provider = cluster
            dhcp-cluster.remote {
              dot-netty.tcp { hostname = "{{Host(node)}}", port = 2552 }
              secure-cookie = "{{Cookie}}"
              retry-gate-closed-for = 1s
            }
            dhcp-cluster.cluster {
              seed-nodes = ["dhcp-cluster.tcp://dhcp-node@{{HostPort(0)}}"]
              seed-node-timeout = 3s
              retry-unsuccessful-join-after = 2s
              gossip-interval = 300ms
              leader-actions-interval = 300ms
            }
            dhcp-cluster.cmd { host = "127.0.0.1", port = 9110 }
            Dhcp4 {
              interfaces-config { interfaces = [ "e0" ] }
              lease-database { type = "sqlite", name = "{{database}}" }
              subnet4 = [ { id = 1, subnet = "192.0.2.0/24", pools = [ { pool = "192.0.2.100 - 192.0.2.150" } ] } ]
              loggers = [ { name = "kea-dhcp4", severity = "INFO" } ]
            }
            """);
        var process = _lab.Own(_namespaces[node].Start("dotnet", [Path.Combine(AppContext.BaseDirectory, "dhcp-node.dll"), "--config", config]));
        _processes[node] = process;
        await process.WaitForLineAsync(new Regex("COMMAND_ENDPOINT_LISTENING", RegexOptions.None, TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        return process;
    }

    /// <summary>Runs <c>pbm 127.0.0.1:9110 ARGS</c> inside a node's namespace, as an operator on that host would.</summary>
    public Task<CommandResult> PbmAsync(int node, params string[] arguments) =>
        _namespaces[node].ExecAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "pbm.dll"), "127.0.0.1:9110", .. arguments], TimeSpan.FromSeconds(60));

    /// <summary>The lines <c>pbm 127.0.0.1:9110 ARGS</c> prints in a node's namespace; fails when pbm does.</summary>
    public async Task<List<string>> PbmLinesAsync(int node, params string[] arguments) =>
        [.. (await PbmAsync(node, arguments).ConfigureAwait(false)).EnsureSuccess().StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public Task KillAsync(int node) => Process(node).SignalAsync(9);

    public async Task PartitionAsync(IReadOnlyList<int> side, IReadOnlyList<int> other)
    {
        foreach (var a in side)
        {
            foreach (var b in other)
            {
                await BlackholeAsync(a, b).ConfigureAwait(false);
                await BlackholeAsync(b, a).ConfigureAwait(false);
            }
        }
    }

    public async Task HealAsync()
    {
        foreach (var (from, to) in _blackholes.ToList())
        {
            await _namespaces[from].IpAsync("route", "del", "blackhole", Host(to) + "/32").ConfigureAwait(false);
            _blackholes.Remove((from, to));
        }
    }

    /// <summary>The latest view a node printed, or null.</summary>
    public ClusterView? LastView(int node) => Process(node).Lines.Select(ClusterView.Parse).LastOrDefault(v => v is not null);

    /// <summary>Waits until every node of <paramref name="nodes"/> shows the same members, all Up, as many as <paramref name="nodes"/>.</summary>
    public async Task<ClusterView> AwaitConvergedAsync(IReadOnlyList<int> nodes, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var views = nodes.Select(LastView).ToList();
            if (views.All(v => v is not null && v.AllUp(nodes.Count) && nodes.All(n => v.Members.ContainsKey(HostPort(n))))
                && views.Select(v => v!.Signature).Distinct(StringComparer.Ordinal).Count() == 1)
            {
                return views[0]!;
            }

            if (DateTime.UtcNow > deadline)
            {
                var detail = string.Join("\n", nodes.Select(n => $"node {n}: {LastView(n)?.Signature ?? "no view"} unreachable={string.Join(',', LastView(n)?.Unreachable ?? new HashSet<string>(StringComparer.Ordinal))}"));
                throw new Xunit.Sdk.XunitException($"Nodes {string.Join(',', nodes)} did not converge within {timeout}:\n{detail}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await HealAsync().ConfigureAwait(false);
        await _lab.DisposeAsync().ConfigureAwait(false);
    }

    private async Task BlackholeAsync(int from, int to)
    {
        if (_blackholes.Add((from, to)))
        {
            await _namespaces[from].IpAsync("route", "add", "blackhole", Host(to) + "/32").ConfigureAwait(false);
        }
    }
}
