namespace DhcpCluster.Dhcp.Decisions;

/// <summary>Where a reply goes, by the rules of RFC 2131 §4.1.</summary>
public enum ReplyDestinationKind
{
    /// <summary>No reply.</summary>
    None,

    /// <summary>To the relay agent at giaddr, port 67.</summary>
    RelayAgent,

    /// <summary>Unicast to ciaddr, port 68 (the client has a working address).</summary>
    ClientAddress,

    /// <summary>To 255.255.255.255, port 68 (broadcast flag set, or a DHCPNAK not relayed).</summary>
    Broadcast,

    /// <summary>
    /// Unicast to yiaddr at chaddr, port 68: the client cannot answer ARP yet, so the socket layer must send a raw
    /// frame to chaddr or add an ARP entry first.
    /// </summary>
    ClientHardwareAddress,
}
