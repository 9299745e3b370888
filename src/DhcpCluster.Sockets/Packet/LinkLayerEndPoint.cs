using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace DhcpCluster.Sockets.Packet;

/// <summary>A Linux <c>sockaddr_ll</c> (AF_PACKET address): protocol and interface index, 20 bytes.</summary>
internal sealed class LinkLayerEndPoint : EndPoint
{
    private const int Size = 20;
    private readonly ushort protocol;
    private readonly int interfaceIndex;

    public LinkLayerEndPoint(ushort protocol, int interfaceIndex)
    {
        this.protocol = protocol;
        this.interfaceIndex = interfaceIndex;
    }

    public override AddressFamily AddressFamily => AddressFamily.Packet;

    public override SocketAddress Serialize()
    {
        // The first two bytes (sll_family) are written by SocketAddress itself.
        var address = new SocketAddress(AddressFamily.Packet, Size);
        Span<byte> bytes = stackalloc byte[Size];
        BinaryPrimitives.WriteUInt16BigEndian(bytes[2..], protocol);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[4..], interfaceIndex);
        for (var i = 2; i < Size; i++)
        {
            address[i] = bytes[i];
        }

        return address;
    }

    public override EndPoint Create(SocketAddress socketAddress) => this;
}
