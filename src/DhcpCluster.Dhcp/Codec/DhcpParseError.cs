namespace DhcpCluster.Dhcp.Codec;

/// <summary>Why a byte string is not a DHCPv4 message we accept. Parsing reports these; it never throws.</summary>
public enum DhcpParseError
{
    /// <summary>The message parsed.</summary>
    None = 0,

    /// <summary>Fewer than the 236 bytes of the fixed BOOTP header (RFC 2131 §2).</summary>
    TruncatedHeader,

    /// <summary>The 4 bytes after the header are missing or not 99.130.83.99 (RFC 2131 §3): a plain BOOTP message or garbage.</summary>
    BadMagicCookie,

    /// <summary>The op field is neither BOOTREQUEST (1) nor BOOTREPLY (2).</summary>
    BadOp,

    /// <summary>hlen is larger than the 16 bytes of chaddr (RFC 2131 §2).</summary>
    BadHardwareLength,

    /// <summary>An option's length byte or its data runs past the end of the field that holds it (RFC 2132 §2).</summary>
    OptionOverrunsBuffer,

    /// <summary>Option 52 is not one byte of value 1, 2 or 3, or was given more than once (RFC 2132 §9.3).</summary>
    BadOverload,

    /// <summary>Option 53 is absent (RFC 2131 §3: every DHCP message carries it).</summary>
    MissingMessageType,

    /// <summary>Option 53 is not one byte, or its value is not a known message type (RFC 2132 §9.6).</summary>
    BadMessageType,
}
