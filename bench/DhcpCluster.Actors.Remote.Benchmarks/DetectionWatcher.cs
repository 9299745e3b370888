using DhcpCluster.Actors;
using DhcpCluster.Actors.Cluster;

namespace DhcpCluster.Actors.Remote.Benchmarks;

/// <summary>Records when the first UnreachableMember and the first downing decision arrive.</summary>
public sealed class DetectionWatcher : ReceiveActor
{
    public DetectionWatcher(DetectionTimes times)
    {
        Receive<ClusterEvent.UnreachableMember>(_ => Interlocked.CompareExchange(ref times.UnreachableTicks, DateTime.UtcNow.Ticks, 0));
        Receive<SplitBrainResolverMessages.DecisionTaken>(_ => Interlocked.CompareExchange(ref times.DecisionTicks, DateTime.UtcNow.Ticks, 0));
    }
}
