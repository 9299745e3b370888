using DhcpCluster.Actors.Cluster.Serialization;
using DhcpCluster.Actors.Remote;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Cluster;

/// <summary>Creates actor systems that are cluster members: remoting with the cluster's serializer, then the cluster daemon.</summary>
public static class ClusterSystem
{
    /// <summary>The provider names of <c>dhcp-cluster.actor.provider</c>.</summary>
    public static readonly string[] Providers = ["local", "remote", "cluster"];

    /// <summary>
    /// Creates the kind of system <c>dhcp-cluster.actor.provider</c> asks for: a local system, a remote-capable one, or a
    /// cluster member (<see cref="Create"/>). Hosts such as dhcp-node call this so one key turns a node into a member.
    /// </summary>
    /// <param name="name">The system name (the same on every node of a cluster).</param>
    /// <param name="config">The node's configuration.</param>
    /// <param name="setup">Logging and other options.</param>
    /// <param name="remoteSetup">Extra serializers (remote and cluster).</param>
    /// <param name="journalConnectionString">The PostgreSQL journal's connection string when the journal is PostgreSQL (cluster: lease-majority on it becomes the default downing).</param>
    /// <exception cref="ConfigException">When the provider or another setting is invalid.</exception>
    public static ActorSystem CreateForProvider(string name, Config config, ActorSystemSetup? setup = null, RemoteSetup? remoteSetup = null, string? journalConnectionString = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ProviderOf(config) switch
        {
            "cluster" => Create(name, config, setup, remoteSetup, journalConnectionString),
            "remote" => RemoteActorSystem.Create(name, config, setup, remoteSetup),
            _ => ActorSystem.Create(name, config, setup),
        };
    }

    /// <summary>The value of <c>dhcp-cluster.actor.provider</c> (local when unset).</summary>
    /// <exception cref="ConfigException">When it is not local, remote or cluster.</exception>
    public static string ProviderOf(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(ClusterSettings.Reference);
        var provider = c.GetString(ClusterConfigKeys.Provider);
        return Providers.Contains(provider, StringComparer.Ordinal)
            ? provider
            : throw c.ErrorAt(ClusterConfigKeys.Provider, $"unknown provider '{provider}': expected one of {string.Join(", ", Providers)}");
    }

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
