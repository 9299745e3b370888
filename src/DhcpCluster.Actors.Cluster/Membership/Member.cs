namespace DhcpCluster.Actors.Cluster;

/// <summary>A member of the cluster as the gossip knows it.</summary>
public sealed record Member(UniqueAddress UniqueAddress, MemberStatus Status, IReadOnlyList<string> Roles, int UpNumber)
{
    /// <summary>The member's address.</summary>
    public Address Address => UniqueAddress.Address;

    /// <summary>True when the member has the role.</summary>
    public bool HasRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>True when this member became Up before <paramref name="other"/> (lower up number, then lower address).</summary>
    public bool IsOlderThan(Member other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return UpNumber != other.UpNumber ? UpNumber < other.UpNumber : UniqueAddress.CompareTo(other.UniqueAddress) < 0;
    }

    /// <summary>Same member with another status.</summary>
    public Member WithStatus(MemberStatus status) => this with { Status = status };

    /// <inheritdoc/>
    public bool Equals(Member? other) =>
        other is not null && UniqueAddress.Equals(other.UniqueAddress) && Status == other.Status && UpNumber == other.UpNumber && Roles.SequenceEqual(other.Roles, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(UniqueAddress, Status, UpNumber);
}
