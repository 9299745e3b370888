namespace DhcpCluster.Actors.Remote.Benchmarks;

/// <summary>When the watcher saw each event (UTC ticks, 0 until seen).</summary>
public sealed class DetectionTimes
{
    public long UnreachableTicks;
    public long DecisionTicks;
}
