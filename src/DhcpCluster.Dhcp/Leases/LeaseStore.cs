using DhcpCluster.Dhcp.Allocation;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;

namespace DhcpCluster.Dhcp.Leases;

/// <summary>
/// The leases of a configuration in memory: one <see cref="PoolState"/> per pool (which a server gives to one owner
/// each, its records in compact slots), leases of reserved addresses outside pools, and the per-subnet client
/// indexes (by client identifier and by hardware address, 8 bytes a lease each, see <see cref="ClientLeaseIndex"/>)
/// that Kea's ownership rule needs. Not thread-safe: one owner.
/// </summary>
public sealed class LeaseStore
{
    private readonly Dhcp4Configuration configuration;
    private readonly PoolState?[] pools;
    private readonly Dictionary<uint, Lease> outOfPool = [];
    private readonly ClientLeaseIndex byClientId;
    private readonly ClientLeaseIndex byHardware;
    private readonly HashSet<uint> excluded = [];
    private readonly Action<Lease, bool> onReclaimed;
    private Action<Lease, bool>? reclaimObserver;
    private PoolState? lastPoolState;
    private ILeaseChangeObserver? changeObserver;

    /// <summary>
    /// Creates the store for a built configuration. Network and broadcast addresses, <paramref name="serverAddresses"/>,
    /// every address of a <c>routers</c> option and every reserved address are kept out of dynamic allocation.
    /// </summary>
    public LeaseStore(Dhcp4Configuration configuration, IEnumerable<Ipv4Address>? serverAddresses = null, ulong randomSeed = 0x5DEECE66DUL)
        : this(configuration, serverAddresses, randomSeed, ownsSubnet: null)
    {
    }

    /// <summary>
    /// Creates the store for the subnets of a built configuration that <paramref name="ownsSubnet"/> selects (all when
    /// null): an owner of one allocation domain keeps pool state only for its own subnets, so many owners over one
    /// configuration cost memory in proportion to their own pools. Decisions must only reach the owned subnets.
    /// </summary>
    public LeaseStore(Dhcp4Configuration configuration, IEnumerable<Ipv4Address>? serverAddresses, ulong randomSeed, Func<Subnet4, bool>? ownsSubnet)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.configuration = configuration;
        byClientId = new ClientLeaseIndex(this, byClientIdentifier: true);
        byHardware = new ClientLeaseIndex(this, byClientIdentifier: false);
        onReclaimed = OnReclaimed;
        pools = new PoolState[configuration.PoolCount];
        foreach (var address in serverAddresses ?? [])
        {
            excluded.Add(address.Value);
        }

        AddRouters(configuration.OptionData);
        foreach (var network in configuration.SharedNetworks)
        {
            AddRouters(network.OptionData);
        }

        var seed = randomSeed;
        foreach (var subnet in configuration.AllSubnets)
        {
            AddRouters(subnet.OptionData);
            foreach (var pool in subnet.Pools)
            {
                AddRouters(pool.OptionData);
            }
        }

