namespace DhcpCluster.Dhcp.Decisions;

/// <summary>
/// What the socket layer knows about how a packet arrived: the interface, its addresses, the local address the
/// packet was received on, and whether it came as a broadcast. The interface actor keeps one instance per
/// interface and address, so passing it costs nothing per packet.
/// </summary>
/// <param name="InterfaceName">The receiving interface (e.g. <c>eth0</c>).</param>
/// <param name="InterfaceAddresses">The IPv4 addresses configured on that interface.</param>
/// <param name="LocalAddress">The local address the packet was received on (the server identifier by default).</param>
/// <param name="ViaBroadcast">Whether the packet was sent to a broadcast address (tells REBINDING from RENEWING).</param>
public sealed record ArrivalFacts(string InterfaceName, IReadOnlyList<Ipv4Address> InterfaceAddresses, Ipv4Address LocalAddress, bool ViaBroadcast)
{
    /// <summary>Whether an address is one of this server's addresses on the interface.</summary>
    public bool IsLocalAddress(Ipv4Address address)
    {
        if (address == LocalAddress)
        {
            return true;
        }

        for (var i = 0; i < InterfaceAddresses.Count; i++)
        {
            if (InterfaceAddresses[i] == address)
            {
                return true;
            }
        }

        return false;
    }
}
