using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Dhcp.Decisions;

/// <summary>Writes the reply a <see cref="Dhcp4Decision"/> describes, with the codec's writer, into a caller buffer.</summary>
public static class ReplyWriter
{
    /// <summary>
    /// Writes the reply to <paramref name="request"/> into <paramref name="buffer"/> and returns its length (0 when the
    /// decision has no reply). The message never exceeds the client's maximum message size (option 57, at least 576,
    /// RFC 2132 §9.10): options that do not fit are left out in reverse order of importance.
    /// </summary>
    public static int Write(Dhcp4Decision decision, DhcpPacket request, Span<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(request);
        if (decision.Reply == ReplyKind.None)
        {
            return 0;
        }

        var writer = new DhcpPacketWriter(buffer, request.MaxReplyPayloadSize);
        writer.BeginReply(request);
        if (decision.SetBroadcastFlag)
        {
            writer.Flags = (ushort)(writer.Flags | DhcpConstants.BroadcastFlag);
        }

        var type = decision.Reply switch
        {
            ReplyKind.Offer => DhcpMessageType.Offer,
            ReplyKind.Nak => DhcpMessageType.Nak,
            _ => DhcpMessageType.Ack,
        };
        if (decision.Reply != ReplyKind.Nak)
        {
            writer.ClientAddress = decision.ClientAddress;
            writer.YourAddress = decision.YourAddress;
            writer.ServerAddress = decision.NextServer;
            if (!decision.ServerHostname.IsEmpty)
            {
                writer.SetServerName(decision.ServerHostname.Span);
            }

            if (!decision.BootFileName.IsEmpty)
            {
                writer.SetBootFileName(decision.BootFileName.Span);
            }
        }

        writer.WriteMessageType(type);
        foreach (var code in decision.OptionOrder)
        {
            WriteOption(ref writer, decision, request, code);
        }

        return writer.Finish();
    }

    private static void WriteOption(ref DhcpPacketWriter writer, Dhcp4Decision decision, DhcpPacket request, byte code)
    {
        switch (decision.SourceOf(code))
        {
            case ReplyOptionSource.Configured:
                writer.WriteOption(code, decision.ConfiguredValue(code).Span);
                break;
            case ReplyOptionSource.Echoed:
                if (request.TryGetOption(code, out var echoed))
                {
                    writer.WriteOption(code, echoed);
                }

                break;
            default:
                WriteGenerated(ref writer, decision, code);
                break;
        }
    }

    private static void WriteGenerated(ref DhcpPacketWriter writer, Dhcp4Decision decision, byte code)
    {
        switch (code)
        {
            case 54:
                writer.WriteOption(DhcpOptionCode.ServerIdentifier, decision.ServerIdentifier);
                break;
            case 51:
                writer.WriteUInt32Option(DhcpOptionCode.LeaseTime, decision.LeaseTime);
                break;
            case 58:
                writer.WriteUInt32Option(DhcpOptionCode.RenewalTime, decision.RenewalTime);
                break;
            case 59:
                writer.WriteUInt32Option(DhcpOptionCode.RebindingTime, decision.RebindingTime);
                break;
            case 1:
                writer.WriteOption(DhcpOptionCode.SubnetMask, new Ipv4Address(decision.SubnetMask));
                break;
            case 12:
                writer.WriteOption(DhcpOptionCode.HostName, decision.Hostname.Span);
                break;
            case 60:
                writer.WriteOption(DhcpOptionCode.VendorClassIdentifier, "PXEClient"u8);
                break;
            case 81:
                writer.WriteOption(DhcpOptionCode.ClientFqdn, decision.ClientFqdn.Span);
                break;
        }
    }
}
