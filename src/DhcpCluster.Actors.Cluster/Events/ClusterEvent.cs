namespace DhcpCluster.Actors.Cluster;

/// <summary>The events the cluster publishes to subscribers (Akka's <c>ClusterEvent</c>).</summary>
public static class ClusterEvent
{
    /// <summary>What a new subscriber gets first.</summary>
    public enum SubscriptionInitialStateMode
    {
        /// <summary>One <see cref="CurrentClusterState"/> message.</summary>
        InitialStateAsSnapshot,

        /// <summary>The events that would rebuild the current state (MemberUp..., UnreachableMember..., LeaderChanged).</summary>
        InitialStateAsEvents,
    }

    /// <summary>Every cluster event.</summary>
    public interface IClusterDomainEvent
    {
        /// <summary>When this node observed the change (UTC).</summary>
        DateTime Timestamp { get; }
    }

    /// <summary>A change of a member's status.</summary>
    public abstract record MemberStatusChange(Member Member, DateTime Timestamp) : IClusterDomainEvent;

    /// <summary>A member asked to join.</summary>
    public sealed record MemberJoined(Member Member, DateTime Timestamp) : MemberStatusChange(Member, Timestamp);

    /// <summary>A member became WeaklyUp.</summary>
    public sealed record MemberWeaklyUp(Member Member, DateTime Timestamp) : MemberStatusChange(Member, Timestamp);

    /// <summary>A member became Up.</summary>
    public sealed record MemberUp(Member Member, DateTime Timestamp) : MemberStatusChange(Member, Timestamp);

    /// <summary>A member is leaving.</summary>
    public sealed record MemberLeft(Member Member, DateTime Timestamp) : MemberStatusChange(Member, Timestamp);

    /// <summary>A member is exiting.</summary>
    public sealed record MemberExited(Member Member, DateTime Timestamp) : MemberStatusChange(Member, Timestamp);

    /// <summary>A member was downed.</summary>
    public sealed record MemberDowned(Member Member, DateTime Timestamp) : MemberStatusChange(Member, Timestamp);

    /// <summary>A member was removed (its status is Removed; <see cref="PreviousStatus"/> says from what).</summary>
    public sealed record MemberRemoved(Member Member, MemberStatus PreviousStatus, DateTime Timestamp) : MemberStatusChange(Member, Timestamp);

    /// <summary>A member became unreachable for some member's failure detector.</summary>
    public sealed record UnreachableMember(Member Member, DateTime Timestamp) : IClusterDomainEvent;

    /// <summary>A member is reachable again.</summary>
    public sealed record ReachableMember(Member Member, DateTime Timestamp) : IClusterDomainEvent;

    /// <summary>The leader changed (null: no leader).</summary>
    public sealed record LeaderChanged(Address? Leader, DateTime Timestamp) : IClusterDomainEvent;

    /// <summary>This node was downed, removed or quarantined and leaves the cluster for good (this incarnation).</summary>
    public sealed record ClusterShuttingDown(string Reason, DateTime Timestamp) : IClusterDomainEvent;
}
