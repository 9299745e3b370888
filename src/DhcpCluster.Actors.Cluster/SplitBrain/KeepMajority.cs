namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// keep-majority: the side with more members survives; with equal halves, the side holding the member
/// with the lowest address survives (so in a pair, the node with the higher address downs itself).
/// </summary>
public sealed class KeepMajority(string role) : DowningStrategy
{
    /// <inheritdoc/>
    public override string Name => "keep-majority";

    /// <inheritdoc/>
    public override DowningDecision Decide(SplitBrainView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var reachable = view.ReachableSide(role);
        var unreachable = view.UnreachableSide(role);
        var counts = $"{reachable.Count} reachable vs {unreachable.Count} unreachable";
        if (reachable.Count > unreachable.Count)
        {
            return new DowningDecision(DowningDecisionKind.DownUnreachable, $"keep-majority: this side is the majority ({counts})");
        }

        if (reachable.Count < unreachable.Count)
        {
            return new DowningDecision(DowningDecisionKind.DownReachable, $"keep-majority: this side is the minority ({counts})");
        }

        var lowest = view.Counted(role).Min(m => m.UniqueAddress)!;
        return view.Unreachable.Contains(lowest)
            ? new DowningDecision(DowningDecisionKind.DownReachable, $"keep-majority: equal halves ({counts}) and the lowest address {lowest.Address} is on the other side")
            : new DowningDecision(DowningDecisionKind.DownUnreachable, $"keep-majority: equal halves ({counts}) and this side holds the lowest address {lowest.Address}");
    }
}
