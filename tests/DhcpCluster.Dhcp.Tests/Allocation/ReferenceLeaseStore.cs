using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Tests.Allocation;

/// <summary>The lease store as it was before the compact client indexes (dictionaries keyed by subnet and client key): the model the properties compare against.</summary>
internal sealed class ReferenceLeaseStore
{
    private readonly Dhcp4Configuration configuration;
    private readonly ReferencePoolState?[] pools;
    private readonly Dictionary<uint, Lease> outOfPool = [];
    private readonly Dictionary<(uint Subnet, ClientKey Key), Ipv4Address> byClientId = [];
    private readonly Dictionary<(uint Subnet, ClientKey Key), Ipv4Address> byHardware = [];
    private readonly HashSet<uint> excluded = [];
    private readonly Action<Lease, bool> onReclaimed;
    private Action<Lease, bool>? reclaimObserver;
    private ReferencePoolState? lastReferencePoolState;

    public ReferenceLeaseStore(Dhcp4Configuration configuration, IEnumerable<Ipv4Address>? serverAddresses = null, ulong randomSeed = 0x5DEECE66DUL)
        : this(configuration, serverAddresses, randomSeed, ownsSubnet: null)
    {
    }

    public ReferenceLeaseStore(Dhcp4Configuration configuration, IEnumerable<Ipv4Address>? serverAddresses, ulong randomSeed, Func<Subnet4, bool>? ownsSubnet)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.configuration = configuration;
        onReclaimed = OnReclaimed;
        pools = new ReferencePoolState[configuration.PoolCount];
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
                var state = new ReferencePoolState(pool, seed);
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

    public Dhcp4Configuration Configuration => configuration;

    public ReferencePoolState ReferencePoolStateOf(Pool4 pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        return pools[pool.Index] ?? throw new InvalidOperationException($"pool {pool} belongs to a subnet this store does not own");
    }

    public bool IsExcluded(Ipv4Address address) => excluded.Contains(address.Value);

    public bool TryGetLease(Ipv4Address address, out Lease lease)
    {
        if (FindReferencePoolState(address) is { } state)
        {
            return state.TryGetLease(address, out lease);
        }

        return outOfPool.TryGetValue(address.Value, out lease);
    }

    public ReferencePoolState? FindReferencePoolState(Ipv4Address address)
    {
        var last = lastReferencePoolState;
        if (last is not null && last.Pool.Contains(address))
        {
            return last;
        }

        var found = configuration.FindSubnetContaining(address)?.FindPool(address) is { } pool ? pools[pool.Index] : null;
        lastReferencePoolState = found ?? lastReferencePoolState;
        return found;
    }

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

    public void Put(in Lease lease)
    {
        bool hadPrevious;
        Lease previous;
        if (FindReferencePoolState(lease.Address) is { } state)
        {
            hadPrevious = state.Replace(lease, out previous);
        }
        else
        {
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

    public void Remove(Ipv4Address address)
    {
        if (!TryGetLease(address, out var previous))
        {
            return;
        }

        Unindex(previous);
        if (FindReferencePoolState(address) is { } state)
        {
            state.Remove(address);
        }
        else
        {
            outOfPool.Remove(address.Value);
        }
    }

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

    public int Reclaim(ReferencePoolState state, long now)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.ReclaimExpired(now, onReclaimed);
    }

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
