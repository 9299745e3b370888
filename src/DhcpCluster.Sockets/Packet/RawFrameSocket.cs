using System.Net.Sockets;
using DhcpCluster.Sockets.Frames;
using DhcpCluster.Sockets.Interfaces;

namespace DhcpCluster.Sockets.Packet;

/// <summary>
/// An AF_PACKET socket bound to one interface, sending whole Ethernet frames: how a server answers a client
/// at its hardware address before the client has an IP address (RFC 2131 §4.1), with the source address of
/// its choice (the server identifier). Thread-safe: each send builds its frame on the calling thread's stack.
/// </summary>
public sealed class RawFrameSocket : IDisposable
{
    private readonly Socket socket;

    private RawFrameSocket(Socket socket, LinkInfo link)
    {
        this.socket = socket;
        Link = link;
    }

    public LinkInfo Link { get; }

    public static RawFrameSocket Open(LinkInfo link)
    {
        var protocol = (ProtocolType)System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(NativeMethods.EthPIp);
        Socket? opened = null;
        try
        {
            opened = new Socket(AddressFamily.Packet, SocketType.Raw, protocol);
            opened.Bind(new LinkLayerEndPoint(NativeMethods.EthPIp, link.Index));
            // Frames go out only; nothing is read, so the receive queue must not fill with the interface's traffic.
            opened.ReceiveBufferSize = 1;
            return new RawFrameSocket(opened, link);
        }
        catch (SocketException ex)
        {
            opened?.Dispose();
            var reason = ex.SocketErrorCode == SocketError.AccessDenied
                ? "sending raw frames needs CAP_NET_RAW"
                : $"{ex.SocketErrorCode}: {ex.Message}";
            throw new SocketOpenException(link.Name, reason, ex);
        }
    }

    /// <summary>Sends <paramref name="payload"/> as UDP from <paramref name="sourceAddress"/>:sourcePort to destination at <paramref name="destinationMac"/>.</summary>
    /// <exception cref="ArgumentException">The payload is longer than 1500 bytes.</exception>
    /// <exception cref="ObjectDisposedException">The socket was closed.</exception>
    /// <exception cref="SocketException">The kernel refused the frame.</exception>
    public void SendUdp(ReadOnlySpan<byte> destinationMac, uint sourceAddress, uint destinationAddress, ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> payload)
    {
        Span<byte> frame = stackalloc byte[UdpFrame.HeadersLength + 1500];
        var length = UdpFrame.Write(frame, Link.HardwareAddress, destinationMac, sourceAddress, destinationAddress, sourcePort, destinationPort, payload);
        socket.Send(frame[..length], SocketFlags.None);
    }

    public void Dispose() => socket.Dispose();
}
