namespace DhcpCluster.Dhcp.Decisions;

/// <summary>The client state a DHCPREQUEST comes from (RFC 2131 §4.3.2).</summary>
public enum ClientState
{
    /// <summary>Not a DHCPREQUEST, or a malformed one.</summary>
    None,

    /// <summary>Option 54 present, ciaddr 0, option 50 the offered address: answering an offer.</summary>
    Selecting,

    /// <summary>No option 54, option 50 present, ciaddr 0: verifying a remembered address after a reboot.</summary>
    InitReboot,

    /// <summary>No option 54, ciaddr set, sent by unicast to this server: extending a lease.</summary>
    Renewing,

    /// <summary>No option 54, ciaddr set, broadcast (or relayed): extending a lease from any server.</summary>
    Rebinding,
}
