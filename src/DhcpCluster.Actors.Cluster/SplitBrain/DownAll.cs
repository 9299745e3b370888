namespace DhcpCluster.Actors.Cluster;

/// <summary>down-all: any unreachability downs every member.</summary>
public sealed class DownAll : DowningStrategy
{
    /// <inheritdoc/>
    public override string Name => "down-all";

    /// <inheritdoc/>
    public override DowningDecision Decide(SplitBrainView view) =>
        new(DowningDecisionKind.DownAll, $"down-all: {view?.Unreachable.Count} member(s) unreachable");
}
