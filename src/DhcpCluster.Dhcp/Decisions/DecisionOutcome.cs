namespace DhcpCluster.Dhcp.Decisions;

/// <summary>Why a decision came out as it did (for logs with Kea-style message ids and for tests).</summary>
public enum DecisionOutcome
{
    /// <summary>Nothing decided yet.</summary>
    None,

    /// <summary>An address was offered.</summary>
    Offered,

    /// <summary>A lease was bound or extended.</summary>
    Acknowledged,

    /// <summary>A DHCPINFORM was answered.</summary>
    Informed,

    /// <summary>The lease was released.</summary>
    Released,

    /// <summary>The address was put on probation.</summary>
    Declined,

    /// <summary>The client selected another server; our offer was withdrawn (RFC 2131 §4.3.2).</summary>
    OtherServerSelected,

    /// <summary>NAK: the requested address is not on the client's network.</summary>
    NakWrongNetwork,

    /// <summary>NAK: the address is not the client's lease (another client holds it, or the client's lease is another address).</summary>
    NakNotClientsLease,

    /// <summary>NAK: the requested address cannot be given (not in a pool the client may use, excluded, reserved for another).</summary>
    NakAddressUnavailable,

    /// <summary>Silence: not authoritative and the address is on another network.</summary>
    SilentWrongNetwork,

    /// <summary>Silence: not authoritative and no record of the client.</summary>
    SilentNoRecord,

    /// <summary>Dropped: the packet did not parse, or is not a client message.</summary>
    DroppedInvalid,

    /// <summary>Dropped: no subnet matches the client's location.</summary>
    DroppedNoSubnet,

    /// <summary>Dropped: no address is available for the client.</summary>
    DroppedNoAddress,

    /// <summary>Dropped: a RELEASE or DECLINE that does not match a lease of the client.</summary>
    DroppedNoLease,
}
