using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Allocation;

/// <summary>
/// The address book of one pool, held by exactly one owner (the single-owner rule): a bitmap of addresses not
/// available to new clients, lease records only for addresses that have one (compact slots without references, see
/// <see cref="LeaseSlot"/>: no object per lease), the expiry queue, and the allocators' cursor and random state. Time
/// is always a parameter (seconds since the Unix epoch).
/// </summary>
public sealed class PoolState
{
    private readonly HashSet<int> blocked = [];
    private readonly LeaseSlotTable slots = new();
    private readonly Dictionary<int, string> hostnames = [];
    private readonly Dictionary<int, Lease> irregular = [];
    private readonly PriorityQueue<int, long> expiries = new();
    private int leaseCount;
    private ulong random;

    /// <summary>Creates the state of a pool; <paramref name="randomSeed"/> seeds the random allocator.</summary>
    public PoolState(Pool4 pool, ulong randomSeed = 0x9E3779B97F4A7C15UL)
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

    /// <summary>The configured pool.</summary>
    public Pool4 Pool { get; }

    /// <summary>Set bits are addresses not available to a new client (leased, offered, declined, excluded or reserved).</summary>
    public AddressBitmap Taken { get; }

    /// <summary>The iterative allocator's next offset.</summary>
    public int Cursor { get; set; }

    /// <summary>Number of addresses a new client could get now.</summary>
    public int AvailableCount => Taken.ClearCount;

    /// <summary>Number of lease records held (including expired and released ones kept for their last client).</summary>
    public int LeaseCount => leaseCount;

    /// <summary>Told before a lease record of this pool changes (the owner's store sets it).</summary>
    internal ILeaseChangeObserver? Observer { get; set; }

    /// <summary>The address at an offset of the pool.</summary>
    public Ipv4Address AddressAt(int offset) => Pool.First + offset;

    /// <summary>The next value of the pool's xorshift64 generator.</summary>
    public ulong NextRandom()
    {
        var x = random;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        random = x;
        return x;
    }

    /// <summary>
    /// Takes an address out of dynamic allocation for good (network, broadcast, server, router, or reserved for a
    /// client: a reserved address is handed out only through its reservation).
    /// </summary>
    public void Block(Ipv4Address address)
    {
        if (Pool.Contains(address))
        {
            var offset = Offset(address);
            blocked.Add(offset);
            Taken.Set(offset);
        }
    }

    /// <summary>Whether the address is blocked (excluded or reserved).</summary>
    public bool IsBlocked(Ipv4Address address) => Pool.Contains(address) && blocked.Contains(Offset(address));

    /// <summary>Whether a new client could be given the address now (in the pool, not taken).</summary>
    public bool IsAvailable(Ipv4Address address) => Pool.Contains(address) && !Taken.IsSet(Offset(address));

    /// <summary>The lease record of an address, if any.</summary>
    public bool TryGetLease(Ipv4Address address, out Lease lease)
    {
        if (Pool.Contains(address))
        {
            return TryGetAt(Offset(address), out lease);
        }

        lease = default;
        return false;
    }

    /// <summary>
    /// Stores a lease (replacing the address's previous record). Offered, bound and declined leases take the
    /// address until they expire; expired and released ones free it (unless it is blocked).
    /// </summary>
    public void Put(in Lease lease) => Replace(lease, out _);

    /// <summary>Stores a lease like <see cref="Put"/> with one lookup; returns whether a record was replaced.</summary>
    public bool Replace(in Lease lease, out Lease previous)
    {
        var offset = Offset(lease.Address);
        Observer?.Changing(lease.Address);
        var index = slots.FindOrAdd(offset);
        ref var slot = ref slots.At(index);
        var existed = slot.IsOccupied;
        previous = existed ? Read(ref slot) : default;
        if (!existed)
        {
            leaseCount++;
        }

        Forget(ref slot, offset);
        if (LeaseSlot.Fits(lease))
        {
            slot.Pack(lease, offset);
            if (lease.Hostname is { } hostname)
            {
                hostnames[offset] = hostname;
            }
        }
        else
        {
            slot.MarkIrregular(lease, offset);
            irregular[offset] = lease;
        }

        Update(offset, lease.State, lease.Expires);
        return existed;
    }

