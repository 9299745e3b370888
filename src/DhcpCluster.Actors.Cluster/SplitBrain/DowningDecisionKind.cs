namespace DhcpCluster.Actors.Cluster;

/// <summary>What a downing strategy decided.</summary>
public enum DowningDecisionKind
{
    /// <summary>This side survives: down the unreachable members.</summary>
    DownUnreachable,

    /// <summary>This side loses: down the reachable members, this node included.</summary>
    DownReachable,

    /// <summary>Down every member.</summary>
    DownAll,
}
