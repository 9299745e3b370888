namespace DhcpCluster.Sockets.Udp;

/// <summary>
/// Arrival facts of one datagram: its length in the caller's buffer, where it came from, the destination
/// address in its IP header (255.255.255.255 for a client broadcast), the interface it arrived on, and when the
/// kernel received it (microseconds since the Unix epoch; 0 when the socket does not report it).
/// Addresses are host-order IPv4 values.
/// </summary>
public readonly record struct ReceivedDatagram(int Length, uint SourceAddress, int SourcePort, uint DestinationAddress, int InterfaceIndex, long ReceivedUnixMicroseconds = 0)
{
    public bool IsBroadcast => DestinationAddress == uint.MaxValue;
}
