namespace DhcpCluster.Actors.Cluster;

/// <summary>Messages of the split-brain resolver.</summary>
public static class SplitBrainResolverMessages
{
    /// <summary>The membership changed (from the core daemon).</summary>
    public sealed record StateChanged(CurrentClusterState State, UniqueAddress Self);

    /// <summary>Published on the event stream for every decision: what was decided, why, and whom it downs.</summary>
    public sealed record DecisionTaken(string Strategy, DowningDecision Decision, IReadOnlyList<UniqueAddress> Downed, DateTime Timestamp);

    internal sealed record Tick;

    internal sealed record LeaseOutcome(bool Acquired, string Detail, DowningDecision MajorityView, IReadOnlySet<UniqueAddress> Unreachable);
}
