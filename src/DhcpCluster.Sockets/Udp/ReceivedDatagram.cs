namespace DhcpCluster.Sockets.Udp;

/// <summary>
/// Arrival facts of one datagram: its length in the caller's buffer, where it came from, the destination
/// address in its IP header (255.255.255.255 for a client broadcast) and the interface it arrived on.
/// Addresses are host-order IPv4 values.
/// </summary>
public readonly record struct ReceivedDatagram(int Length, uint SourceAddress, int SourcePort, uint DestinationAddress, int InterfaceIndex)
{
    public bool IsBroadcast => DestinationAddress == uint.MaxValue;
}