    private void Update(int offset, LeaseState state, long expires)
    {
        if (state is LeaseState.Offered or LeaseState.Bound or LeaseState.Declined)
        {
            Taken.Set(offset);
            Schedule(offset, expires);
        }
        else if (!blocked.Contains(offset))
        {
            Taken.Clear(offset);
        }
    }

    /// <summary>Removes the record of an address and frees it (unless blocked).</summary>
    public void Remove(Ipv4Address address)
    {
        var offset = Offset(address);
        var index = slots.Find(offset);
        if (index >= 0 && slots.At(index).IsOccupied)
        {
            Observer?.Changing(address);
            ref var slot = ref slots.At(index);
            Forget(ref slot, offset);
            slot.Clear();
            leaseCount--;
            if (!slot.IsQueued)
            {
                slots.Free(offset);
            }
        }

        if (!blocked.Contains(offset))
        {
            Taken.Clear(offset);
        }
    }

    /// <summary>
    /// Reclaims what has expired by <paramref name="now"/>: a bound lease becomes <see cref="LeaseState.Expired"/>
    /// (kept so its client gets the address back first), an offer that was never accepted and a declined address
    /// whose probation is over are removed. Each change is reported to <paramref name="reclaimed"/> (the new
    /// value, or the old one with its state for a removal). Returns the number of changes.
    /// </summary>
    public int ReclaimExpired(long now, Action<Lease, bool>? reclaimed = null)
    {
        var count = 0;
        while (expiries.TryPeek(out var offset, out var expires) && expires <= now)
        {
            expiries.Dequeue();
            var index = slots.Find(offset);
            if (index < 0)
            {
                continue;
            }

            ref var slot = ref slots.At(index);
            slot.Flags &= unchecked((byte)~LeaseSlot.Queued);
            if (!slot.IsOccupied)
            {
                slots.Free(offset);
                continue;
            }

            if (slot.State is not (LeaseState.Offered or LeaseState.Bound or LeaseState.Declined))
            {
                continue; // superseded by a later change that freed the address
            }

            if (slot.Expires > now)
            {
                Schedule(offset, slot.Expires); // extended since it was queued
                continue;
            }

            count++;
            var lease = Read(ref slot);
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

    /// <summary>Every lease record, for inspection and snapshots.</summary>
    public IEnumerable<Lease> Leases
    {
        get
        {
            for (var i = 0; i < slots.HighWater; i++)
            {
                if (slots.At(i).IsOccupied)
                {
                    yield return ReadAt(i);
                }
            }
        }
    }

    private Lease ReadAt(int index) => Read(ref slots.At(index));

    private bool TryGetAt(int offset, out Lease lease)
    {
        var index = slots.Find(offset);
        if (index >= 0)
        {
            ref var slot = ref slots.At(index);
            if (slot.IsOccupied)
            {
                lease = Read(ref slot);
                return true;
            }
        }

        lease = default;
        return false;
    }

    private Lease Read(ref LeaseSlot slot)
    {
        if ((slot.Flags & LeaseSlot.Irregular) != 0)
        {
            return irregular[slot.Offset];
        }

        return slot.Unpack(Pool.First, (slot.Flags & LeaseSlot.HasHostname) != 0 ? hostnames[slot.Offset] : null);
    }

    /// <summary>Drops what a slot keeps beside itself.</summary>
    private void Forget(ref LeaseSlot slot, int offset)
    {
        if ((slot.Flags & LeaseSlot.HasHostname) != 0)
        {
            hostnames.Remove(offset);
        }

        if ((slot.Flags & LeaseSlot.Irregular) != 0)
        {
            irregular.Remove(offset);
        }
    }

    // At most one queue entry per address: a later expiry is picked up when the earlier entry comes due.
    private void Schedule(int offset, long expires)
    {
        ref var slot = ref slots.At(slots.FindOrAdd(offset));
        if (slot.IsQueued && slot.QueuedExpiry <= expires)
        {
            return;
        }

        slot.QueuedExpiry = expires;
        slot.Flags |= LeaseSlot.Queued;
        expiries.Enqueue(offset, expires);
    }

    private int Offset(Ipv4Address address) => (int)(address.Value - Pool.First.Value);
}
