namespace DhcpCluster.Dhcp.Classification;

/// <summary>The <c>pkt4.*</c> fields a test expression may read.</summary>
public enum Pkt4Field
{
    /// <summary><c>pkt4.mac</c>: chaddr, hlen bytes.</summary>
    Mac,

    /// <summary><c>pkt4.hlen</c>, as a 4-byte integer.</summary>
    HardwareLength,

    /// <summary><c>pkt4.htype</c>, as a 4-byte integer.</summary>
    HardwareType,

    /// <summary><c>pkt4.ciaddr</c>.</summary>
    ClientAddress,

    /// <summary><c>pkt4.yiaddr</c>.</summary>
    YourAddress,

    /// <summary><c>pkt4.siaddr</c>.</summary>
    ServerAddress,

    /// <summary><c>pkt4.giaddr</c>.</summary>
    RelayAddress,

    /// <summary><c>pkt4.msgtype</c>, as a 4-byte integer.</summary>
    MessageType,

    /// <summary><c>pkt4.transid</c>, as a 4-byte integer.</summary>
    TransactionId,
}
