namespace DhcpCluster.Actors.Cluster;

/// <summary>static-quorum: a side with at least quorum-size members survives; a smaller side downs itself.</summary>
public sealed class StaticQuorum(int quorumSize, string role) : DowningStrategy
{
    /// <inheritdoc/>
    public override string Name => "static-quorum";

    /// <inheritdoc/>
    public override DowningDecision Decide(SplitBrainView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var reachable = view.ReachableSide(role).Count;
        var unreachable = view.UnreachableSide(role).Count;
        if (reachable >= quorumSize && unreachable >= quorumSize)
        {
            return new DowningDecision(DowningDecisionKind.DownAll, $"static-quorum: both sides reach quorum-size {quorumSize} ({reachable} and {unreachable}): the cluster is larger than the quorum allows");
        }

        return reachable >= quorumSize
            ? new DowningDecision(DowningDecisionKind.DownUnreachable, $"static-quorum: this side has {reachable} members, quorum-size is {quorumSize}")
            : new DowningDecision(DowningDecisionKind.DownReachable, $"static-quorum: this side has {reachable} members, below quorum-size {quorumSize}");
    }
}
