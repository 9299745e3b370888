using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Dhcp.Tests.Codec;

public class DhcpPacketTests
{
    [Fact]
    public void Rfc2131_S2_header_fields_round_trip()
    {
        var frame = TestPackets.Discover(xid: 0xCAFEBABE, broadcast: true);
        var packet = new DhcpPacket();

        Assert.True(DhcpPacket.TryParse(frame, packet, out var error), error.ToString());
        Assert.Equal(DhcpOp.BootRequest, packet.Op);
        Assert.Equal(1, packet.HardwareType);
        Assert.Equal(6, packet.HardwareLength);
        Assert.Equal(0xCAFEBABEu, packet.TransactionId);
        Assert.Equal(3, packet.Secs);
        Assert.True(packet.IsBroadcast);
        Assert.Equal(TestPackets.Mac, packet.ClientHardwareAddress.ToArray());
        Assert.Equal(DhcpMessageType.Discover, packet.MessageType);
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), packet.RequestedAddress);
        Assert.Equal((ushort)1500, packet.MaxMessageSize);
        Assert.Equal(1500 - 28, packet.MaxReplyPayloadSize);
        Assert.Equal(new byte[] { 1, 3, 6, 15, 51, 54 }, packet.ParameterRequestList.ToArray());
        Assert.Equal("client-1", packet.GetOptionText(DhcpOptionCode.HostName));
        Assert.Equal(new byte[] { 53, 61, 50, 57, 55, 12 }, packet.OptionCodes.ToArray());
        Assert.Equal(300, packet.Length);
    }
}
