namespace DhcpCluster.Dhcp.Decisions;

/// <summary>The reply a decision calls for.</summary>
public enum ReplyKind
{
    /// <summary>No reply (RELEASE, DECLINE, a request for another server, silence when not authoritative, drops).</summary>
    None,

    /// <summary>DHCPOFFER.</summary>
    Offer,

    /// <summary>DHCPACK binding a lease.</summary>
    Ack,

    /// <summary>DHCPNAK.</summary>
    Nak,

    /// <summary>DHCPACK to a DHCPINFORM: options only, no yiaddr, no lease times (RFC 2131 §4.3.5).</summary>
    InformAck,
}
