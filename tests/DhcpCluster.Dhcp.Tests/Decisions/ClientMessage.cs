using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Dhcp.Tests.Decisions;

/// <summary>Builds client messages as bytes with the codec writer, and parses them, for the decision tests.</summary>
internal sealed class ClientMessage
{
    private readonly List<(byte Code, byte[] Value)> options = [];

    public ClientMessage(DhcpMessageType type, byte[] mac)
    {
        Type = type;
        Mac = mac;
    }

    public DhcpMessageType Type { get; }

    public byte[] Mac { get; }

    public uint TransactionId { get; set; } = 0x1234;

    public bool Broadcast { get; set; }

    public Ipv4Address ClientAddress { get; set; }

    public Ipv4Address RelayAddress { get; set; }

    public static byte[] MacOf(int n) => [0x02, 0x00, 0x00, (byte)(n >> 16), (byte)(n >> 8), (byte)n];

    public static ClientMessage Discover(byte[] mac) => new(DhcpMessageType.Discover, mac);

    public static ClientMessage Request(byte[] mac) => new(DhcpMessageType.Request, mac);

    public ClientMessage With(byte code, params byte[] value)
    {
        options.Add((code, value));
        return this;
    }

    public ClientMessage With(byte code, Ipv4Address address)
    {
        var bytes = new byte[4];
        address.WriteTo(bytes);
        return With(code, bytes);
    }

    public ClientMessage With(byte code, string address) => With(code, Ipv4Address.Parse(address));

    public ClientMessage WithClientId(params byte[] id) => With(61, id);

    public ClientMessage WithPrl(params byte[] codes) => With(55, codes);

    public ClientMessage WithMaxSize(ushort size) => With(57, (byte)(size >> 8), (byte)size);

    public ClientMessage Ciaddr(string address)
    {
        ClientAddress = Ipv4Address.Parse(address);
        return this;
    }

    public ClientMessage Giaddr(string address)
    {
        RelayAddress = Ipv4Address.Parse(address);
        return this;
    }

    public ClientMessage WithBroadcast()
    {
        Broadcast = true;
        return this;
    }

    public byte[] ToBytes()
    {
        var buffer = new byte[1500];
        var writer = new DhcpPacketWriter(buffer, 1500);
        writer.Op = DhcpOp.BootRequest;
        writer.HardwareType = 1;
        writer.TransactionId = TransactionId;
        writer.Flags = Broadcast ? DhcpConstants.BroadcastFlag : (ushort)0;
        writer.ClientAddress = ClientAddress;
        writer.RelayAddress = RelayAddress;
        writer.SetClientHardwareAddress(Mac);
        writer.WriteMessageType(Type);
        foreach (var (code, value) in options)
        {
            Assert.True(writer.WriteOption(code, value));
        }

        var length = writer.Finish();
        return buffer[..length];
    }

    public DhcpPacket ToPacket()
    {
        var packet = new DhcpPacket();
        Assert.True(DhcpPacket.TryParse(ToBytes(), packet, out var error), error.ToString());
        return packet;
    }
}
