namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>Messages between the regions and the coordinator (Akka's names); all of them cross nodes.</summary>
internal static class ShardCoordinatorProtocol
{
    /// <summary>A region registers, reporting the shards it hosts (how a new coordinator rebuilds its state).</summary>
    public sealed record Register(IActorRef Region, IReadOnlyList<string> Shards);

    /// <summary>The coordinator accepted the region.</summary>
    public sealed record RegisterAck(IActorRef Coordinator);

    /// <summary>A new coordinator asks a region to register (and report its shards).</summary>
    public sealed record CoordinatorHello(IActorRef Coordinator);

    /// <summary>Where is this shard?</summary>
    public sealed record GetShardHome(string Shard);

    /// <summary>The shard lives in that region.</summary>
    public sealed record ShardHome(string Shard, IActorRef Region);

    /// <summary>The coordinator allocated the shard to the receiving region.</summary>
    public sealed record HostShard(string Shard);

    /// <summary>The region started the shard.</summary>
    public sealed record ShardStarted(string Shard);

    /// <summary>The shard is about to move: forget its home and buffer its messages.</summary>
    public sealed record BeginHandOff(string Shard);

    /// <summary>The region forgot the shard's home.</summary>
    public sealed record BeginHandOffAck(string Shard);

    /// <summary>Stop the shard's entities (with the handoff stop message) and the shard.</summary>
    public sealed record HandOff(string Shard);

    /// <summary>The shard and all its entities stopped.</summary>
    public sealed record ShardStopped(string Shard);

    /// <summary>The region is shutting down gracefully: move all its shards away.</summary>
    public sealed record GracefulShutdownRequest(IActorRef Region);

    /// <summary>The coordinator's view of the regions (for <see cref="ShardRegionProtocol.GetCurrentRegions"/>).</summary>
    public sealed record GetRegions;

    internal sealed record RebalanceTick;

    internal sealed record RebalanceTimeout(string Shard);

    internal sealed record AllocateTick;
}
