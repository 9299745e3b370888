namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// A snapshot of the membership as this node sees it: the query API a command endpoint calls
/// (<c>cluster show</c>, <c>cluster leader</c>, <c>cluster status</c>), and the first message of a snapshot subscription.
/// </summary>
public sealed record CurrentClusterState(
    IReadOnlyList<Member> Members,
    IReadOnlySet<Member> Unreachable,
    Address? Leader,
    IReadOnlySet<Address> SeenBy,
    bool HasConvergence)
{
    /// <summary>No members.</summary>
    public static CurrentClusterState Empty { get; } = new([], new HashSet<Member>(), null, new HashSet<Address>(), HasConvergence: false);

    /// <summary>Builds the snapshot of a gossip as <paramref name="self"/> sees it.</summary>
    public static CurrentClusterState Of(Gossip gossip, UniqueAddress self)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        var unreachable = gossip.UnreachableExcept(self);
        var leader = gossip.Leader(self);
        return new CurrentClusterState(
            [.. gossip.Members.Values],
            gossip.Members.Values.Where(m => unreachable.Contains(m.UniqueAddress)).ToHashSet(),
            leader?.Address,
            gossip.Seen.Select(s => s.Address).ToHashSet(),
            gossip.HasConvergence(self));
    }

    /// <summary>The member at an address, or null.</summary>
    public Member? MemberAt(Address address) => Members.FirstOrDefault(m => m.Address.Equals(address));
}
