using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
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
            // The kernel's receive time of each datagram (SO_TIMESTAMP): how long a datagram waited in the socket is not
            // counted as time between a client's messages.
            opened.SetRawSocketOption(NativeMethods.SolSocket, NativeMethods.SoTimestamp, BitConverter.GetBytes(1));
            opened.ReceiveBufferSize = 4 * 1024 * 1024;
            // A blocking receive wakes at least this often (SO_RCVTIMEO), so a receiving thread sees its stop flag.
            opened.SetRawSocketOption(NativeMethods.SolSocket, NativeMethods.SoReceiveTimeout, TimeValue(ReceiveWakeInterval));
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

    /// <summary>How long a blocking <see cref="Receive"/> waits at most before it returns 0.</summary>
    public static readonly TimeSpan ReceiveWakeInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How early a receive timeout may end by the tick clock's reading.</summary>
    private const long WakeSlackMilliseconds = 10;

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

    /// <summary>
    /// Receives up to <see cref="ReceiveBatch.Capacity"/> datagrams on the calling thread, waiting at most
    /// <paramref name="timeoutMilliseconds"/> for the first (so a receiving thread can look at its stop flag). One
    /// blocking <c>recvmmsg</c> (MSG_WAITFORONE: it returns as soon as one datagram is there, with those queued behind
    /// it) does the wait and the receive, woken by the socket's <see cref="ReceiveWakeInterval"/> when nothing comes;
    /// a timeout shorter than that, or a descriptor the runtime made non-blocking, waits with <c>poll</c> and then
    /// receives without blocking (the second call the blocking receive saves on every wake-up under load). Returns
    /// how many arrived (0: timed out); nothing is allocated. The descriptor is referenced for the duration of the
    /// call, so a concurrent <see cref="Dispose"/> never lets it be reused under us.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The socket was closed.</exception>
    /// <exception cref="IOException">The kernel refused the receive (e.g. the interface went away).</exception>
    public unsafe int Receive(ReceiveBatch batch, int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(batch);
        batch.Reset();
        var handle = socket.SafeHandle;
        var referenced = false;
        try
        {
            handle.DangerousAddRef(ref referenced);
            var descriptor = (int)handle.DangerousGetHandle();
            var count = timeoutMilliseconds < (long)ReceiveWakeInterval.TotalMilliseconds
                ? PollThenReceive(descriptor, batch, timeoutMilliseconds)
                : BlockingReceive(descriptor, batch, timeoutMilliseconds);
            batch.Count = count;
            return count;
        }
        finally
        {
            if (referenced)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Blocking receives (each woken after <see cref="ReceiveWakeInterval"/> at the latest) until a datagram or the timeout.</summary>
    private unsafe int BlockingReceive(int descriptor, ReceiveBatch batch, int timeoutMilliseconds)
    {
        var deadline = Environment.TickCount64 + timeoutMilliseconds;
        while (true)
        {
            var startedAt = Environment.TickCount64;
            var count = NativeMethods.recvmmsg(descriptor, batch.Headers, (uint)batch.Capacity, NativeMethods.MsgWaitForOne, 0);
            if (count >= 0)
            {
                return count;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error != NativeMethods.EAgain && error != NativeMethods.EIntr)
            {
                return Failed(error);
            }

            var now = Environment.TickCount64;
            if (error == NativeMethods.EAgain && now - startedAt < (long)ReceiveWakeInterval.TotalMilliseconds - WakeSlackMilliseconds)
            {
                // An immediate EAGAIN: the runtime made the descriptor non-blocking; wait the other way.
                return PollThenReceive(descriptor, batch, (int)Math.Max(0, deadline - now));
            }

            if (now >= deadline - WakeSlackMilliseconds)
            {
                return 0;
            }
        }
    }

    private unsafe int PollThenReceive(int descriptor, ReceiveBatch batch, int timeoutMilliseconds)
    {
        var poll = new NativeMethods.PollDescriptor { Descriptor = descriptor, Events = NativeMethods.PollIn };
        var ready = NativeMethods.poll(ref poll, 1, timeoutMilliseconds);
        if (ready == 0)
        {
            return 0;
        }

        if (ready < 0)
        {
            return Failed(Marshal.GetLastPInvokeError());
        }

        var count = NativeMethods.recvmmsg(descriptor, batch.Headers, (uint)batch.Capacity, NativeMethods.MsgDontWait, 0);
        return count >= 0 ? count : Failed(Marshal.GetLastPInvokeError());
    }

    /// <summary>A <c>struct timeval</c> (64-bit seconds and microseconds).</summary>
    private static byte[] TimeValue(TimeSpan value)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, (long)value.TotalSeconds);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), (long)(value.TotalMicroseconds % 1_000_000));
        return bytes;
    }

    /// <summary>
    /// Sends a datagram through the kernel's routing (relay replies, off-link unicast): one <c>sendto</c> with the
    /// address built on the stack, nothing allocated.
    /// </summary>
    /// <exception cref="SocketException">The kernel refused the datagram.</exception>
    public unsafe void SendTo(ReadOnlySpan<byte> payload, uint address, int port)
    {
        // struct sockaddr_in { sa_family_t sin_family; in_port_t sin_port; struct in_addr sin_addr; char sin_zero[8]; }
        Span<byte> name = stackalloc byte[16];
        name.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(name, (ushort)AddressFamily.InterNetwork);
        BinaryPrimitives.WriteUInt16BigEndian(name[2..], (ushort)port);
        BinaryPrimitives.WriteUInt32BigEndian(name[4..], address);
        var handle = socket.SafeHandle;
        var referenced = false;
        try
        {
            handle.DangerousAddRef(ref referenced);
            nint sent;
            fixed (byte* data = payload)
            fixed (byte* destination = name)
            {
                sent = NativeMethods.sendto((int)handle.DangerousGetHandle(), data, (nuint)payload.Length, 0, destination, (uint)name.Length);
            }

            if (sent < 0)
            {
                throw new SocketException(Marshal.GetLastPInvokeError() switch
                {
                    NativeMethods.ENetUnreach => (int)SocketError.NetworkUnreachable,
                    NativeMethods.EHostUnreach => (int)SocketError.HostUnreachable,
                    NativeMethods.EAgain or NativeMethods.ENoBufs => (int)SocketError.NoBufferSpaceAvailable,
                    NativeMethods.ENetDown or NativeMethods.ENoDev => (int)SocketError.NetworkDown,
                    _ => (int)SocketError.SocketError,
                });
            }
        }
        finally
        {
            if (referenced)
            {
                handle.DangerousRelease();
            }
        }
    }

    public void Dispose() => socket.Dispose();

    private static int Failed(int errno) =>
        errno is NativeMethods.EAgain or NativeMethods.EIntr
            ? 0
            : throw new IOException($"receiving failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
}
