namespace DhcpCluster.Dhcp.Classification;

/// <summary>
/// What a client-class <c>test</c> expression may read from the incoming packet. The decision layer adapts the
/// parsed packet to it; tests can supply any implementation.
/// </summary>
public interface IClassificationInput
{
    /// <summary>The value of a top-level option (after RFC 3396 concatenation), if present.</summary>
    bool TryGetOption(byte code, out ReadOnlySpan<byte> value);

    /// <summary>The value of a relay agent information (82) sub-option, if present.</summary>
    bool TryGetRelayAgentSubOption(byte code, out ReadOnlySpan<byte> value);

    /// <summary>The <c>htype</c> field.</summary>
    byte HardwareType { get; }

    /// <summary>The <c>chaddr</c> field, <c>hlen</c> bytes long.</summary>
    ReadOnlySpan<byte> ClientHardwareAddress { get; }

    /// <summary>The <c>ciaddr</c> field.</summary>
    Ipv4Address ClientAddress { get; }

    /// <summary>The <c>yiaddr</c> field.</summary>
    Ipv4Address YourAddress { get; }

    /// <summary>The <c>siaddr</c> field.</summary>
    Ipv4Address ServerAddress { get; }

    /// <summary>The <c>giaddr</c> field.</summary>
    Ipv4Address RelayAddress { get; }

    /// <summary>The message type (option 53), 0 for BOOTP.</summary>
    byte MessageType { get; }

    /// <summary>The <c>xid</c> field.</summary>
    uint TransactionId { get; }
}
