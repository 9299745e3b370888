using System.Collections.Immutable;

namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// The replicated membership state: members, failure-detector observations, which nodes have seen this
/// version, tombstones of removed incarnations, and the vector clock. Immutable; every change returns a new gossip.
/// </summary>
public sealed record Gossip(
    ImmutableSortedDictionary<UniqueAddress, Member> Members,
    Reachability Reachability,
    ImmutableHashSet<UniqueAddress> Seen,
    ImmutableHashSet<UniqueAddress> Tombstones,
    VectorClock Version)
{
    /// <summary>Member statuses that must have seen a version for convergence, and that can lead.</summary>
    private static readonly MemberStatus[] ConvergenceStatuses = [MemberStatus.Up, MemberStatus.Leaving];

    /// <summary>The empty gossip.</summary>
    public static Gossip Empty { get; } = new(
        ImmutableSortedDictionary<UniqueAddress, Member>.Empty,
        Reachability.Empty,
        [],
        [],
        VectorClock.Empty);

    /// <summary>True when the incarnation is a member.</summary>
    public bool HasMember(UniqueAddress node) => Members.ContainsKey(node);

    /// <summary>The member with that address (any incarnation), or null.</summary>
    public Member? MemberAt(Address address) => Members.Values.FirstOrDefault(m => m.Address.Equals(address));

    /// <summary>Members some live member's failure detector finds unreachable.</summary>
    public ImmutableHashSet<UniqueAddress> Unreachable()
    {
        var live = Members.Keys.Where(k => Members[k].Status != MemberStatus.Down).ToHashSet();
        return Reachability.UnreachableAsSeenBy(live).Intersect(Members.Keys);
    }

    /// <summary>Members unreachable as seen by anyone but <paramref name="self"/> itself.</summary>
    public ImmutableHashSet<UniqueAddress> UnreachableExcept(UniqueAddress self) => Unreachable().Remove(self);

    /// <summary>
    /// Convergence: every unreachable member is Down or Exiting, and every Up or Leaving member has seen this version.
    /// </summary>
    public bool HasConvergence(UniqueAddress self)
    {
        var unreachable = UnreachableExcept(self);
        foreach (var member in Members.Values)
        {
            if (unreachable.Contains(member.UniqueAddress))
            {
                if (member.Status is not (MemberStatus.Down or MemberStatus.Exiting))
                {
                    return false;
                }
            }
            else if (Array.IndexOf(ConvergenceStatuses, member.Status) >= 0 && !Seen.Contains(member.UniqueAddress))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The leader as <paramref name="self"/> sees it: the lowest reachable Up or Leaving member, else the lowest
    /// reachable Joining or WeaklyUp member (how a new cluster's first node leads itself Up).
    /// </summary>
    public UniqueAddress? Leader(UniqueAddress self)
    {
        var unreachable = UnreachableExcept(self);
        UniqueAddress? fallback = null;
        foreach (var member in Members.Values)
        {
            if (unreachable.Contains(member.UniqueAddress))
            {
                continue;
            }

            if (Array.IndexOf(ConvergenceStatuses, member.Status) >= 0)
            {
                return member.UniqueAddress;
            }

            if (fallback is null && member.Status is MemberStatus.Joining or MemberStatus.WeaklyUp)
            {
                fallback = member.UniqueAddress;
            }
        }

        return fallback;
    }

    /// <summary>This gossip with a member added or changed, a new version by <paramref name="by"/>, seen only by it.</summary>
    public Gossip Update(UniqueAddress by, Member member) =>
        (this with { Members = Members.SetItem(member.UniqueAddress, member) }).NewVersion(by);

    /// <summary>This gossip without the members (tombstoned), a new version by <paramref name="by"/>.</summary>
    public Gossip Remove(UniqueAddress by, IReadOnlyCollection<UniqueAddress> removed)
    {
        var set = removed.ToHashSet();
        return (this with
        {
            Members = Members.RemoveRange(removed),
            Tombstones = Tombstones.Union(removed),
            Reachability = Reachability.Without(set),
            Seen = Seen.Except(removed),
        }).NewVersion(by);
    }

    /// <summary>A new version by <paramref name="by"/>: only it has seen it.</summary>
    public Gossip NewVersion(UniqueAddress by) => this with { Version = Version.Increment(by.ToString()), Seen = [by] };

    /// <summary>Marks the version as seen by <paramref name="node"/>.</summary>
    public Gossip SeenBy(UniqueAddress node) => Seen.Contains(node) ? this : this with { Seen = Seen.Add(node) };

    /// <summary>
    /// Merges two diverged gossips: members from both (a member in both keeps the later status in the life
    /// cycle), no tombstoned incarnation, reachability per observer by version, clocks merged, seen by nobody yet.
    /// </summary>
    public Gossip Merge(Gossip other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var tombstones = Tombstones.Union(other.Tombstones);
        var members = ImmutableSortedDictionary.CreateBuilder<UniqueAddress, Member>();
        foreach (var member in Members.Values.Concat(other.Members.Values))
        {
            if (tombstones.Contains(member.UniqueAddress))
            {
                continue;
            }

            if (!members.TryGetValue(member.UniqueAddress, out var existing) || Prefer(member, existing))
            {
                members[member.UniqueAddress] = member;
            }
        }

        return new Gossip(
            members.ToImmutable(),
            Reachability.Merge(other.Reachability).Without(tombstones),
            [],
            tombstones,
            Version.Merge(other.Version));
    }

    /// <summary>True when both gossips hold the same members, observations and seen set.</summary>
    public bool SameStateAs(Gossip other) =>
        Members.Count == other.Members.Count
        && Members.All(m => other.Members.TryGetValue(m.Key, out var o) && o.Equals(m.Value))
        && Reachability.SameAs(other.Reachability)
        && Seen.SetEquals(other.Seen)
        && Tombstones.SetEquals(other.Tombstones);

    private static bool Prefer(Member candidate, Member existing) =>
        candidate.Status > existing.Status || (candidate.Status == existing.Status && candidate.UpNumber > existing.UpNumber && existing.UpNumber == 0);
}
