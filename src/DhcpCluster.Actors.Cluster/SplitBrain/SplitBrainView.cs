namespace DhcpCluster.Actors.Cluster;

/// <summary>The membership as one side of a partition sees it: the input of a downing strategy.</summary>
public sealed record SplitBrainView(IReadOnlyList<Member> Members, IReadOnlySet<UniqueAddress> Unreachable, UniqueAddress Self)
{
    /// <summary>Members that count for a strategy: Up, Leaving or Exiting, with the role when one is set (all non-removed members when none qualifies).</summary>
    public IReadOnlyList<Member> Counted(string role)
    {
        var withRole = Members.Where(m => role.Length == 0 || m.HasRole(role)).ToList();
        var full = withRole.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving or MemberStatus.Exiting).ToList();
        return full.Count > 0 ? full : withRole;
    }

    /// <summary>Counted members on this side.</summary>
    public IReadOnlyList<Member> ReachableSide(string role) => Counted(role).Where(m => !Unreachable.Contains(m.UniqueAddress)).ToList();

    /// <summary>Counted members on the other side.</summary>
    public IReadOnlyList<Member> UnreachableSide(string role) => Counted(role).Where(m => Unreachable.Contains(m.UniqueAddress)).ToList();
}
