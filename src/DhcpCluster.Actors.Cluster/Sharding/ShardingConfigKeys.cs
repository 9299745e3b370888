namespace DhcpCluster.Hocon.Keys;

/// <summary>The configuration keys of cluster sharding (defaults in DhcpCluster.Actors.Cluster's reference.conf).</summary>
[ConfigKeyCatalog("dhcp-cluster.cluster.sharding (DhcpCluster.Actors.Cluster)")]
public static class ShardingConfigKeys
{
    /// <summary>Regions host shards only on members with this role.</summary>
    public static readonly ConfigKey Role = new(
        "dhcp-cluster.cluster.sharding.role",
        ConfigValueType.String,
        "Shards are hosted only on members with this role (empty: every member); the coordinator runs on the oldest of them.",
        "akka.cluster.sharding.role");

    /// <summary>Number of shards of a HashCodeMessageExtractor built from the configuration.</summary>
    public static readonly ConfigKey NumberOfShards = new(
        "dhcp-cluster.cluster.sharding.number-of-shards",
        ConfigValueType.Int,
        "Number of shards of the HashCodeMessageExtractor built from the configuration (about ten times the largest number of nodes; never change it during a cluster's life).",
        "akka.cluster.sharding.number-of-shards");

    /// <summary>Idle entities are passivated after this long.</summary>
    public static readonly ConfigKey PassivateIdleEntityAfter = new(
        "dhcp-cluster.cluster.sharding.passivate-idle-entity-after",
        ConfigValueType.Duration,
        "An entity that received no message for this long gets the handoff stop message and is stopped (re-created on its next message); 0s disables.",
        "akka.cluster.sharding.passivate-idle-entity-after");

    /// <summary>Longest handoff of a shard.</summary>
    public static readonly ConfigKey HandOffTimeout = new(
        "dhcp-cluster.cluster.sharding.handoff-timeout",
        ConfigValueType.Duration,
        "Entities of a shard being handed off that have not stopped after their stop message within this time are stopped; a rebalance not done by then is given up.",
        "akka.cluster.sharding.handoff-timeout");

    /// <summary>How often the coordinator rebalances.</summary>
    public static readonly ConfigKey RebalanceInterval = new(
        "dhcp-cluster.cluster.sharding.rebalance-interval",
        ConfigValueType.Duration,
        "How often the coordinator looks for shards to move (from leaving regions, and from the region with most shards to the one with least).",
        "akka.cluster.sharding.rebalance-interval");

    /// <summary>Messages a region keeps while the home of their shard is unknown.</summary>
    public static readonly ConfigKey BufferSize = new(
        "dhcp-cluster.cluster.sharding.buffer-size",
        ConfigValueType.Int,
        "Messages a region keeps while their shard has no known home (during allocation and handoff); further messages are dropped and counted.",
        "akka.cluster.sharding.buffer-size");

    /// <summary>How often a region retries registering and asking for shard homes.</summary>
    public static readonly ConfigKey RetryInterval = new(
        "dhcp-cluster.cluster.sharding.retry-interval",
        ConfigValueType.Duration,
        "How often a region retries registering with the coordinator and asking for the homes of shards it buffers messages for.",
        "akka.cluster.sharding.retry-interval");

    /// <summary>Buffered messages older than this are dropped and counted instead of delivered late.</summary>
    public static readonly ConfigKey BufferedMessageMaxAge = new(
        "dhcp-cluster.cluster.sharding.buffered-message-max-age",
        ConfigValueType.Duration,
        "A message that waited in a region's buffer (shard being allocated or handed off) longer than this since it entered the cluster is dropped and counted instead of delivered late; 0s keeps every message.",
        "");

    /// <summary>Least-shard allocation: rebalance when the difference of shard counts exceeds this.</summary>
    public static readonly ConfigKey RebalanceThreshold = new(
        "dhcp-cluster.cluster.sharding.least-shard-allocation-strategy.rebalance-threshold",
        ConfigValueType.Int,
        "Least-shard allocation: shards move from the region with most shards to the one with least when their counts differ by more than this.",
        "akka.cluster.sharding.least-shard-allocation-strategy.rebalance-threshold");

    /// <summary>Least-shard allocation: at most this many shards move at a time.</summary>
    public static readonly ConfigKey MaxSimultaneousRebalance = new(
        "dhcp-cluster.cluster.sharding.least-shard-allocation-strategy.max-simultaneous-rebalance",
        ConfigValueType.Int,
        "Least-shard allocation: at most this many shards are being moved at any time (shards of a region shutting down gracefully are not limited).",
        "akka.cluster.sharding.least-shard-allocation-strategy.max-simultaneous-rebalance");
}
