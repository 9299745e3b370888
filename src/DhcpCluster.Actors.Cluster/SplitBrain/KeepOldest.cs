namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// keep-oldest: the side with the oldest member survives. With down-if-alone, an oldest member that is
/// alone on its side while the other side has at least two members is downed instead, and the other side survives.
/// </summary>
public sealed class KeepOldest(bool downIfAlone, string role) : DowningStrategy
{
    /// <inheritdoc/>
    public override string Name => "keep-oldest";

    /// <inheritdoc/>
    public override DowningDecision Decide(SplitBrainView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var counted = view.Counted(role);
        var oldest = counted.Aggregate((a, b) => b.IsOlderThan(a) ? b : a);
        var reachable = view.ReachableSide(role).Count;
        var unreachable = view.UnreachableSide(role).Count;
        var oldestReachable = !view.Unreachable.Contains(oldest.UniqueAddress);
        if (oldestReachable)
        {
            return downIfAlone && reachable == 1 && unreachable >= 2
                ? new DowningDecision(DowningDecisionKind.DownReachable, $"keep-oldest: the oldest {oldest.Address} is alone on this side (down-if-alone) against {unreachable} members")
                : new DowningDecision(DowningDecisionKind.DownUnreachable, $"keep-oldest: the oldest {oldest.Address} is on this side");
        }

        return downIfAlone && unreachable == 1 && reachable >= 2
            ? new DowningDecision(DowningDecisionKind.DownUnreachable, $"keep-oldest: the oldest {oldest.Address} is alone on the other side (down-if-alone); this side of {reachable} survives")
            : new DowningDecision(DowningDecisionKind.DownReachable, $"keep-oldest: the oldest {oldest.Address} is on the other side");
    }
}
