using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;

namespace DhcpCluster.Dhcp.Identity;

/// <summary>
/// How the server recognises the client of one packet: its <see cref="Key"/> (option 61 when present and
/// <c>match-client-id</c> is true, else hardware type and chaddr), plus both parts kept apart for Kea's lease
/// ownership rule (<see cref="Leases.Lease.BelongsTo"/>).
/// </summary>
public readonly struct ClientIdentity
{
    /// <summary>Creates an identity.</summary>
    public ClientIdentity(ClientKey hardwareAddress, ClientKey? clientIdentifier)
    {
        HardwareAddress = hardwareAddress;
        ClientIdentifier = clientIdentifier;
    }

    /// <summary>The hardware type and chaddr.</summary>
    public ClientKey HardwareAddress { get; }

    /// <summary>The client identifier, when present and used (<c>match-client-id</c>).</summary>
    public ClientKey? ClientIdentifier { get; }

    /// <summary>The key the client is known by: the client identifier if used, else the hardware address.</summary>
    public ClientKey Key => ClientIdentifier ?? HardwareAddress;

    /// <summary>The identity of a packet's client (RFC 2131 §4.2: client identifier, else chaddr).</summary>
    public static ClientIdentity Of(DhcpPacket packet, bool matchClientId)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var hardware = ClientKey.FromHardwareAddress(packet.HardwareType, packet.ClientHardwareAddress);
        var id = packet.ClientIdentifier;
        return new ClientIdentity(hardware, matchClientId && !id.IsEmpty ? ClientKey.FromClientIdentifier(id) : null);
    }

    /// <summary>
    /// The reservation for a packet's client, trying Kea's <c>host-reservation-identifiers</c> in order; null when none.
    /// </summary>
    public static HostReservation? FindReservation(
        DhcpPacket packet, SubnetReservations reservations, IReadOnlyList<HostReservationIdentifier> identifiers)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(identifiers);
        for (var i = 0; i < identifiers.Count; i++)
        {
            var kind = identifiers[i];
            var value = kind switch
            {
                HostReservationIdentifier.HwAddress => packet.ClientHardwareAddress,
                HostReservationIdentifier.ClientId => packet.ClientIdentifier,
                HostReservationIdentifier.Duid => packet.ClientIdentifierOption.Duid,
                _ => packet.RelayAgentInformation.CircuitId,
            };
            if (reservations.Find(kind, value) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
