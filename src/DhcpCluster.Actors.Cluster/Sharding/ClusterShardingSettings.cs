using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>Settings of one sharded entity type (<c>dhcp-cluster.cluster.sharding.*</c>).</summary>
public sealed record ClusterShardingSettings
{
    /// <summary>Shards are hosted only on members with this role (empty: any member).</summary>
    public required string Role { get; init; }

    /// <summary>number-of-shards (for <see cref="HashCodeMessageExtractor"/> built from the configuration).</summary>
    public required int NumberOfShards { get; init; }

    /// <summary>passivate-idle-entity-after (zero: never).</summary>
    public required TimeSpan PassivateIdleEntityAfter { get; init; }

    /// <summary>handoff-timeout.</summary>
    public required TimeSpan HandOffTimeout { get; init; }

    /// <summary>rebalance-interval.</summary>
    public required TimeSpan RebalanceInterval { get; init; }

    /// <summary>buffer-size (per region).</summary>
    public required int BufferSize { get; init; }

    /// <summary>retry-interval.</summary>
    public required TimeSpan RetryInterval { get; init; }

    /// <summary>buffered-message-max-age (zero: no limit).</summary>
    public required TimeSpan BufferedMessageMaxAge { get; init; }

    /// <summary>least-shard-allocation-strategy.rebalance-threshold.</summary>
    public required int RebalanceThreshold { get; init; }

    /// <summary>least-shard-allocation-strategy.max-simultaneous-rebalance.</summary>
    public required int MaxSimultaneousRebalance { get; init; }

    /// <summary>The margin after a downed member's removal before its shards start elsewhere.</summary>
    public required TimeSpan RemovalMargin { get; init; }

    /// <summary>The settings from the configuration of a cluster system.</summary>
    /// <exception cref="ConfigException">When a value is invalid.</exception>
    public static ClusterShardingSettings Create(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        return Read(cluster.Config, cluster.Settings);
    }

    /// <summary>Reads the settings.</summary>
    /// <exception cref="ConfigException">When a value is invalid.</exception>
    public static ClusterShardingSettings Read(Config config, ClusterSettings cluster)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(ClusterSettings.Reference);
        return new ClusterShardingSettings
        {
            Role = c.GetString(ShardingConfigKeys.Role),
            NumberOfShards = AtLeast(c, ShardingConfigKeys.NumberOfShards, 1),
            PassivateIdleEntityAfter = NotNegative(c, ShardingConfigKeys.PassivateIdleEntityAfter),
            HandOffTimeout = ClusterSettings.Positive(c, ShardingConfigKeys.HandOffTimeout),
            RebalanceInterval = ClusterSettings.Positive(c, ShardingConfigKeys.RebalanceInterval),
            BufferSize = AtLeast(c, ShardingConfigKeys.BufferSize, 0),
            RetryInterval = ClusterSettings.Positive(c, ShardingConfigKeys.RetryInterval),
            BufferedMessageMaxAge = NotNegative(c, ShardingConfigKeys.BufferedMessageMaxAge),
            RebalanceThreshold = AtLeast(c, ShardingConfigKeys.RebalanceThreshold, 1),
            MaxSimultaneousRebalance = AtLeast(c, ShardingConfigKeys.MaxSimultaneousRebalance, 1),
            RemovalMargin = Singleton.DownRemovalMargin.Read(c, cluster),
        };
    }

    /// <summary>Same settings with another role.</summary>
    public ClusterShardingSettings WithRole(string role) => this with { Role = role ?? string.Empty };

    private static int AtLeast(Config c, ConfigKey key, int min)
    {
        var value = c.GetInt(key);
        return value >= min ? value : throw c.ErrorAt(key, $"must be at least {min}");
    }

    private static TimeSpan NotNegative(Config c, ConfigKey key)
    {
        var value = c.GetDuration(key);
        return value >= TimeSpan.Zero ? value : throw c.ErrorAt(key, "must not be negative");
    }
}
