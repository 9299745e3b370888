namespace DhcpCluster.Server.Configuration;

/// <summary>Kea's <c>dhcp-socket-type</c>.</summary>
public enum DhcpSocketType
{
    /// <summary><c>raw</c>: a packet socket per interface (direct clients without an address are reachable).</summary>
    Raw,

    /// <summary><c>udp</c>: UDP sockets only (relayed traffic; replies to clients without an address go through the ARP cache).</summary>
    Udp,
}
