using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace DhcpCluster.Sockets.Udp;

/// <summary>
/// Slots for one <c>recvmmsg</c> call: native memory for the message headers, the source addresses, the
/// IP_PKTINFO control data and the payloads, allocated once and reused for every batch (nothing is allocated per
/// datagram). After <see cref="InterfaceSocket.Receive"/> the first <see cref="Count"/> slots hold datagrams.
/// Owned by one receiving thread; not thread-safe.
/// </summary>
public sealed unsafe class ReceiveBatch : IDisposable
{
    // x86_64 / aarch64 layouts (LP64): struct mmsghdr { struct msghdr (56 bytes); unsigned int msg_len; } = 64 bytes.
    internal const int MessageHeaderSize = 64;
    private const int NameOffset = 0;
    private const int NameLengthOffset = 8;
    private const int IovOffset = 16;
    private const int IovLengthOffset = 24;
    private const int ControlOffset = 32;
    private const int ControlLengthOffset = 40;
    private const int FlagsOffset = 48;
    private const int LengthOffset = 56;
    private const int IovecSize = 16;
    private const int SockaddrInSize = 16;
    private const int ControlSize = 96;
    private const int CmsgHeaderSize = 16;
    private const int IpProtocolLevel = 0;
    private const int IpPacketInfo = 8;
    private const int SocketLevel = 1;
    private const int SocketTimestamp = 29;
    private const int MessageTruncated = 0x20;
    private readonly byte* memory;
    private readonly int payloadOffset;
    private bool disposed;

    /// <summary>Allocates <paramref name="capacity"/> slots of <paramref name="slotSize"/> payload bytes each.</summary>
    public ReceiveBatch(int capacity = 32, int slotSize = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(slotSize, 576);
        Capacity = capacity;
        SlotSize = slotSize;
        var perSlot = MessageHeaderSize + IovecSize + SockaddrInSize + ControlSize;
        payloadOffset = capacity * perSlot;
        memory = (byte*)NativeMemory.AllocZeroed((nuint)(payloadOffset + (capacity * slotSize)));
        for (var i = 0; i < capacity; i++)
        {
            var header = Header(i);
            var iov = Iovec(i);
            *(byte**)iov = memory + payloadOffset + (i * slotSize);
            *(nuint*)(iov + 8) = (nuint)slotSize;
            *(byte**)(header + NameOffset) = SourceName(i);
            *(byte**)(header + IovOffset) = iov;
            *(nuint*)(header + IovLengthOffset) = 1;
            *(byte**)(header + ControlOffset) = Control(i);
        }
    }

    /// <summary>How many slots one receive may fill.</summary>
    public int Capacity { get; }

    /// <summary>The largest datagram a slot holds; a longer one is reported truncated.</summary>
    public int SlotSize { get; }

    /// <summary>Datagrams received by the last call.</summary>
    public int Count { get; internal set; }

    internal byte* Headers => memory;

    /// <summary>The payload of datagram <paramref name="index"/> (valid until the next receive).</summary>
    public ReadOnlySpan<byte> Payload(int index)
    {
        CheckIndex(index);
        var length = (int)Math.Min(*(uint*)(Header(index) + LengthOffset), (uint)SlotSize);
        return new ReadOnlySpan<byte>(memory + payloadOffset + (index * SlotSize), length);
    }

    /// <summary>Whether datagram <paramref name="index"/> was longer than a slot (its payload is cut).</summary>
    public bool IsTruncated(int index)
    {
        CheckIndex(index);
        return (*(int*)(Header(index) + FlagsOffset) & MessageTruncated) != 0;
    }

    /// <summary>Arrival facts of datagram <paramref name="index"/>: source, destination in the IP header (IP_PKTINFO), interface and kernel receive time (SO_TIMESTAMP).</summary>
    public ReceivedDatagram Datagram(int index)
    {
        CheckIndex(index);
        var header = Header(index);
        var name = SourceName(index);
        var source = BinaryPrimitives.ReadUInt32BigEndian(new ReadOnlySpan<byte>(name + 4, 4));
        var port = BinaryPrimitives.ReadUInt16BigEndian(new ReadOnlySpan<byte>(name + 2, 2));
        uint destination = 0;
        var interfaceIndex = 0;
        long receivedUnixMicroseconds = 0;
        var control = *(byte**)(header + ControlOffset);
        var controlLength = (long)*(nuint*)(header + ControlLengthOffset);
        for (long offset = 0; offset + CmsgHeaderSize <= controlLength;)
        {
            var cmsg = control + offset;
            var length = (long)*(nuint*)cmsg;
            if (length < CmsgHeaderSize)
            {
                break;
            }

            if (*(int*)(cmsg + 8) == IpProtocolLevel && *(int*)(cmsg + 12) == IpPacketInfo && length >= CmsgHeaderSize + 12)
            {
                // struct in_pktinfo { int ipi_ifindex; struct in_addr ipi_spec_dst; struct in_addr ipi_addr; }
                interfaceIndex = *(int*)(cmsg + CmsgHeaderSize);
                destination = BinaryPrimitives.ReadUInt32BigEndian(new ReadOnlySpan<byte>(cmsg + CmsgHeaderSize + 8, 4));
            }
            else if (*(int*)(cmsg + 8) == SocketLevel && *(int*)(cmsg + 12) == SocketTimestamp && length >= CmsgHeaderSize + 16)
            {
                // struct timeval { time_t tv_sec; suseconds_t tv_usec; } (CLOCK_REALTIME)
                receivedUnixMicroseconds = (*(long*)(cmsg + CmsgHeaderSize) * 1_000_000) + *(long*)(cmsg + CmsgHeaderSize + 8);
            }

            offset += (length + 7) & ~7L;
        }

        return new ReceivedDatagram(Payload(index).Length, source, port, destination, interfaceIndex, receivedUnixMicroseconds);
    }

    /// <summary>Restores the in/out lengths of every slot before a receive.</summary>
    internal void Reset()
    {
        for (var i = 0; i < Capacity; i++)
        {
            var header = Header(i);
            *(uint*)(header + NameLengthOffset) = SockaddrInSize;
            *(nuint*)(header + ControlLengthOffset) = ControlSize;
            *(int*)(header + FlagsOffset) = 0;
            *(uint*)(header + LengthOffset) = 0;
        }

        Count = 0;
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            NativeMemory.Free(memory);
        }
    }

    private byte* Header(int index) => memory + (index * MessageHeaderSize);

    private byte* Iovec(int index) => memory + (Capacity * MessageHeaderSize) + (index * IovecSize);

    private byte* SourceName(int index) => memory + (Capacity * (MessageHeaderSize + IovecSize)) + (index * SockaddrInSize);

    private byte* Control(int index) => memory + (Capacity * (MessageHeaderSize + IovecSize + SockaddrInSize)) + (index * ControlSize);

    private void CheckIndex(int index)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
    }
}
