using DhcpCluster.Dhcp.Allocation;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;

namespace DhcpCluster.Dhcp.Leases;

/// <summary>
/// The leases of a configuration in memory: one <see cref="PoolState"/> per pool (which a server gives to one owner
/// each), leases of reserved addresses outside pools, and the per-subnet client indexes (by client identifier and
/// by hardware address) that Kea's ownership rule needs. Not thread-safe: one owner.
/// </summary>
public sealed class LeaseStore
{
    private readonly Dhcp4Configuration configuration;
    private readonly PoolState?[] pools;
    private readonly Dictionary<uint, Lease> outOfPool = [];
    private readonly Dictionary<(uint Subnet, ClientKey Key), Ipv4Address> byClientId = [];
    private readonly Dictionary<(uint Subnet, ClientKey Key), Ipv4Address> byHardware = [];
    private readonly HashSet<uint> excluded = [];
    private readonly Action<Lease, bool> onReclaimed;
    private Action<Lease, bool>? reclaimObserver;

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
    public PoolState? FindPoolState(Ipv4Address address) =>
        configuration.FindSubnetContaining(address)?.FindPool(address) is { } pool ? pools[pool.Index] : null;

    /// <summary>
    /// The client's lease in a subnet, by Kea's rule: first by client identifier, then by hardware address when
    /// either side has no client identifier.
    /// </summary>
    public bool TryFindClientLease(uint subnetId, in ClientIdentity client, out Lease lease)
    {
        if (client.ClientIdentifier is { } id && byClientId.TryGetValue((subnetId, id), out var address)
            && TryGetLease(address, out lease) && lease.BelongsTo(client))
        {
            return true;
        }

        if (byHardware.TryGetValue((subnetId, client.HardwareAddress), out address)
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
        var state = FindPoolState(lease.Address);
        var hadPrevious = state is not null ? state.TryGetLease(lease.Address, out var previous) : outOfPool.TryGetValue(lease.Address.Value, out previous);
        var sameOwner = hadPrevious && SameIndexEntries(previous, lease);
        if (hadPrevious && !sameOwner)
        {
            Unindex(previous);
        }

        if (state is not null)
        {
            state.Put(lease);
        }
        else
        {
            outOfPool[lease.Address.Value] = lease;
        }

        if (!sameOwner)
        {
            Index(lease);
        }
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
            byClientId[(lease.SubnetId, id)] = lease.Address;
        }

        if (!lease.HardwareAddress.IsEmpty)
        {
            byHardware[(lease.SubnetId, lease.HardwareAddress)] = lease.Address;
        }
    }

    private void Unindex(in Lease lease)
    {
        if (lease.ClientIdentifier is { } id && byClientId.TryGetValue((lease.SubnetId, id), out var a) && a == lease.Address)
        {
            byClientId.Remove((lease.SubnetId, id));
        }

        if (!lease.HardwareAddress.IsEmpty && byHardware.TryGetValue((lease.SubnetId, lease.HardwareAddress), out var b) && b == lease.Address)
        {
            byHardware.Remove((lease.SubnetId, lease.HardwareAddress));
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
