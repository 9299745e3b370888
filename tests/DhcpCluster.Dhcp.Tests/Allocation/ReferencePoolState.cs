using System.Runtime.InteropServices;
using DhcpCluster.Dhcp.Allocation;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Tests.Allocation;

/// <summary>The pool state as it was before the compact slots (a dictionary of leases): the model the properties compare against.</summary>
internal sealed class ReferencePoolState
{
    private readonly HashSet<int> blocked = [];
    private readonly Dictionary<int, Lease> leases = [];
    private readonly PriorityQueue<int, long> expiries = new();
    private readonly Dictionary<int, long> queued = [];
    private ulong random;

    public ReferencePoolState(Pool4 pool, ulong randomSeed = 0x9E3779B97F4A7C15UL)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.Size > int.MaxValue)
        {
            throw new ArgumentException($"pool {pool} has more than {int.MaxValue} addresses", nameof(pool));
        }

        Pool = pool;
        Taken = new AddressBitmap((int)pool.Size);
        random = randomSeed == 0 ? 1 : randomSeed;
    }

    public Pool4 Pool { get; }

    public AddressBitmap Taken { get; }

    public int Cursor { get; set; }

    public int AvailableCount => Taken.ClearCount;

    public int LeaseCount => leases.Count;

    public Ipv4Address AddressAt(int offset) => Pool.First + offset;

    public ulong NextRandom()
    {
        var x = random;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        random = x;
        return x;
    }

    public void Block(Ipv4Address address)
    {
        if (Pool.Contains(address))
        {
            var offset = Offset(address);
            blocked.Add(offset);
            Taken.Set(offset);
        }
    }

    public bool IsBlocked(Ipv4Address address) => Pool.Contains(address) && blocked.Contains(Offset(address));

    public bool IsAvailable(Ipv4Address address) => Pool.Contains(address) && !Taken.IsSet(Offset(address));

    public bool TryGetLease(Ipv4Address address, out Lease lease)
    {
        if (Pool.Contains(address))
        {
            return leases.TryGetValue(Offset(address), out lease);
        }

        lease = default;
        return false;
    }

    public void Put(in Lease lease) => Replace(lease, out _);

    public bool Replace(in Lease lease, out Lease previous)
    {
        var offset = Offset(lease.Address);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(leases, offset, out var existed);
        previous = slot;
        slot = lease;
        Update(offset, lease);
        return existed;
    }

    private void Update(int offset, in Lease lease)
    {
        if (lease.State is LeaseState.Offered or LeaseState.Bound or LeaseState.Declined)
        {
            Taken.Set(offset);
            Schedule(offset, lease.Expires);
        }
        else if (!blocked.Contains(offset))
        {
            Taken.Clear(offset);
        }
    }

    public void Remove(Ipv4Address address)
    {
        var offset = Offset(address);
        leases.Remove(offset);
        if (!blocked.Contains(offset))
        {
            Taken.Clear(offset);
        }
    }

    public int ReclaimExpired(long now, Action<Lease, bool>? reclaimed = null)
    {
        var count = 0;
        while (expiries.TryPeek(out var offset, out var expires) && expires <= now)
        {
            expiries.Dequeue();
            queued.Remove(offset);
            if (!leases.TryGetValue(offset, out var lease) || lease.State is not (LeaseState.Offered or LeaseState.Bound or LeaseState.Declined))
            {
                continue; // superseded by a later change that freed the address
            }

            if (lease.Expires > now)
            {
                Schedule(offset, lease.Expires); // extended since it was queued
                continue;
            }

            count++;
            if (lease.State == LeaseState.Bound)
            {
                var expired = lease with { State = LeaseState.Expired, Start = expires };
                Put(expired);
                reclaimed?.Invoke(expired, false);
            }
            else
            {
                Remove(lease.Address);
                reclaimed?.Invoke(lease, true);
            }
        }

        return count;
    }

    public IEnumerable<Lease> Leases => leases.Values;

    // At most one queue entry per address: a later expiry is picked up when the earlier entry comes due.
    private void Schedule(int offset, long expires)
    {
        if (queued.TryGetValue(offset, out var at) && at <= expires)
        {
            return;
        }

        queued[offset] = expires;
        expiries.Enqueue(offset, expires);
    }

    private int Offset(Ipv4Address address) => (int)(address.Value - Pool.First.Value);
}
