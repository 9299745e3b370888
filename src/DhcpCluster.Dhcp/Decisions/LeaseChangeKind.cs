namespace DhcpCluster.Dhcp.Decisions;

/// <summary>The lease change a decision made (to persist as an event before the reply is sent, RFC 2131 §3.1).</summary>
public enum LeaseChangeKind
{
    /// <summary>No change.</summary>
    None,

    /// <summary>An address is held for an offer.</summary>
    Offered,

    /// <summary>A lease was bound or extended.</summary>
    Bound,

    /// <summary>A lease was released.</summary>
    Released,

    /// <summary>An address was declined and is on probation.</summary>
    Declined,

    /// <summary>An offer was withdrawn because the client chose another server.</summary>
    OfferWithdrawn,
}
