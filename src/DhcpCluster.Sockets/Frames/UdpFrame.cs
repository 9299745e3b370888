using System.Buffers.Binary;

namespace DhcpCluster.Sockets.Frames;

/// <summary>
/// Builds Ethernet II + IPv4 + UDP frames around a payload, with valid IP and UDP checksums, for replies
/// sent on-link to a client's hardware address (a client that has no address yet cannot answer ARP).
/// Pure code over caller-supplied spans.
/// </summary>
public static class UdpFrame
{
    public const int EthernetHeaderLength = 14;
    public const int Ipv4HeaderLength = 20;
    public const int UdpHeaderLength = 8;
    public const int HeadersLength = EthernetHeaderLength + Ipv4HeaderLength + UdpHeaderLength;
    private const byte DefaultTimeToLive = 64;
    private const byte UdpProtocol = 17;

    /// <summary>Writes the frame into <paramref name="frame"/> and returns its length.</summary>
    public static int Write(
        Span<byte> frame,
        ReadOnlySpan<byte> sourceMac,
        ReadOnlySpan<byte> destinationMac,
        uint sourceAddress,
        uint destinationAddress,
        ushort sourcePort,
        ushort destinationPort,
        ReadOnlySpan<byte> payload)
    {
        var total = HeadersLength + payload.Length;
        if (frame.Length < total)
        {
            throw new ArgumentException($"frame buffer of {frame.Length} bytes cannot hold {total}", nameof(frame));
        }

        if (sourceMac.Length != 6)
        {
            throw new ArgumentException("an Ethernet address is 6 bytes", nameof(sourceMac));
        }

        if (destinationMac.Length != 6)
        {
            throw new ArgumentException("an Ethernet address is 6 bytes", nameof(destinationMac));
        }

        destinationMac.CopyTo(frame);
        sourceMac.CopyTo(frame[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], 0x0800);

        var ip = frame.Slice(EthernetHeaderLength, Ipv4HeaderLength);
        ip[0] = 0x45; // version 4, 5 words
        ip[1] = 0x10; // low delay, as DHCP servers commonly mark replies
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(Ipv4HeaderLength + UdpHeaderLength + payload.Length));
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], 0); // identification
        BinaryPrimitives.WriteUInt16BigEndian(ip[6..], 0x4000); // don't fragment
        ip[8] = DefaultTimeToLive;
        ip[9] = UdpProtocol;
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], 0);
        BinaryPrimitives.WriteUInt32BigEndian(ip[12..], sourceAddress);
        BinaryPrimitives.WriteUInt32BigEndian(ip[16..], destinationAddress);
        BinaryPrimitives.WriteUInt16BigEndian(ip[10..], Checksum(ip, 0));

        var udp = frame.Slice(EthernetHeaderLength + Ipv4HeaderLength, UdpHeaderLength + payload.Length);
        BinaryPrimitives.WriteUInt16BigEndian(udp, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[2..], destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp[4..], (ushort)udp.Length);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], 0);
        payload.CopyTo(udp[UdpHeaderLength..]);

        // Pseudo header: source, destination, zero + protocol, UDP length.
        uint pseudo = (sourceAddress >> 16) + (sourceAddress & 0xFFFF) + (destinationAddress >> 16) + (destinationAddress & 0xFFFF)
            + UdpProtocol + (uint)udp.Length;
        var checksum = Checksum(udp, pseudo);
        BinaryPrimitives.WriteUInt16BigEndian(udp[6..], checksum == 0 ? (ushort)0xFFFF : checksum);
        return total;
    }

    /// <summary>The Internet checksum (RFC 1071) of <paramref name="data"/>, starting from a partial sum.</summary>
    public static ushort Checksum(ReadOnlySpan<byte> data, uint partialSum)
    {
        ulong sum = partialSum;
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)data[i] << 8;
        }

        while ((sum >> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
