using System.Buffers.Binary;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Server.Benchmarks.Scenarios;

/// <summary>Reads the DHCP replies of a classic pcap file (tcpdump -w, Ethernet, microsecond timestamps).</summary>
internal static class PcapReplies
{
    private const uint MagicMicroseconds = 0xa1b2c3d4;
    private const int EthernetHeader = 14;
    private const int UdpHeader = 8;

    public static IReadOnlyList<CapturedReply> Read(string file)
    {
        var data = File.ReadAllBytes(file);
        if (data.Length < 24 || BinaryPrimitives.ReadUInt32LittleEndian(data) != MagicMicroseconds || BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(20)) != 1)
        {
            throw new InvalidDataException($"{file} is not a little-endian Ethernet pcap file");
        }

        var replies = new List<CapturedReply>();
        var packet = new DhcpPacket();
        var offset = 24;
        while (offset + 16 <= data.Length)
        {
            var seconds = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset));
            var micros = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 4));
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 8));
            offset += 16;
            if (offset + length > data.Length)
            {
                break;
            }

            var frame = data.AsSpan(offset, length);
            offset += length;
            if (frame.Length < EthernetHeader + 20 + UdpHeader || BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800)
            {
                continue;
            }

            var ipHeader = (frame[EthernetHeader] & 0x0F) * 4;
            var payload = frame[(EthernetHeader + ipHeader + UdpHeader)..];
            if (DhcpPacket.TryParse(payload, packet, out _) && packet.Op == DhcpOp.BootReply)
            {
                replies.Add(new CapturedReply(
                    DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(micros * 10L),
                    packet.MessageType,
                    packet.YourAddress,
                    Convert.ToHexString(packet.ClientHardwareAddress)));
            }
        }

        return replies;
    }
}
