namespace DhcpCluster.Actors.Cluster;

/// <summary>The life cycle of a member (Akka's <c>MemberStatus</c>), in the order a merge prefers them (later wins).</summary>
public enum MemberStatus
{
    /// <summary>Asked to join; not yet moved up by the leader.</summary>
    Joining = 0,

    /// <summary>Moved up without convergence because some member is unreachable.</summary>
    WeaklyUp = 1,

    /// <summary>A full member.</summary>
    Up = 2,

    /// <summary>Leaving gracefully.</summary>
    Leaving = 3,

    /// <summary>Left; the leader removes it next.</summary>
    Exiting = 4,

    /// <summary>Downed (by the split-brain resolver or an operator); the leader removes it next.</summary>
    Down = 5,

    /// <summary>Gone from the cluster (only seen in MemberRemoved events).</summary>
    Removed = 6,
}
