namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>The public messages of a shard region (Akka's names) and its queries' answers (plain records).</summary>
public static class ShardRegionProtocol
{
    /// <summary>An entity asks its shard to stop it: the shard buffers the entity's messages, sends it <paramref name="StopMessage"/>, and re-creates it if messages arrived meanwhile.</summary>
    public sealed record Passivate(object StopMessage);

    /// <summary>Hand off every shard of this region, then stop it (the node is about to leave).</summary>
    public sealed record GracefulShutdown
    {
        private GracefulShutdown()
        {
        }

        /// <summary>The instance.</summary>
        public static GracefulShutdown Instance { get; } = new();
    }

    /// <summary>Asks a region for its shards and their entities (answered with <see cref="CurrentShardRegionState"/>).</summary>
    public sealed record GetShardRegionState
    {
        private GetShardRegionState()
        {
        }

        /// <summary>The instance.</summary>
        public static GetShardRegionState Instance { get; } = new();
    }

    /// <summary>A shard and its running entities.</summary>
    public sealed record ShardState(string ShardId, IReadOnlyList<string> EntityIds);

    /// <summary>The shards of a region and their entities, with the region's buffer counters.</summary>
    /// <param name="Shards">Shards hosted here.</param>
    /// <param name="BufferedMessages">Messages waiting for their shard's home.</param>
    /// <param name="DroppedExpired">Buffered messages dropped because they were older than buffered-message-max-age.</param>
    /// <param name="DroppedBufferFull">Messages dropped because the buffer was full.</param>
    public sealed record CurrentShardRegionState(IReadOnlyList<ShardState> Shards, int BufferedMessages, long DroppedExpired, long DroppedBufferFull);

    /// <summary>Asks a region for its entity count per shard (answered with <see cref="ShardRegionStats"/>).</summary>
    public sealed record GetShardRegionStats
    {
        private GetShardRegionStats()
        {
        }

        /// <summary>The instance.</summary>
        public static GetShardRegionStats Instance { get; } = new();
    }

    /// <summary>Entities per shard of one region.</summary>
    public sealed record ShardRegionStats(IReadOnlyDictionary<string, int> Stats);

    /// <summary>Asks the regions of every member for their stats (answered with <see cref="ClusterShardingStats"/>).</summary>
    public sealed record GetClusterShardingStats(TimeSpan Timeout);

    /// <summary>Stats of every region that answered within the timeout; <see cref="Failed"/> lists members whose region did not.</summary>
    public sealed record ClusterShardingStats(IReadOnlyDictionary<Address, ShardRegionStats> Regions, IReadOnlyList<Address> Failed);

    /// <summary>Asks for the members that host a region of this type (answered with <see cref="CurrentRegions"/>).</summary>
    public sealed record GetCurrentRegions
    {
        private GetCurrentRegions()
        {
        }

        /// <summary>The instance.</summary>
        public static GetCurrentRegions Instance { get; } = new();
    }

    /// <summary>The members hosting a region of this type and the number of shards each one hosts, as the coordinator sees them.</summary>
    public sealed record CurrentRegions(IReadOnlyDictionary<Address, int> ShardsByRegion);

    /// <summary>
    /// A message on its way to an entity inside the cluster: extracted once by the first region, with the time
    /// it entered the cluster (for buffered-message-max-age). Regions forward it to each other as is.
    /// </summary>
    internal sealed record ShardDelivery(string EntityId, string ShardId, object Message, long CreatedUtcTicks);

    internal sealed record RetryTick;
}
