using System.Globalization;
using DhcpCluster.Actors.Cluster.Sharding;
using DhcpCluster.Actors.Cluster.Singleton;
using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Cluster.Benchmarks;

/// <summary>A cluster member of the benchmark: a singleton and a sharded entity type, both answering with the node's port.</summary>
public static class BenchNode
{
    public const string TypeName = "bench";

    /// <summary>Failure detection and downing as tight as the namespace tests use (the figures scale with them).</summary>
    public const string Config = """
        dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off
        dhcp-cluster.remote {
          dot-netty.tcp.hostname = "127.0.0.1"
          secure-cookie = "bench-secret"
          handshake-timeout = 3s
          initial-reconnect-backoff = 50ms
          retry-gate-closed-for = 300ms
        }
        dhcp-cluster.cluster {
          seed-node-timeout = 1s
          retry-unsuccessful-join-after = 1s
          gossip-interval = 200ms
          leader-actions-interval = 200ms
          failure-detector { heartbeat-interval = 200ms, acceptable-heartbeat-pause = 1s, expected-response-after = 500ms }
          split-brain-resolver.stable-after = 1s
          singleton.hand-over-retry-interval = 200ms
          singleton-proxy.singleton-identification-interval = 100ms
          sharding { number-of-shards = 60, retry-interval = 200ms, rebalance-interval = 60s }
        }
        """;

    public static (ActorSystem System, IActorRef Region, IActorRef Proxy) Start(int port, int seedPort)
    {
        var system = ClusterSystem.Create("bench", ConfigFactory.ParseString(Config + $$"""

            dhcp-cluster.remote.dot-netty.tcp.port = {{port}}
            dhcp-cluster.cluster.seed-nodes = ["dhcp-cluster.tcp://bench@127.0.0.1:{{seedPort}}"]
            """));
        var self = port.ToString(CultureInfo.InvariantCulture);
        system.ActorOf(ClusterSingletonManager.Props(Props.Create(() => new Answer(self)), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(system)), "ha");
        var proxy = system.ActorOf(ClusterSingletonProxy.Props("/user/ha", ClusterSingletonProxySettings.Create(system)), "ha-proxy");
        var settings = ClusterShardingSettings.Create(system);
        var region = ClusterSharding.Get(system).Start(TypeName, _ => Props.Create(() => new Answer(self)), settings, HashCodeMessageExtractor.Create(settings.NumberOfShards, m => m is string s ? s[..s.IndexOf('|', StringComparison.Ordinal)] : null));
        return (system, region, proxy);
    }

    /// <summary>Answers every string with the node's port (entity messages are <c>ENTITY|payload</c>).</summary>
    private sealed class Answer : ReceiveActor
    {
        public Answer(string port) => Receive<string>(_ => Sender.Tell(port, Self));
    }
}
