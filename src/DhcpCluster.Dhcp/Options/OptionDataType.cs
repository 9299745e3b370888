namespace DhcpCluster.Dhcp.Options;

/// <summary>The data formats of option definitions, with Kea's type names (Kea ARM, "List of standard DHCP option types").</summary>
public enum OptionDataType
{
    /// <summary><c>empty</c>: no data of its own (a container of sub-options).</summary>
    Empty,

    /// <summary><c>binary</c>: arbitrary bytes, written as hex digits.</summary>
    Binary,

    /// <summary><c>boolean</c>: one byte, 0 or 1, written true/false.</summary>
    Boolean,

    /// <summary><c>int8</c>.</summary>
    Int8,

    /// <summary><c>int16</c>.</summary>
    Int16,

    /// <summary><c>int32</c>.</summary>
    Int32,

    /// <summary><c>uint8</c>.</summary>
    UInt8,

    /// <summary><c>uint16</c>.</summary>
    UInt16,

    /// <summary><c>uint32</c>.</summary>
    UInt32,

    /// <summary><c>ipv4-address</c>: 4 bytes, dotted quad.</summary>
    Ipv4Address,

    /// <summary><c>ipv6-address</c>: 16 bytes, colon notation.</summary>
    Ipv6Address,

    /// <summary><c>ipv6-prefix</c>: a length byte then the significant prefix bytes, "2001:db8::/32".</summary>
    Ipv6Prefix,

    /// <summary><c>psid</c>: PSID length byte and a 16-bit PSID left-aligned (RFC 7618), written "PSID/length".</summary>
    Psid,

    /// <summary><c>string</c>: text bytes as they are.</summary>
    String,

    /// <summary><c>fqdn</c>: a domain name in RFC 1035 wire encoding, written "host.example.com.".</summary>
    Fqdn,

    /// <summary><c>tuple</c>: a length-prefixed string.</summary>
    Tuple,

    /// <summary><c>record</c>: a sequence of fields of the definition's record types.</summary>
    Record,

    /// <summary><c>internal</c>: a format of its own (classless-static-route, RFC 3442).</summary>
    Internal,
}
