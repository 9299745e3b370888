namespace DhcpCluster.Actors.Cluster;

/// <summary>Whom a node monitors: its next <c>monitored-by-nr-of-members</c> successors on the ring of members ordered by address.</summary>
public static class HeartbeatNodeRing
{
    /// <summary>The members <paramref name="self"/> sends heartbeats to.</summary>
    public static IReadOnlyList<UniqueAddress> Receivers(UniqueAddress self, IReadOnlyList<UniqueAddress> members, int monitoredBy)
    {
        ArgumentNullException.ThrowIfNull(members);
        var ring = members.Where(m => !m.Equals(self)).Append(self).Distinct().Order().ToList();
        var index = ring.IndexOf(self);
        var result = new List<UniqueAddress>(Math.Min(monitoredBy, ring.Count - 1));
        for (var i = 1; i < ring.Count && result.Count < monitoredBy; i++)
        {
            result.Add(ring[(index + i) % ring.Count]);
        }

        return result;
    }
}
