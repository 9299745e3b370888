using System.Globalization;
using DhcpCluster.Actors;
using DhcpCluster.Actors.Cluster;
using DhcpCluster.Actors.Remote;
using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Remote.Benchmarks;

/// <summary>What the child processes do.</summary>
public static class Roles
{
    public const string Cookie = "bench-secret";

    public static Config RemoteConfig(int port) => ConfigFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
        dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off
        dhcp-cluster.remote { dot-netty.tcp { hostname = "127.0.0.1", port = {{port}} }, secure-cookie = "{{Cookie}}" }
        """));

    public static Config ClusterConfig(int port, int seedPort, bool tight) => ConfigFactory.ParseString(string.Create(CultureInfo.InvariantCulture, $$"""
        dhcp-cluster.cluster.seed-nodes = ["dhcp-cluster.tcp://bench@127.0.0.1:{{seedPort}}"]
        dhcp-cluster.cluster.seed-node-timeout = 2s
        {{(tight ? Tight : string.Empty)}}
        """)).WithFallback(RemoteConfig(port));

    public const string Tight = """
        dhcp-cluster.cluster {
          gossip-interval = 200ms
          leader-actions-interval = 200ms
          failure-detector { heartbeat-interval = 200ms, acceptable-heartbeat-pause = 1s }
          split-brain-resolver.stable-after = 2s
        }
        """;

    public static async Task<int> SinkAsync(int port)
    {
        var system = RemoteActorSystem.Create("bench", RemoteConfig(port));
        system.ActorOf(Props.Create(() => new Sink()), "sink");
        Console.WriteLine("READY");
        await Task.WhenAny(system.WhenTerminated, Task.Run(() => Console.In.ReadLine())).ConfigureAwait(false);
        await system.Terminate().ConfigureAwait(false);
        return 0;
    }

    public static async Task<int> ClusterNodeAsync(int port, int seedPort, bool tight)
    {
        var system = ClusterSystem.Create("bench", ClusterConfig(port, seedPort, tight));
        Console.WriteLine("READY");
        await Task.WhenAny(system.WhenTerminated, Task.Delay(TimeSpan.FromMinutes(3))).ConfigureAwait(false);
        return 0;
    }
}
