namespace DhcpCluster.Dhcp.Identity;

/// <summary>What a <see cref="ClientKey"/> is made of.</summary>
public enum ClientKeyKind : byte
{
    /// <summary>No key (default value).</summary>
    None = 0,

    /// <summary>Hardware type followed by chaddr (<c>hlen</c> bytes).</summary>
    HardwareAddress = 1,

    /// <summary>The client identifier option (61) value, type byte included (RFC 2132 §9.14, RFC 4361).</summary>
    ClientIdentifier = 2,
}
