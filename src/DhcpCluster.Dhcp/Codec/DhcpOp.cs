namespace DhcpCluster.Dhcp.Codec;

/// <summary>The BOOTP op field (RFC 2131 §2, RFC 951).</summary>
public enum DhcpOp : byte
{
    /// <summary>Client to server.</summary>
    BootRequest = 1,

    /// <summary>Server to client.</summary>
    BootReply = 2,
}
