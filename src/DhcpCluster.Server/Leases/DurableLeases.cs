using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Server.Leases;

/// <summary>
/// A pool owner's durable leases (what its journal says), kept as the difference from its in-memory
/// <see cref="LeaseStore"/>: the two agree on every address except those with an offer or a write in flight, so only
/// those are held here (the durable value, or none), and every other address's durable lease is the store's. The
/// store tells this before it changes a record (<see cref="ILeaseChangeObserver"/>), so the value it is about to
/// lose is kept; a difference is dropped once the store holds the durable value again.
/// </summary>
internal sealed class DurableLeases : ILeaseChangeObserver
{
    private readonly LeaseStore store;
    private readonly Dictionary<uint, Lease?> differences = [];
    private readonly List<uint> settled = [];
    private bool recovering;

    public DurableLeases(LeaseStore store)
    {
        this.store = store;
        store.ChangeObserver = this;
    }

    /// <summary>Number of durable leases.</summary>
    public int Count { get; private set; }

    /// <summary>Number of addresses whose durable lease differs from the store's.</summary>
    public int DifferenceCount => differences.Count;

    /// <inheritdoc />
    public void Changing(Ipv4Address address)
    {
        if (!recovering && !differences.ContainsKey(address.Value))
        {
            differences[address.Value] = store.TryGetLease(address, out var lease) ? lease : null;
        }
    }

    /// <summary>The durable lease of an address.</summary>
    public bool TryGet(Ipv4Address address, out Lease lease)
    {
        if (differences.TryGetValue(address.Value, out var different))
        {
            lease = different.GetValueOrDefault();
            return different.HasValue;
        }

        return store.TryGetLease(address, out lease);
    }

    /// <summary>
    /// Recovery: a journalled lease goes into the store, which then holds the durable state (no difference to keep
    /// while nothing is in flight). Returns the address's durable lease before.
    /// </summary>
    public Lease? Recover(in Lease lease)
    {
        if (differences.Count > 0)
        {
            Lease? previous = TryGet(lease.Address, out var was) ? was : null;
            Set(lease);
            store.Put(lease);
            Settle(lease.Address);
            return previous;
        }

        Lease? before = store.TryGetLease(lease.Address, out var old) ? old : null;
        if (before is null)
        {
            Count++;
        }

        recovering = true;
        try
        {
            store.Put(lease);
        }
        finally
        {
            recovering = false;
        }

        return before;
    }

    /// <summary>A lease became durable.</summary>
    public void Set(in Lease lease)
    {
        if (!TryGet(lease.Address, out _))
        {
            Count++;
        }

        differences[lease.Address.Value] = lease;
        Settle(lease.Address);
    }

    /// <summary>An address's durable lease was deleted.</summary>
    public void Remove(Ipv4Address address)
    {
        if (TryGet(address, out _))
        {
            Count--;
        }

        differences[address.Value] = null;
        Settle(address);
    }

    /// <summary>Drops the address's difference if the store holds its durable value again.</summary>
    public void Settle(Ipv4Address address)
    {
        if (differences.TryGetValue(address.Value, out var different) && Agrees(address, different))
        {
            differences.Remove(address.Value);
        }
    }

    /// <summary>Drops every difference the store agrees with again (offers that lapsed, reverted writes).</summary>
    public void SettleAll()
    {
        settled.Clear();
        foreach (var (address, different) in differences)
        {
            if (Agrees(new Ipv4Address(address), different))
            {
                settled.Add(address);
            }
        }

        foreach (var address in settled)
        {
            differences.Remove(address);
        }

        // A burst of offers and writes grew the map; once nothing is in flight it goes back to its empty size.
        if (differences.Count == 0 && differences.EnsureCapacity(0) > 64)
        {
            differences.TrimExcess();
        }
    }

    /// <summary>Every durable lease: the store's, with the differences applied.</summary>
    public List<Lease> All()
    {
        var all = new List<Lease>(Count);
        all.AddRange(Enumerate());
        return all;
    }

    /// <summary>Every durable lease, one at a time (<see cref="Count"/> of them; no list of them all is built).</summary>
    public IEnumerable<Lease> Enumerate()
    {
        foreach (var lease in store.AllLeases)
        {
            if (!differences.TryGetValue(lease.Address.Value, out var different))
            {
                yield return lease;
            }
            else if (different is { } durable)
            {
                yield return durable;
            }
        }

        foreach (var (address, different) in differences)
        {
            if (different is { } durable && !store.TryGetLease(new Ipv4Address(address), out _))
            {
                yield return durable;
            }
        }
    }

    private bool Agrees(Ipv4Address address, Lease? durable) =>
        store.TryGetLease(address, out var current) ? durable is { } value && value == current : durable is null;
}
