using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Clients;

namespace DhcpCluster.Server.Leases;

/// <summary>Messages a <see cref="PoolOwnerActor"/> handles and answers.</summary>
public static partial class PoolOwnerProtocol
{
    /// <summary>Decide on a client message; answered with <see cref="Decided"/> once any lease change is durable.</summary>
    public sealed record Decide(ClientProtocol.InboundPacket Packet);

    /// <summary>
    /// The answer to <see cref="Decide"/>: the reply to send (null for none) and where, sent only after the lease
    /// event it depends on was written.
    /// </summary>
    /// <param name="Reply">The reply payload, or null when the request gets no reply.</param>
    /// <param name="ReplyType">The reply's message type (None without a reply).</param>
    /// <param name="Destination">Where RFC 2131 §4.1 sends it.</param>
    /// <param name="ServerIdentifier">Option 54 of the reply (the source address of raw frames).</param>
    /// <param name="Outcome">Why the decision came out as it did.</param>
    /// <param name="Address">The address concerned (yiaddr, released or declined address), if any.</param>
    /// <param name="LeaseTime">Seconds granted (0 without a lease).</param>
    public sealed record Decided(
        byte[]? Reply,
        DhcpMessageType ReplyType,
        ReplyDestination Destination,
        Ipv4Address ServerIdentifier,
        DecisionOutcome Outcome,
        Ipv4Address Address,
        uint LeaseTime);

    /// <summary>Asks for the owner's current leases (answered with <see cref="LeaseList"/>).</summary>
    public sealed record GetLeases
    {
        /// <summary>The instance.</summary>
        public static GetLeases Instance { get; } = new();
    }

    /// <summary>The owner's leases: those in memory (offers included) and those durable.</summary>
    public sealed record LeaseList(IReadOnlyList<Lease> Current, IReadOnlyList<Lease> Durable);

    /// <summary>Timer message: reclaim expired leases now.</summary>
    public sealed record ReclaimExpired
    {
        /// <summary>The instance.</summary>
        public static ReclaimExpired Instance { get; } = new();
    }

    /// <summary>Timer message while lease writes are refused: look whether the database is healthy again.</summary>
    public sealed record JournalProbe
    {
        /// <summary>The instance.</summary>
        public static JournalProbe Instance { get; } = new();
    }

    /// <summary>
    /// Adopt the leases of a Kea lease file (memfile <c>name</c>) that fall in this owner's domain: done once, when the
    /// owner's journal is still empty; the bound and declined leases that have not expired are written as events.
    /// </summary>
    /// <param name="File">The Kea lease file, for the log.</param>
    /// <param name="Leases">The file's leases of this domain.</param>
    public sealed record ImportLeases(string File, IReadOnlyList<Lease> Leases);
}
