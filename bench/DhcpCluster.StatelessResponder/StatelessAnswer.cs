using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.StatelessResponder;

/// <summary>
/// Computes a reply from the request alone: the offered address is a hash of chaddr inside the subnet that
/// holds giaddr (relayed) or the receiving interface's address; a REQUEST is acknowledged for the address it
/// asks for. No lease is kept, so two clients may collide: this measures packet handling, not allocation.
/// </summary>
internal static class StatelessAnswer
{
    public const uint LeaseSeconds = 4000;

    /// <summary>Writes the reply into <paramref name="buffer"/>; returns 0 when the request gets no answer.</summary>
    public static int Write(DhcpPacket request, Ipv4Address serverIdentifier, Ipv4Network subnet, Span<byte> buffer, out Ipv4Address yourAddress)
    {
        yourAddress = Ipv4Address.Any;
        DhcpMessageType replyType;
        switch (request.MessageType)
        {
            case DhcpMessageType.Discover:
                replyType = DhcpMessageType.Offer;
                yourAddress = AddressFor(request.ClientHardwareAddress, subnet, serverIdentifier);
                break;
            case DhcpMessageType.Request:
                replyType = DhcpMessageType.Ack;
                yourAddress = request.RequestedAddress ?? request.ClientAddress;
                if (yourAddress.IsAny || !subnet.Contains(yourAddress))
                {
                    return 0;
                }

                break;
            default:
                return 0;
        }

        var writer = new DhcpPacketWriter(buffer, request.MaxReplyPayloadSize);
        writer.BeginReply(request);
        writer.YourAddress = yourAddress;
        writer.ClientAddress = request.ClientAddress;
        writer.WriteMessageType(replyType);
        writer.WriteOption(DhcpOptionCode.ServerIdentifier, serverIdentifier);
        writer.WriteUInt32Option(DhcpOptionCode.LeaseTime, LeaseSeconds);
        writer.WriteUInt32Option(DhcpOptionCode.RenewalTime, LeaseSeconds / 2);
        writer.WriteUInt32Option(DhcpOptionCode.RebindingTime, LeaseSeconds * 7 / 8);
        writer.WriteOption(DhcpOptionCode.SubnetMask, subnet.Mask);
        if (request.TryGetOption(DhcpOptionCode.ClientIdentifier, out var clientId))
        {
            writer.WriteOption(DhcpOptionCode.ClientIdentifier, clientId);
        }

        if (request.TryGetOption(DhcpOptionCode.RelayAgentInformation, out var relayInformation) && !request.RelayAddress.IsAny)
        {
            writer.WriteOption(DhcpOptionCode.RelayAgentInformation, relayInformation);
        }

        return writer.Finish();
    }

    private static Ipv4Address AddressFor(ReadOnlySpan<byte> hardwareAddress, Ipv4Network subnet, Ipv4Address serverIdentifier)
    {
        // FNV-1a over chaddr, mapped to the usable hosts of the subnet (not the network, broadcast or server address).
        var hash = 2166136261u;
        foreach (var b in hardwareAddress)
        {
            hash = (hash ^ b) * 16777619u;
        }

        var hosts = (uint)Math.Max(subnet.Size - 2, 1);
        var candidate = subnet.First.Add(1 + (hash % hosts));
        return candidate == serverIdentifier ? subnet.First.Add(1 + ((hash + 1) % hosts)) : candidate;
    }
}