        foreach (var subnet in configuration.AllSubnets)
        {
            if (ownsSubnet is not null && !ownsSubnet(subnet))
            {
                continue;
            }

            foreach (var pool in subnet.Pools)
            {
                seed = (seed * 6364136223846793005UL) + 1442695040888963407UL;
                var state = new PoolState(pool, seed);
                state.Block(subnet.Network);
                state.Block(subnet.BroadcastAddress);
                foreach (var address in excluded)
                {
                    state.Block(new Ipv4Address(address));
                }

                foreach (var address in subnet.ReservationIndex.ReservedAddresses)
                {
                    state.Block(address);
                }

                pools[pool.Index] = state;
            }
        }
    }

    /// <summary>The configuration the store serves.</summary>
    public Dhcp4Configuration Configuration => configuration;

    /// <summary>The state of a pool.</summary>
    public PoolState PoolStateOf(Pool4 pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pools[pool.Index] ?? throw new InvalidOperationException($"pool {pool} belongs to a subnet this store does not own");
    }

    /// <summary>
    /// Told before any lease record changes (a put, a removal, a reclamation), with the record still at its old
    /// value; null for none.
    /// </summary>
    public ILeaseChangeObserver? ChangeObserver
    {
        get => changeObserver;
        set
        {
            changeObserver = value;
            foreach (var state in pools)
            {
                if (state is not null)
                {
                    state.Observer = value;
                }
            }
        }
    }

    /// <summary>Number of lease records held (every state, offers included).</summary>
    public int LeaseCount => pools.Sum(p => p?.LeaseCount ?? 0) + outOfPool.Count;

    /// <summary>Whether an address is excluded (a server address or a router).</summary>
    public bool IsExcluded(Ipv4Address address) => excluded.Contains(address.Value);

    /// <summary>The lease record of an address, if any.</summary>
    public bool TryGetLease(Ipv4Address address, out Lease lease)
    {
        if (FindPoolState(address) is { } state)
        {
            return state.TryGetLease(address, out lease);
        }

        return outOfPool.TryGetValue(address.Value, out lease);
    }

    /// <summary>The pool state whose pool contains the address, or null.</summary>
    public PoolState? FindPoolState(Ipv4Address address)
    {
        var last = lastPoolState;
        if (last is not null && last.Pool.Contains(address))
        {
            return last;
        }

        var found = configuration.FindSubnetContaining(address)?.FindPool(address) is { } pool ? pools[pool.Index] : null;
        lastPoolState = found ?? lastPoolState;
        return found;
    }

    /// <summary>
    /// The client's lease in a subnet, by Kea's rule: first by client identifier, then by hardware address when
    /// either side has no client identifier.
    /// </summary>
    public bool TryFindClientLease(uint subnetId, in ClientIdentity client, out Lease lease)
    {
        if (client.ClientIdentifier is { } id && byClientId.TryGet(subnetId, id, out var address)
            && TryGetLease(address, out lease) && lease.BelongsTo(client))
        {
            return true;
        }

        if (byHardware.TryGet(subnetId, client.HardwareAddress, out address)
            && TryGetLease(address, out lease) && lease.BelongsTo(client))
        {
            return true;
        }

        lease = default;
        return false;
    }

    /// <summary>Stores a lease, replacing the address's record and updating the client indexes.</summary>
    public void Put(in Lease lease)
    {
        bool hadPrevious;
        Lease previous;
        if (FindPoolState(lease.Address) is { } state)
        {
            hadPrevious = state.Replace(lease, out previous);
        }
        else
        {
            changeObserver?.Changing(lease.Address);
            hadPrevious = outOfPool.Remove(lease.Address.Value, out previous);
            outOfPool[lease.Address.Value] = lease;
        }

        if (hadPrevious && SameIndexEntries(previous, lease))
        {
            return;
        }

        if (hadPrevious)
        {
            Unindex(previous);
        }

        Index(lease);
    }

    private static bool SameIndexEntries(in Lease a, in Lease b) =>
        a.SubnetId == b.SubnetId && (a.State == LeaseState.Declined) == (b.State == LeaseState.Declined)
        && a.HardwareAddress == b.HardwareAddress && Nullable.Equals(a.ClientIdentifier, b.ClientIdentifier);

    /// <summary>Removes the record of an address (freeing it).</summary>
    public void Remove(Ipv4Address address)
    {
        if (!TryGetLease(address, out var previous))
        {
            return;
        }

        Unindex(previous);
        if (FindPoolState(address) is { } state)
        {
            state.Remove(address);
        }
        else
        {
            changeObserver?.Changing(address);
            outOfPool.Remove(address.Value);
        }
    }

    /// <summary>
    /// Reclaims every lease that has expired by <paramref name="now"/> in every pool (see
    /// <see cref="PoolState.ReclaimExpired"/>); <paramref name="observer"/> sees each change. Returns the count.
    /// </summary>
    public int Reclaim(long now, Action<Lease, bool>? observer = null)
    {
        reclaimObserver = observer;
        var count = 0;
        foreach (var state in pools)
        {
            count += state?.ReclaimExpired(now, onReclaimed) ?? 0;
        }

        reclaimObserver = null;
        return count;
    }

    /// <summary>Reclaims the expired leases of one pool (the allocation path calls this before picking).</summary>
    public int Reclaim(PoolState state, long now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ReclaimExpired(now, onReclaimed);
    }

    /// <summary>Every lease record.</summary>
    public IEnumerable<Lease> AllLeases => pools.Where(p => p is not null).SelectMany(p => p!.Leases).Concat(outOfPool.Values);

    private void OnReclaimed(Lease lease, bool removed)
    {
        if (removed)
        {
            Unindex(lease);
        }

        reclaimObserver?.Invoke(lease, removed);
    }

    private void Index(in Lease lease)
    {
        if (lease.State == LeaseState.Declined)
        {
            return;
        }

        if (lease.ClientIdentifier is { } id)
        {
            byClientId.Set(lease.SubnetId, id, lease.Address);
        }

        if (!lease.HardwareAddress.IsEmpty)
        {
            byHardware.Set(lease.SubnetId, lease.HardwareAddress, lease.Address);
        }
    }

    private void Unindex(in Lease lease)
    {
        if (lease.ClientIdentifier is { } id)
        {
            byClientId.Remove(lease.SubnetId, id, lease.Address);
        }

        if (!lease.HardwareAddress.IsEmpty)
        {
            byHardware.Remove(lease.SubnetId, lease.HardwareAddress, lease.Address);
        }
    }

    private void AddRouters(OptionDataSet options)
    {
        if (options.Get(3) is { } routers)
        {
            var span = routers.Value.Span;
            for (var i = 0; i + 4 <= span.Length; i += 4)
            {
                excluded.Add(Ipv4Address.Read(span[i..]).Value);
            }
        }
    }
}
