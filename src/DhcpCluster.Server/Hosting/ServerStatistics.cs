using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Server.Leases;

namespace DhcpCluster.Server.Hosting;

/// <summary>
/// Counters of the packet path, named after Kea's statistics where one exists (pkt4-received, pkt4-parse-failed,
/// pkt4-ack-sent, ...). Written with interlocked increments from the receive loops and the actors; read at any time.
/// </summary>
public sealed class ServerStatistics
{
    private long received;
    private long parseFailed;
    private long noSubnet;
    private long duplicatesDropped;
    private long retransmissionsAnswered;
    private long offersSent;
    private long acksSent;
    private long naksSent;
    private long sendFailed;
    private long leasesBound;
    private long leasesReleased;
    private long leasesDeclined;
    private long leasesExpired;
    private long journalFailures;
    private long answeredFromDurableState;
    private long refusedDuringOutage;
    private long decisionTimeouts;
    private long clientActorsAlive;
    private long memoryTrims;
    private long declinedReclaimed;
    private readonly long[] receivedByType = new long[256];

    /// <summary>Frames received on all interfaces (pkt4-received).</summary>
    public long Received => Volatile.Read(ref received);

    /// <summary>Malformed or truncated frames dropped (pkt4-parse-failed).</summary>
    public long ParseFailed => Volatile.Read(ref parseFailed);

    /// <summary>Requests dropped because no subnet matches (pkt4-receive-drop, no subnet).</summary>
    public long NoSubnet => Volatile.Read(ref noSubnet);

    /// <summary>Copies of a frame dropped within the duplicate window.</summary>
    public long DuplicatesDropped => Volatile.Read(ref duplicatesDropped);

    /// <summary>Retransmissions answered with the previous answer.</summary>
    public long RetransmissionsAnswered => Volatile.Read(ref retransmissionsAnswered);

    /// <summary>pkt4-offer-sent.</summary>
    public long OffersSent => Volatile.Read(ref offersSent);

    /// <summary>pkt4-ack-sent.</summary>
    public long AcksSent => Volatile.Read(ref acksSent);

    /// <summary>pkt4-nak-sent.</summary>
    public long NaksSent => Volatile.Read(ref naksSent);

    /// <summary>Replies the socket could not send.</summary>
    public long SendFailed => Volatile.Read(ref sendFailed);

    /// <summary>Lease events written: bound or renewed.</summary>
    public long LeasesBound => Volatile.Read(ref leasesBound);

    /// <summary>Lease events written: released.</summary>
    public long LeasesReleased => Volatile.Read(ref leasesReleased);

    /// <summary>Lease events written: declined (declined-addresses).</summary>
    public long LeasesDeclined => Volatile.Read(ref leasesDeclined);

    /// <summary>Lease events written: expired (reclaimed-leases).</summary>
    public long LeasesExpired => Volatile.Read(ref leasesExpired);

    /// <summary>Journal writes that failed (database outage).</summary>
    public long JournalFailures => Volatile.Read(ref journalFailures);

    /// <summary>Known clients answered from their durable lease while the journal was unavailable.</summary>
    public long AnsweredFromDurableState => Volatile.Read(ref answeredFromDurableState);

    /// <summary>Requests left unanswered because they needed a new address while the journal was unavailable.</summary>
    public long RefusedDuringOutage => Volatile.Read(ref refusedDuringOutage);

    /// <summary>Client messages given up after the decision timeout.</summary>
    public long DecisionTimeouts => Volatile.Read(ref decisionTimeouts);

    /// <summary>Durable leases per subnet (assigned, declined), kept by the pool owners.</summary>
    public SubnetLeaseCounts Leases { get; } = new();

    /// <summary>Client actors alive on this node (a gauge).</summary>
    public long ClientActorsAlive => Volatile.Read(ref clientActorsAlive);

    /// <summary>Parsed client messages received of a DHCP message type (pkt4-discover-received, pkt4-request-received, ...).</summary>
    public long ReceivedOfType(DhcpMessageType type) => Volatile.Read(ref receivedByType[(byte)type]);

    internal void CountReceivedType(DhcpMessageType type) => Interlocked.Increment(ref receivedByType[(byte)type]);

    /// <summary>Declined addresses returned to the pool after their probation (reclaimed-declined-addresses).</summary>
    public long DeclinedReclaimed => Volatile.Read(ref declinedReclaimed);

    internal void CountDeclinedReclaimed() => Interlocked.Increment(ref declinedReclaimed);

    /// <summary>Times the client registry returned freed memory to the system after a passivation wave.</summary>
    public long MemoryTrims => Volatile.Read(ref memoryTrims);

    internal void CountMemoryTrim() => Interlocked.Increment(ref memoryTrims);

    internal void CountClientActorStarted() => Interlocked.Increment(ref clientActorsAlive);

    internal void CountClientActorStopped() => Interlocked.Decrement(ref clientActorsAlive);

    internal void CountReceived() => Interlocked.Increment(ref received);

    internal void CountParseFailed() => Interlocked.Increment(ref parseFailed);

    internal void CountNoSubnet() => Interlocked.Increment(ref noSubnet);

    internal void CountDuplicateDropped() => Interlocked.Increment(ref duplicatesDropped);

    internal void CountRetransmissionAnswered() => Interlocked.Increment(ref retransmissionsAnswered);

    internal void CountOfferSent() => Interlocked.Increment(ref offersSent);

    internal void CountAckSent() => Interlocked.Increment(ref acksSent);

    internal void CountNakSent() => Interlocked.Increment(ref naksSent);

    internal void CountSendFailed() => Interlocked.Increment(ref sendFailed);

    internal void CountLeaseBound() => Interlocked.Increment(ref leasesBound);

    internal void CountLeaseReleased() => Interlocked.Increment(ref leasesReleased);

    internal void CountLeaseDeclined() => Interlocked.Increment(ref leasesDeclined);

    internal void CountLeaseExpired() => Interlocked.Increment(ref leasesExpired);

    internal void CountJournalFailure() => Interlocked.Increment(ref journalFailures);

    internal void CountAnsweredFromDurableState() => Interlocked.Increment(ref answeredFromDurableState);

    internal void CountRefusedDuringOutage() => Interlocked.Increment(ref refusedDuringOutage);

    internal void CountDecisionTimeout() => Interlocked.Increment(ref decisionTimeouts);

    /// <summary>All counters as name/value pairs (Kea's statistic names where one exists).</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Snapshot() =>
    [
        new("pkt4-received", Received),
        new("pkt4-parse-failed", ParseFailed),
        new("pkt4-no-subnet", NoSubnet),
        new("pkt4-duplicate-dropped", DuplicatesDropped),
        new("pkt4-retransmission-answered", RetransmissionsAnswered),
        new("pkt4-offer-sent", OffersSent),
        new("pkt4-ack-sent", AcksSent),
        new("pkt4-nak-sent", NaksSent),
        new("pkt4-send-failed", SendFailed),
        new("lease4-bound", LeasesBound),
        new("lease4-released", LeasesReleased),
        new("declined-addresses", LeasesDeclined),
        new("reclaimed-leases", LeasesExpired),
        new("journal-write-failed", JournalFailures),
        new("answered-from-durable-state", AnsweredFromDurableState),
        new("refused-during-outage", RefusedDuringOutage),
        new("decision-timeouts", DecisionTimeouts),
    ];
}
