using System.Collections.Concurrent;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Server.Leases;

/// <summary>
/// Durable leases per subnet (Kea's <c>subnet[ID].assigned-addresses</c> and <c>subnet[ID].declined-addresses</c>),
/// kept by the pool owners as their durable state changes and read on demand by the statistics commands. An update
/// is an interlocked add on a per-subnet cell; nothing on the packet path.
/// </summary>
public sealed class SubnetLeaseCounts
{
    private readonly ConcurrentDictionary<uint, Cell> bySubnet = new();

    /// <summary>Bound leases of a subnet (expired ones count until reclaimed, as in Kea).</summary>
    public long Assigned(uint subnetId) => bySubnet.TryGetValue(subnetId, out var cell) ? Volatile.Read(ref cell.Assigned) : 0;

    /// <summary>Declined addresses of a subnet still on probation.</summary>
    public long Declined(uint subnetId) => bySubnet.TryGetValue(subnetId, out var cell) ? Volatile.Read(ref cell.Declined) : 0;

    /// <summary>Records that the durable lease of an address changed from <paramref name="before"/> to <paramref name="after"/> (null: none).</summary>
    internal void Changed(Lease? before, Lease? after)
    {
        if (before is { } b)
        {
            Add(b, -1);
        }

        if (after is { } a)
        {
            Add(a, 1);
        }
    }

    private void Add(in Lease lease, long amount)
    {
        if (lease.State is not (LeaseState.Bound or LeaseState.Declined))
        {
            return;
        }

        var cell = bySubnet.GetOrAdd(lease.SubnetId, static _ => new Cell());
        if (lease.State == LeaseState.Bound)
        {
            Interlocked.Add(ref cell.Assigned, amount);
        }
        else
        {
            Interlocked.Add(ref cell.Declined, amount);
        }
    }

    private sealed class Cell
    {
#pragma warning disable CA1051, SA1401 // interlocked targets must be fields
        public long Assigned;
        public long Declined;
#pragma warning restore CA1051, SA1401
    }
}
