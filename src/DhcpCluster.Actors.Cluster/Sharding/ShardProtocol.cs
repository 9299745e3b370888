namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>Messages between a region and its shards (local only).</summary>
internal static class ShardProtocol
{
    public sealed record HandOffShard;

    public sealed record HandOffTimedOut;

    public sealed record PassivateIdleTick;

    public sealed record GetShardState;
}
