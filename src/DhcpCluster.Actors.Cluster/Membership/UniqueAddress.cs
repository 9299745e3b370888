using System.Globalization;

namespace DhcpCluster.Actors.Cluster;

/// <summary>One incarnation of a node: its address and the random uid it drew at start.</summary>
public sealed record UniqueAddress(Address Address, long Uid) : IComparable<UniqueAddress>
{
    /// <summary>Orders by host, port, then uid (the order that picks leaders and breaks ties).</summary>
    public int CompareTo(UniqueAddress? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = CompareAddresses(Address, other.Address);
        return c != 0 ? c : Uid.CompareTo(other.Uid);
    }

    /// <summary>Less than.</summary>
    public static bool operator <(UniqueAddress? left, UniqueAddress? right) => left is null ? right is not null : left.CompareTo(right) < 0;

    /// <summary>Less than or equal.</summary>
    public static bool operator <=(UniqueAddress? left, UniqueAddress? right) => left is null || left.CompareTo(right) <= 0;

    /// <summary>Greater than.</summary>
    public static bool operator >(UniqueAddress? left, UniqueAddress? right) => left is not null && left.CompareTo(right) > 0;

    /// <summary>Greater than or equal.</summary>
    public static bool operator >=(UniqueAddress? left, UniqueAddress? right) => left is null ? right is null : left.CompareTo(right) >= 0;

    /// <summary>Orders addresses by host, then port, then system name.</summary>
    public static int CompareAddresses(Address x, Address y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var c = string.CompareOrdinal(x.Host, y.Host);
        if (c != 0)
        {
            return c;
        }

        c = (x.Port ?? 0).CompareTo(y.Port ?? 0);
        return c != 0 ? c : string.CompareOrdinal(x.System, y.System);
    }

    /// <summary>Formats as <c>address#uid</c>.</summary>
    public override string ToString() => string.Concat(Address.ToString(), "#", Uid.ToString(CultureInfo.InvariantCulture));
}
