using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Cluster.Tests;

/// <summary>Cluster nodes on loopback with free ports and tight timings (failure detection well under a second).</summary>
public static class TestNodes
{
    public const string Tight = """
        dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off
        dhcp-cluster.remote {
          dot-netty.tcp.hostname = "127.0.0.1"
          handshake-timeout = 3s
          initial-reconnect-backoff = 50ms
          retry-gate-closed-for = 300ms
        }
        dhcp-cluster.cluster {
          seed-node-timeout = 1s
          retry-unsuccessful-join-after = 1s
          gossip-interval = 150ms
          leader-actions-interval = 150ms
          allow-weakly-up-members = 0s
          failure-detector {
            heartbeat-interval = 200ms
            acceptable-heartbeat-pause = 1s
            expected-response-after = 500ms
          }
          split-brain-resolver.stable-after = 1s
        }
        """;

    public static ActorSystem Start(int port = 0, string seeds = "", string extra = "", string cookie = "cluster-secret") =>
        ClusterSystem.Create("test", ConfigFactory.ParseString($$"""
            {{Tight}}
            dhcp-cluster.remote.dot-netty.tcp.port = {{port}}
            dhcp-cluster.remote.secure-cookie = "{{cookie}}"
            dhcp-cluster.cluster.seed-nodes = [{{seeds}}]
            {{extra}}
            """));

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Seed(int port) => $"\"dhcp-cluster.tcp://test@127.0.0.1:{port}\"";

    /// <summary>Starts n nodes whose first node is the first seed.</summary>
    public static IList<ActorSystem> StartCluster(int count, string extra = "")
    {
        var ports = Enumerable.Range(0, count).Select(_ => FreePort()).ToList();
        var seeds = string.Join(", ", ports.Take(Math.Min(2, count)).Select(Seed));
        return ports.Select(p => Start(p, seeds, extra)).ToList();
    }

    public static async Task AwaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Timed out after {timeout.TotalSeconds}s waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }

    public static Task AwaitUpAsync(IEnumerable<ActorSystem> nodes, int expected, TimeSpan? timeout = null) =>
        AwaitAsync(
            () => nodes.All(n => Cluster.Get(n).State.Members.Count(m => m.Status == MemberStatus.Up) == expected && Cluster.Get(n).State.Members.Count == expected),
            timeout ?? TimeSpan.FromSeconds(20),
            $"{expected} members are Up on every node");

    /// <summary>The membership a node sees, as comparable text (address:status, sorted).</summary>
    public static string View(ActorSystem node) =>
        string.Join(",", Cluster.Get(node).State.Members.Select(m => $"{m.Address.Port}:{m.Status}"));

    /// <summary>Ends a node as a crash does: its transport vanishes first (no goodbye reaches anyone), then its actors stop.</summary>
    public static async Task CrashAsync(ActorSystem node)
    {
        await Remote.RemoteActorSystem.Transport(node).DisposeAsync();
        await node.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public static async Task TerminateAllAsync(IEnumerable<ActorSystem> nodes)
    {
        foreach (var node in nodes)
        {
            await node.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
