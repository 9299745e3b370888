using DhcpCluster.Actors.Cluster.Serialization;
using DhcpCluster.Actors.Remote;
using DhcpCluster.Hocon;

namespace DhcpCluster.Actors.Cluster;

/// <summary>Creates actor systems that are cluster members: remoting with the cluster's serializer, then the cluster daemon.</summary>
public static class ClusterSystem
{
    /// <summary>Creates the system and starts its cluster (which joins the seed nodes, if configured).</summary>
    /// <param name="name">The system name (the same on every node).</param>
    /// <param name="config">The node's configuration.</param>
    /// <param name="setup">Logging and other options.</param>
    /// <param name="remoteSetup">Extra serializers.</param>
    /// <param name="journalConnectionString">The PostgreSQL journal's connection string when the journal is PostgreSQL (makes lease-majority on it the default strategy).</param>
    /// <exception cref="ConfigException">When a setting is invalid.</exception>
    public static ActorSystem Create(string name, Config config, ActorSystemSetup? setup = null, RemoteSetup? remoteSetup = null, string? journalConnectionString = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = ClusterSettings.Read(config, journalConnectionString);
        ShardingMessageSerializer? sharding = null;
        var remote = (remoteSetup ?? new RemoteSetup())
            .WithSerializer(_ => new ClusterMessageSerializer())
            .WithSerializer(refs => sharding = new ShardingMessageSerializer(refs));
        var full = config.WithFallback(ClusterSettings.Reference);
        var system = RemoteActorSystem.Create(name, full, setup, remote);
        sharding!.Payloads = RemoteActorSystem.Transport(system).Serialization;
        Cluster.Start(system, settings, full);
        return system;
    }
}
