namespace DhcpCluster.Dhcp.Codec;

/// <summary>Sizes and offsets of the BOOTP/DHCP message (RFC 2131 §2, figure 1).</summary>
public static class DhcpConstants
{
    /// <summary>Bytes of the fixed header, op through file.</summary>
    public const int HeaderSize = 236;

    /// <summary>Offset of the magic cookie and the options field.</summary>
    public const int MagicCookieOffset = 236;

    /// <summary>Offset of the first option.</summary>
    public const int OptionsOffset = 240;

    /// <summary>The magic cookie 99.130.83.99 as a big-endian integer (RFC 2131 §3).</summary>
    public const uint MagicCookie = 0x63825363;

    /// <summary>Offset of sname, 64 bytes.</summary>
    public const int ServerNameOffset = 44;

    /// <summary>Size of sname.</summary>
    public const int ServerNameSize = 64;

    /// <summary>Offset of file, 128 bytes.</summary>
    public const int BootFileNameOffset = 108;

    /// <summary>Size of file.</summary>
    public const int BootFileNameSize = 128;

    /// <summary>Offset of chaddr, 16 bytes.</summary>
    public const int ClientHardwareAddressOffset = 28;

    /// <summary>Size of chaddr.</summary>
    public const int ClientHardwareAddressSize = 16;

    /// <summary>
    /// The smallest message servers send: the 236-byte header plus a 64-byte vendor area, the size of a BOOTP
    /// message (RFC 951, RFC 1542 §2.1); shorter replies are padded with zeros after End.
    /// </summary>
    public const int MinimumMessageSize = 300;

    /// <summary>
    /// The smallest IP datagram every DHCP client must accept (RFC 2131 §2: 312 bytes of options, 576 in all),
    /// and the smallest legal value of option 57 (RFC 2132 §9.10).
    /// </summary>
    public const int MinimumMaxMessageSize = 576;

    /// <summary>IPv4 header (without options) plus UDP header.</summary>
    public const int IpUdpHeaderSize = 28;

    /// <summary>
    /// The largest DHCP payload a client that sent no option 57 accepts: 576 - 28 = 548 bytes.
    /// </summary>
    public const int DefaultMaxPayloadSize = MinimumMaxMessageSize - IpUdpHeaderSize;

    /// <summary>The flags bit asking for a broadcast reply (RFC 2131 §2).</summary>
    public const ushort BroadcastFlag = 0x8000;

    /// <summary>Option 52 value: the file field holds options.</summary>
    public const byte OverloadFile = 1;

    /// <summary>Option 52 value: the sname field holds options.</summary>
    public const byte OverloadServerName = 2;

    /// <summary>
    /// The largest DHCP payload for a client's option 57 value (null when absent): option 57 is the size of the
    /// whole IP datagram the client accepts (RFC 2132 §9.10; at least 576), so the DHCP message may use that minus
    /// the 20-byte IP and 8-byte UDP headers. Values below 576 are raised to 576.
    /// </summary>
    public static int MaxPayloadSize(ushort? clientMaxMessageSize)
    {
        var datagram = clientMaxMessageSize is { } v && v > MinimumMaxMessageSize ? v : MinimumMaxMessageSize;
        return datagram - IpUdpHeaderSize;
    }
}
