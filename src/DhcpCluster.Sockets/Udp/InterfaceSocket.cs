using System.Net;
using System.Net.Sockets;
using System.Text;
using DhcpCluster.Sockets.Interfaces;

namespace DhcpCluster.Sockets.Udp;

/// <summary>
/// The one receive path of one interface: a UDP socket on 0.0.0.0:port bound to the device, so a
/// broadcast is received once whatever the number of addresses on the interface (one socket per address,
/// as Kea opens them, hears it once per address). It also sends routed replies (to a relay, or to a
/// client's ciaddr off-link), letting the kernel route them.
/// </summary>
public sealed class InterfaceSocket : IDisposable
{
    private static readonly IPEndPoint AnyEndPoint = new(IPAddress.Any, 0);
    private readonly Socket socket;

    private InterfaceSocket(Socket socket, string interfaceName, int port)
    {
        this.socket = socket;
        InterfaceName = interfaceName;
        Port = port;
    }

    public string InterfaceName { get; }

    public int Port { get; }

    /// <summary>Opens the receive path of <paramref name="interfaceName"/> (device bound before the port). Throws <see cref="SocketOpenException"/> with the reason.</summary>
    public static InterfaceSocket Open(string interfaceName, int port = 67)
    {
        var opened = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // No SO_REUSEADDR: sockets bound to different devices share port 67 without it, while a second
            // server on the same interface, or one bound to no device, makes the bind fail with a clear error.
            opened.SetRawSocketOption(NativeMethods.SolSocket, NativeMethods.SoBindToDevice, Encoding.ASCII.GetBytes(interfaceName + "\0"));
            opened.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Broadcast, true);
            opened.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
            opened.ReceiveBufferSize = 4 * 1024 * 1024;
            opened.SendBufferSize = 4 * 1024 * 1024;
            opened.Bind(new IPEndPoint(IPAddress.Any, port));
            return new InterfaceSocket(opened, interfaceName, port);
        }
        catch (SocketException ex)
        {
            opened.Dispose();
            var reason = ex.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => $"port {port} is already taken on {interfaceName} by another program",
                SocketError.AccessDenied => $"binding port {port} on {interfaceName} needs CAP_NET_BIND_SERVICE and CAP_NET_RAW",
                SocketError.AddressNotAvailable or SocketError.NetworkDown => $"interface {interfaceName} is missing or down",
                _ when ex.NativeErrorCode == NativeMethods.ENoDev => $"interface {interfaceName} does not exist",
                _ => $"{ex.SocketErrorCode}: {ex.Message}",
            };
            throw new SocketOpenException(interfaceName, reason, ex);
        }
    }

    /// <summary>Receives one datagram into <paramref name="buffer"/>.</summary>
    public async ValueTask<ReceivedDatagram> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await socket.ReceiveMessageFromAsync(buffer, SocketFlags.None, AnyEndPoint, cancellationToken).ConfigureAwait(false);
        var remote = (IPEndPoint)result.RemoteEndPoint;
        return new ReceivedDatagram(
            result.ReceivedBytes,
            LinkAddress.FromIPAddress(remote.Address),
            remote.Port,
            LinkAddress.FromIPAddress(result.PacketInformation.Address),
            result.PacketInformation.Interface);
    }

    /// <summary>Sends a datagram through the kernel's routing (relay replies, off-link unicast).</summary>
    public void SendTo(ReadOnlySpan<byte> payload, uint address, int port)
    {
        socket.SendTo(payload, SocketFlags.None, new IPEndPoint(new IPAddress(System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(address)), port));
    }

    public void Dispose() => socket.Dispose();
}
