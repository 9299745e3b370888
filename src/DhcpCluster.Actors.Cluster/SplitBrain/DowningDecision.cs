namespace DhcpCluster.Actors.Cluster;

/// <summary>A decision and the reason that is logged with it.</summary>
public sealed record DowningDecision(DowningDecisionKind Kind, string Reason);
