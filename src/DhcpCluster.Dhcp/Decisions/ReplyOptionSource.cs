namespace DhcpCluster.Dhcp.Decisions;

/// <summary>Where the value of a reply option comes from when the reply is written.</summary>
public enum ReplyOptionSource : byte
{
    /// <summary>Computed from the decision (54, 51, 58, 59, 1 from the subnet mask, 12 from the reservation, 60 for PXE).</summary>
    Generated,

    /// <summary>Configured option-data, chosen by Kea's precedence.</summary>
    Configured,

    /// <summary>Copied unchanged from the request (61 per RFC 6842, 82 per RFC 3046, 97 for PXE).</summary>
    Echoed,
}
