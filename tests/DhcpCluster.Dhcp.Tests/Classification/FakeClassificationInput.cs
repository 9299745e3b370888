using DhcpCluster.Dhcp.Classification;

namespace DhcpCluster.Dhcp.Tests.Classification;

/// <summary>A packet stand-in for expression tests.</summary>
internal sealed class FakeClassificationInput : IClassificationInput
{
    public Dictionary<byte, byte[]> Options { get; } = [];

    public Dictionary<byte, byte[]> RelaySubOptions { get; } = [];

    public byte[] Mac { get; set; } = [0x02, 0, 0, 0, 0, 0x01];

    public byte HardwareType { get; set; } = 1;

    public ReadOnlySpan<byte> ClientHardwareAddress => Mac;

    public Ipv4Address ClientAddress { get; set; }

    public Ipv4Address YourAddress { get; set; }

    public Ipv4Address ServerAddress { get; set; }

    public Ipv4Address RelayAddress { get; set; }

    public byte MessageType { get; set; } = 1;

    public uint TransactionId { get; set; } = 0xdeadbeef;

    public bool TryGetOption(byte code, out ReadOnlySpan<byte> value)
    {
        var found = Options.TryGetValue(code, out var bytes);
        value = bytes;
        return found;
    }

    public bool TryGetRelayAgentSubOption(byte code, out ReadOnlySpan<byte> value)
    {
        var found = RelaySubOptions.TryGetValue(code, out var bytes);
        value = bytes;
        return found;
    }
}
