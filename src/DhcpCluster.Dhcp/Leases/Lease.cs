using DhcpCluster.Dhcp.Identity;

namespace DhcpCluster.Dhcp.Leases;

/// <summary>
/// One address lease, as a value: the address, the client it belongs to, its state and its times (seconds since
/// the Unix epoch). The lease store replaces a lease rather than mutating it, so a lease handed out is a snapshot
/// that can be persisted as an event.
/// </summary>
/// <param name="Address">The leased address.</param>
/// <param name="SubnetId">Kea's subnet id.</param>
/// <param name="HardwareAddress">The client's hardware type and chaddr (empty for a declined address).</param>
/// <param name="ClientIdentifier">The client identifier, when the client sent one and <c>match-client-id</c> is true.</param>
/// <param name="State">The lease state.</param>
/// <param name="Start">When the state began (cltt).</param>
/// <param name="Expires">When the state ends (offer hold, lease expiry or end of decline probation).</param>
/// <param name="ValidLifetime">The lifetime granted (seconds).</param>
/// <param name="Hostname">The hostname sent to the client, if any.</param>
public readonly record struct Lease(
    Ipv4Address Address,
    uint SubnetId,
    ClientKey HardwareAddress,
    ClientKey? ClientIdentifier,
    LeaseState State,
    long Start,
    long Expires,
    uint ValidLifetime,
    string? Hostname)
{
    /// <summary>The key of the client holding the lease.</summary>
    public ClientKey Owner => ClientIdentifier ?? HardwareAddress;

    /// <summary>Whether the address is unavailable to other clients at <paramref name="now"/>.</summary>
    public bool HoldsAddress(long now) => State is LeaseState.Offered or LeaseState.Bound or LeaseState.Declined && now < Expires;

    /// <summary>
    /// Kea's ownership rule: the lease belongs to the client when the client identifiers are equal; when either side
    /// has no client identifier, the hardware addresses decide. Two different client identifiers never match, so a
    /// PXE firmware and an installed OS that send different identifiers on one MAC are two clients.
    /// </summary>
    public bool BelongsTo(in ClientIdentity client)
    {
        if (State == LeaseState.Declined)
        {
            return false;
        }

        if (ClientIdentifier is { } mine && client.ClientIdentifier is { } theirs)
        {
            return mine == theirs;
        }

        return HardwareAddress == client.HardwareAddress;
    }
}
