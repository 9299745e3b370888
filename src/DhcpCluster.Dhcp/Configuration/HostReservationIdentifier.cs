namespace DhcpCluster.Dhcp.Configuration;

/// <summary>One entry of Kea's <c>host-reservation-identifiers</c>: which client identifier a reservation is looked up by.</summary>
public enum HostReservationIdentifier
{
    /// <summary><c>hw-address</c>: the hardware type and chaddr.</summary>
    HwAddress,

    /// <summary><c>duid</c>: the DUID inside an RFC 4361 client identifier (type 255, after the IAID).</summary>
    Duid,

    /// <summary><c>circuit-id</c>: relay agent information (82) sub-option 1.</summary>
    CircuitId,

    /// <summary><c>client-id</c>: the whole client identifier option (61).</summary>
    ClientId,
}
