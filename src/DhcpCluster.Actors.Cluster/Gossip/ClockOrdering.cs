namespace DhcpCluster.Actors.Cluster;

/// <summary>How two vector clocks relate.</summary>
public enum ClockOrdering
{
    /// <summary>Equal.</summary>
    Same,

    /// <summary>This clock happened before the other.</summary>
    Before,

    /// <summary>This clock happened after the other.</summary>
    After,

    /// <summary>Neither: the histories diverged.</summary>
    Concurrent,
}
