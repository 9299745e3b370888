namespace DhcpCluster.Actors.Cluster;

/// <summary>Computes the events between two membership snapshots (pure; the core daemon publishes them).</summary>
public static class ClusterEventDiff
{
    /// <summary>The events that turn <paramref name="before"/> into <paramref name="after"/>.</summary>
    public static IReadOnlyList<ClusterEvent.IClusterDomainEvent> Between(CurrentClusterState before, CurrentClusterState after, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var events = new List<ClusterEvent.IClusterDomainEvent>();
        var old = before.Members.ToDictionary(m => m.UniqueAddress);
        foreach (var member in after.Members)
        {
            if (!old.TryGetValue(member.UniqueAddress, out var previous) || previous.Status != member.Status)
            {
                AddStatusEvent(events, member, now);
            }
        }

        var current = after.Members.Select(m => m.UniqueAddress).ToHashSet();
        foreach (var member in before.Members)
        {
            if (!current.Contains(member.UniqueAddress))
            {
                events.Add(new ClusterEvent.MemberRemoved(member.WithStatus(MemberStatus.Removed), member.Status, now));
            }
        }

        var wasUnreachable = before.Unreachable.Select(m => m.UniqueAddress).ToHashSet();
        var isUnreachable = after.Unreachable.Select(m => m.UniqueAddress).ToHashSet();
        foreach (var member in after.Unreachable)
        {
            if (!wasUnreachable.Contains(member.UniqueAddress))
            {
                events.Add(new ClusterEvent.UnreachableMember(member, now));
            }
        }

        foreach (var member in before.Unreachable)
        {
            if (!isUnreachable.Contains(member.UniqueAddress) && current.Contains(member.UniqueAddress))
            {
                events.Add(new ClusterEvent.ReachableMember(after.Members.First(m => m.UniqueAddress.Equals(member.UniqueAddress)), now));
            }
        }

        if (!Equals(before.Leader, after.Leader))
        {
            events.Add(new ClusterEvent.LeaderChanged(after.Leader, now));
        }

        return events;
    }

    /// <summary>The events that describe a state from scratch (initial state as events).</summary>
    public static IReadOnlyList<ClusterEvent.IClusterDomainEvent> From(CurrentClusterState state, DateTime now) => Between(CurrentClusterState.Empty, state, now);

    private static void AddStatusEvent(ICollection<ClusterEvent.IClusterDomainEvent> events, Member member, DateTime now)
    {
        ClusterEvent.IClusterDomainEvent? e = member.Status switch
        {
            MemberStatus.Joining => new ClusterEvent.MemberJoined(member, now),
            MemberStatus.WeaklyUp => new ClusterEvent.MemberWeaklyUp(member, now),
            MemberStatus.Up => new ClusterEvent.MemberUp(member, now),
            MemberStatus.Leaving => new ClusterEvent.MemberLeft(member, now),
            MemberStatus.Exiting => new ClusterEvent.MemberExited(member, now),
            MemberStatus.Down => new ClusterEvent.MemberDowned(member, now),
            _ => null,
        };
        if (e is not null)
        {
            events.Add(e);
        }
    }
}
