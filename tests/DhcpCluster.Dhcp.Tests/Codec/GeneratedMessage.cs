using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Dhcp.Tests.Codec;

/// <summary>A generated message: what goes into the writer and what the parser must give back.</summary>
public sealed record GeneratedMessage(
    DhcpOp Op, byte HardwareType, byte[] Chaddr, byte Hops, uint Xid, ushort Secs, ushort Flags, uint[] Addresses,
    DhcpMessageType Type, GeneratedOption[] Options, string? ServerName, string? BootFile, bool AllowOverload, int Limit)
{
    public (int Length, ISet<byte> Dropped) Write(Span<byte> buffer)
    {
        var writer = new DhcpPacketWriter(buffer, Limit, AllowOverload);
        writer.Op = Op;
        writer.HardwareType = HardwareType;
        writer.SetClientHardwareAddress(Chaddr);
        writer.Hops = Hops;
        writer.TransactionId = Xid;
        writer.Secs = Secs;
        writer.Flags = Flags;
        writer.ClientAddress = new Ipv4Address(Addresses[0]);
        writer.YourAddress = new Ipv4Address(Addresses[1]);
        writer.ServerAddress = new Ipv4Address(Addresses[2]);
        writer.RelayAddress = new Ipv4Address(Addresses[3]);
        if (ServerName is not null)
        {
            writer.SetServerName(System.Text.Encoding.ASCII.GetBytes(ServerName));
        }

        if (BootFile is not null)
        {
            writer.SetBootFileName(System.Text.Encoding.ASCII.GetBytes(BootFile));
        }

        if (!writer.WriteMessageType(Type))
        {
            throw new InvalidOperationException("option 53 must always fit");
        }

        var dropped = new HashSet<byte>();
        foreach (var option in Options)
        {
            if (!writer.WriteOption(option.Code, option.Value, option.SplitAlignment))
            {
                dropped.Add(option.Code);
            }
        }

        var agrees = writer.DroppedCount == dropped.Count;
        foreach (var code in dropped)
        {
            agrees &= writer.WasDropped(code);
        }

        if (!agrees)
        {
            throw new InvalidOperationException("WasDropped/DroppedCount disagree with WriteOption's results");
        }

        return (writer.Finish(), dropped);
    }

    public bool Matches(DhcpPacket packet, ISet<byte> dropped)
    {
        var headerMatches = packet.Op == Op && packet.HardwareType == HardwareType && packet.HardwareLength == Chaddr.Length
            && packet.ClientHardwareAddress.SequenceEqual(Chaddr) && packet.Hops == Hops && packet.TransactionId == Xid
            && packet.Secs == Secs && packet.Flags == Flags && packet.ClientAddress.Value == Addresses[0]
            && packet.YourAddress.Value == Addresses[1] && packet.ServerAddress.Value == Addresses[2]
            && packet.RelayAddress.Value == Addresses[3] && packet.MessageType == Type;
        var namesMatch = packet.ServerName.SequenceEqual(System.Text.Encoding.ASCII.GetBytes(ServerName ?? string.Empty))
            && packet.BootFileName.SequenceEqual(System.Text.Encoding.ASCII.GetBytes(BootFile ?? string.Empty));
        var optionsMatch = Options.All(o => dropped.Contains(o.Code)
            ? !packet.HasOption(o.Code)
            : packet.TryGetOption(o.Code, out var value) && value.SequenceEqual(o.Value));
        var expectedCodes = Options.Where(o => !dropped.Contains(o.Code)).Select(o => o.Code).Append((byte)53);
        if (packet.Overload != 0)
        {
            expectedCodes = expectedCodes.Append((byte)52);
        }

        var codesMatch = packet.OptionCodes.ToArray().Order().SequenceEqual(expectedCodes.Order());
        var overloadAllowed = AllowOverload || packet.Overload == 0;
        return headerMatches && namesMatch && optionsMatch && codesMatch && overloadAllowed;
    }
}
