using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Remote.Tests;

/// <summary>Remote-capable systems on loopback with free ports and tight timings.</summary>
public static class Nodes
{
    public static ActorSystem Start(string name, string cookie = "s3cret", string extra = "", int port = 0) =>
        RemoteActorSystem.Create(name, ConfigFactory.ParseString($$"""
            dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off
            dhcp-cluster.remote {
              dot-netty.tcp { hostname = "127.0.0.1", port = {{port}} }
              secure-cookie = "{{cookie}}"
              handshake-timeout = 3s
              initial-reconnect-backoff = 50ms
              retry-gate-closed-for = 200ms
              watch-failure-detector.acceptable-heartbeat-pause = 1s
            }
            {{extra}}
            """));

    public static IActorRef RefOn(ActorSystem from, ActorSystem to, string path) =>
        ((ExtendedActorSystem)from).ResolveActorRef(RemoteActorSystem.Transport(to).Address + path);
}
