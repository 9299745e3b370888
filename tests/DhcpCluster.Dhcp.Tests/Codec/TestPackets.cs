using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Dhcp.Tests.Codec;

/// <summary>Builders of request frames for the codec tests.</summary>
internal static class TestPackets
{
    public static readonly byte[] Mac = [0x02, 0x00, 0x5e, 0x10, 0x20, 0x30];

    /// <summary>A DISCOVER as a typical Linux client sends it.</summary>
    public static byte[] Discover(uint xid = 0x11223344, bool broadcast = false)
    {
        var buffer = new byte[1024];
        var writer = new DhcpPacketWriter(buffer, 1024);
        writer.Op = DhcpOp.BootRequest;
        writer.HardwareType = 1;
        writer.TransactionId = xid;
        writer.Secs = 3;
        writer.Flags = broadcast ? DhcpConstants.BroadcastFlag : (ushort)0;
        writer.SetClientHardwareAddress(Mac);
        writer.WriteMessageType(DhcpMessageType.Discover);
        writer.WriteOption(DhcpOptionCode.ClientIdentifier, [1, .. Mac]);
        writer.WriteOption(DhcpOptionCode.RequestedAddress, Ipv4Address.Parse("192.0.2.10"));
        writer.WriteUInt16Option(DhcpOptionCode.MaxMessageSize, 1500);
        writer.WriteOption(DhcpOptionCode.ParameterRequestList, [1, 3, 6, 15, 51, 54]);
        writer.WriteOption(DhcpOptionCode.HostName, "client-1"u8);
        var length = writer.Finish();
        return buffer[..length];
    }
}
