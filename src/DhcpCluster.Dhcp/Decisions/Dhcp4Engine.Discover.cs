using DhcpCluster.Dhcp.Allocation;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Decisions;

/// <summary>DHCPDISCOVER and address choice (RFC 2131 §4.3.1).</summary>
public sealed partial class Dhcp4Engine
{
    /// <summary>
    /// RFC 2131 §4.3.1: the address offered is, in order, the client's reserved address, its current or previous
    /// address if still available, the address it asks for in option 50 if valid and free, else a new address from a
    /// pool the client may use. The address is held for the offer lifetime.
    /// </summary>
    private void OnDiscover(DhcpPacket request, in ClientIdentity client, long now)
    {
        if (!TryChooseAddress(request, client, now, out var address, out var subnet, out var existing))
        {
            decision.Outcome = DecisionOutcome.DroppedNoAddress;
            return;
        }

        var lifetime = LifetimeFor(subnet);
        if (existing is { State: LeaseState.Bound } bound && bound.Address == address && bound.Expires > now)
        {
            LeaseHostname(request); // answers option 81 in the reply
            decision.Lease = bound; // already bound: offering it again changes nothing
        }
        else
        {
            var offered = new Lease(
                address, subnet.Id, client.HardwareAddress, client.ClientIdentifier, LeaseState.Offered,
                now, now + configuration.OfferLifetime, lifetime, LeaseHostname(request));
            store.Put(offered);
            decision.Lease = offered;
            decision.Change = LeaseChangeKind.Offered;
        }

        decision.Outcome = DecisionOutcome.Offered;
        FillReply(request, ReplyKind.Offer, subnet, address, lifetime);
    }

    private bool TryChooseAddress(DhcpPacket request, in ClientIdentity client, long now, out Ipv4Address address, out Subnet4 subnet, out Lease? existing)
    {
        existing = null;
        if (decision.Reservation?.IpAddress is { } reserved && CandidateContaining(reserved) is { } reservedSubnet
            && IsUsableBy(reserved, reservedSubnet, client, now))
        {
            address = reserved;
            subnet = reservedSubnet;
            existing = store.TryGetLease(reserved, out var lease) && lease.BelongsTo(client) ? lease : null;
            return true;
        }

        foreach (var candidate in candidates)
        {
            if (store.TryFindClientLease(candidate.Id, client, out var lease) && IsUsableBy(lease.Address, candidate, client, now))
            {
                address = lease.Address;
                subnet = candidate;
                existing = lease;
                return true;
            }
        }

        if (request.RequestedAddress is { } requested && CandidateContaining(requested) is { } requestedSubnet
            && IsUsableBy(requested, requestedSubnet, client, now))
        {
            address = requested;
            subnet = requestedSubnet;
            return true;
        }

        return TryAllocate(now, out address, out subnet);
    }

    private bool TryAllocate(long now, out Ipv4Address address, out Subnet4 subnet)
    {
        foreach (var candidate in candidates)
        {
            IAddressAllocator allocator = candidate.Effective.Allocator == AllocatorKind.Random
                ? RandomAllocator.Instance
                : IterativeAllocator.Instance;
            var pools = candidate.Pools;
            for (var i = 0; i < pools.Count; i++)
            {
                var pool = pools[i];
                if (!PoolPermitted(pool))
                {
                    continue;
                }

                var state = store.PoolStateOf(pool);
                store.Reclaim(state, now);
                if (allocator.TryPick(state, out address))
                {
                    subnet = candidate;
                    return true;
                }
            }
        }

        address = default;
        subnet = null!;
        return false;
    }

    private Subnet4? CandidateContaining(Ipv4Address address)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Contains(address))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the client may have the address now: inside the subnet, not its network or broadcast address, not a
    /// server or router address, not reserved for another client, in a pool the client may use (or reserved for it),
    /// and not held by another client (offered, bound, or declined and on probation).
    /// </summary>
    private bool IsUsableBy(Ipv4Address address, Subnet4 subnet, in ClientIdentity client, long now)
    {
        if (!subnet.Contains(address) || address == subnet.Network || address == subnet.BroadcastAddress || store.IsExcluded(address))
        {
            return false;
        }

        var reservedFor = subnet.ReservationIndex.FindByAddress(address);
        var reservedForClient = reservedFor is not null && ReferenceEquals(reservedFor, decision.Reservation);
        if (reservedFor is not null && !reservedForClient)
        {
            return false;
        }

        var pool = subnet.FindPool(address);
        if (!reservedForClient && (pool is null || !PoolPermitted(pool)))
        {
            return false;
        }

        return !store.TryGetLease(address, out var lease) || !lease.HoldsAddress(now) || lease.BelongsTo(client);
    }

    /// <summary>The lifetime granted: the first member class with a <c>valid-lifetime</c>, else the subnet's.</summary>
    private uint LifetimeFor(Subnet4 subnet)
    {
        var classes = configuration.Classes.Classes;
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i].Definition.ValidLifetime is { } lifetime && evaluation.IsMember(i))
            {
                return lifetime;
            }
        }

        return subnet.Effective.ValidLifetime;
    }
}
