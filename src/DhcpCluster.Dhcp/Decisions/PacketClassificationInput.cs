using DhcpCluster.Dhcp.Classification;
using DhcpCluster.Dhcp.Codec;

namespace DhcpCluster.Dhcp.Decisions;

/// <summary>Adapts a parsed <see cref="DhcpPacket"/> to what class tests read; one reusable instance per engine.</summary>
public sealed class PacketClassificationInput : IClassificationInput
{
    private DhcpPacket packet = new();

    /// <summary>The packet read.</summary>
    public DhcpPacket Packet
    {
        get => packet;
        set => packet = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <inheritdoc/>
    public byte HardwareType => packet.HardwareType;

    /// <inheritdoc/>
    public ReadOnlySpan<byte> ClientHardwareAddress => packet.ClientHardwareAddress;

    /// <inheritdoc/>
    public Ipv4Address ClientAddress => packet.ClientAddress;

    /// <inheritdoc/>
    public Ipv4Address YourAddress => packet.YourAddress;

    /// <inheritdoc/>
    public Ipv4Address ServerAddress => packet.ServerAddress;

    /// <inheritdoc/>
    public Ipv4Address RelayAddress => packet.RelayAddress;

    /// <inheritdoc/>
    public byte MessageType => (byte)packet.MessageType;

    /// <inheritdoc/>
    public uint TransactionId => packet.TransactionId;

    /// <inheritdoc/>
    public bool TryGetOption(byte code, out ReadOnlySpan<byte> value) => packet.TryGetOption(code, out value);

    /// <inheritdoc/>
    public bool TryGetRelayAgentSubOption(byte code, out ReadOnlySpan<byte> value) =>
        packet.RelayAgentInformation.TryGetSubOption(code, out value);
}
