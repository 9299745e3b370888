using DhcpCluster.Dhcp;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Server.Logging;

/// <summary>
/// Log lines with stable message ids in Kea's style (the id starts the text, and is the event name), carrying the
/// client and transaction id. Per-packet messages are at debug level so the hot path only pays a level check.
/// </summary>
internal static partial class DhcpLog
{
    [LoggerMessage(EventId = 1001, EventName = "DHCP4_PACKET_RECEIVED", Level = LogLevel.Debug,
        Message = "DHCP4_PACKET_RECEIVED {Client} tid=0x{TransactionId:x8}: {MessageType} ({Length} bytes) received on {Interface} by {Via}")]
    public static partial void PacketReceived(ILogger logger, string client, uint transactionId, string messageType, int length, string @interface, string via);

    [LoggerMessage(EventId = 1002, EventName = "DHCP4_PACKET_DROP_0001", Level = LogLevel.Debug,
        Message = "DHCP4_PACKET_DROP_0001 failed to parse a packet of {Length} bytes on {Interface}: {Error}")]
    public static partial void PacketParseFailed(ILogger logger, int length, string @interface, string error);

    [LoggerMessage(EventId = 1003, EventName = "DHCP4_SUBNET_SELECTION_FAILED", Level = LogLevel.Debug,
        Message = "DHCP4_SUBNET_SELECTION_FAILED {Client} tid=0x{TransactionId:x8}: no subnet for a {MessageType} received on {Interface}")]
    public static partial void NoSubnet(ILogger logger, string client, uint transactionId, string messageType, string @interface);

    [LoggerMessage(EventId = 1004, EventName = "DHCP4_DUPLICATE_DROPPED", Level = LogLevel.Debug,
        Message = "DHCP4_DUPLICATE_DROPPED {Client} tid=0x{TransactionId:x8}: copy of a {MessageType} already handled {AgeMs} ms ago, received on {Interface}, dropped")]
    public static partial void DuplicateDropped(ILogger logger, string client, uint transactionId, string messageType, long ageMs, string @interface);

    [LoggerMessage(EventId = 1005, EventName = "DHCP4_RETRANSMISSION_ANSWERED", Level = LogLevel.Debug,
        Message = "DHCP4_RETRANSMISSION_ANSWERED {Client} tid=0x{TransactionId:x8}: retransmitted {MessageType} answered with the previous answer")]
    public static partial void RetransmissionAnswered(ILogger logger, string client, uint transactionId, string messageType);

    [LoggerMessage(EventId = 1006, EventName = "DHCP4_LEASE_OFFER", Level = LogLevel.Debug,
        Message = "DHCP4_LEASE_OFFER {Client} tid=0x{TransactionId:x8}: lease {Address} will be offered")]
    public static partial void LeaseOffer(ILogger logger, string client, uint transactionId, Ipv4Address address);

    [LoggerMessage(EventId = 1007, EventName = "DHCP4_LEASE_ALLOC", Level = LogLevel.Debug,
        Message = "DHCP4_LEASE_ALLOC {Client} tid=0x{TransactionId:x8}: lease {Address} has been allocated for {Lifetime} seconds")]
    public static partial void LeaseAlloc(ILogger logger, string client, uint transactionId, Ipv4Address address, uint lifetime);

    [LoggerMessage(EventId = 1008, EventName = "DHCP4_PACKET_SEND", Level = LogLevel.Debug,
        Message = "DHCP4_PACKET_SEND {Client} tid=0x{TransactionId:x8}: trying to send {MessageType} to {Destination} port {Port} on {Interface}")]
    public static partial void PacketSend(ILogger logger, string client, uint transactionId, string messageType, Ipv4Address destination, int port, string @interface);

    [LoggerMessage(EventId = 1009, EventName = "DHCP4_RELEASE", Level = LogLevel.Debug,
        Message = "DHCP4_RELEASE {Client} tid=0x{TransactionId:x8}: address {Address} was released properly")]
    public static partial void Release(ILogger logger, string client, uint transactionId, Ipv4Address address);

    [LoggerMessage(EventId = 1010, EventName = "DHCP4_DECLINE_LEASE", Level = LogLevel.Information,
        Message = "DHCP4_DECLINE_LEASE {Client} tid=0x{TransactionId:x8}: address {Address} was declined and is on probation for {Seconds} seconds")]
    public static partial void Decline(ILogger logger, string client, uint transactionId, Ipv4Address address, long seconds);

    [LoggerMessage(EventId = 1011, EventName = "DHCP4_PACKET_NAK", Level = LogLevel.Debug,
        Message = "DHCP4_PACKET_NAK {Client} tid=0x{TransactionId:x8}: DHCPNAK ({Outcome})")]
    public static partial void Nak(ILogger logger, string client, uint transactionId, string outcome);

    [LoggerMessage(EventId = 1012, EventName = "DHCP4_PACKET_DROP", Level = LogLevel.Debug,
        Message = "DHCP4_PACKET_DROP {Client} tid=0x{TransactionId:x8}: {MessageType} not answered ({Outcome})")]
    public static partial void NotAnswered(ILogger logger, string client, uint transactionId, string messageType, string outcome);

    [LoggerMessage(EventId = 1013, EventName = "DHCP4_INFORM", Level = LogLevel.Debug,
        Message = "DHCP4_INFORM {Client} tid=0x{TransactionId:x8}: DHCPINFORM answered")]
    public static partial void Inform(ILogger logger, string client, uint transactionId);

    [LoggerMessage(EventId = 1020, EventName = "DHCP4_LEASE_RECLAIM", Level = LogLevel.Debug,
        Message = "DHCP4_LEASE_RECLAIM {Client}: lease {Address} expired and was reclaimed")]
    public static partial void LeaseReclaimed(ILogger logger, string client, Ipv4Address address);

    [LoggerMessage(EventId = 1021, EventName = "DHCP4_POOL_OWNER_RECOVERED", Level = LogLevel.Information,
        Message = "DHCP4_POOL_OWNER_RECOVERED {PersistenceId}: {Leases} leases recovered (sequence number {SequenceNr})")]
    public static partial void OwnerRecovered(ILogger logger, string persistenceId, int leases, long sequenceNr);

    [LoggerMessage(EventId = 1022, EventName = "DHCP4_POOL_OWNER_FENCED", Level = LogLevel.Error,
        Message = "DHCP4_POOL_OWNER_FENCED {PersistenceId}: another owner wrote sequence number {SequenceNr} first; this stale owner stops without answering")]
    public static partial void OwnerFenced(ILogger logger, string persistenceId, long sequenceNr);

    [LoggerMessage(EventId = 1023, EventName = "DHCP4_LEASE_DATABASE_LOST", Level = LogLevel.Error,
        Message = "DHCP4_LEASE_DATABASE_LOST {PersistenceId}: a lease write failed ({Error}); known clients are answered within their durable expiry, no new address is handed out until the journal is back")]
    public static partial void JournalLost(ILogger logger, string persistenceId, string error);

    [LoggerMessage(EventId = 1024, EventName = "DHCP4_LEASE_DATABASE_RECOVERED", Level = LogLevel.Information,
        Message = "DHCP4_LEASE_DATABASE_RECOVERED {PersistenceId}: lease writes succeed again after {Failures} failed writes")]
    public static partial void JournalRecovered(ILogger logger, string persistenceId, long failures);

    [LoggerMessage(EventId = 1025, EventName = "DHCP4_DURABLE_ANSWER", Level = LogLevel.Debug,
        Message = "DHCP4_DURABLE_ANSWER {Client} tid=0x{TransactionId:x8}: journal unavailable, {Address} granted until its durable expiry ({Seconds} s)")]
    public static partial void AnsweredFromDurableState(ILogger logger, string client, uint transactionId, Ipv4Address address, long seconds);

    [LoggerMessage(EventId = 1026, EventName = "DHCP4_DECISION_TIMEOUT", Level = LogLevel.Warning,
        Message = "DHCP4_DECISION_TIMEOUT {Client} tid=0x{TransactionId:x8}: no answer from the pool owner within {TimeoutMs} ms; the message is dropped")]
    public static partial void DecisionTimeout(ILogger logger, string client, uint transactionId, long timeoutMs);

    [LoggerMessage(EventId = 1050, EventName = "DHCP4_LEASE_IMPORT", Level = LogLevel.Information,
        Message = "DHCP4_LEASE_IMPORT {PersistenceId}: {Imported} leases imported from the Kea lease file {File} ({Skipped} expired, released or in another domain skipped)")]
    public static partial void LeasesImported(ILogger logger, string persistenceId, int imported, string file, int skipped);

    [LoggerMessage(EventId = 1051, EventName = "DHCP4_LEASE_IMPORT_SKIPPED", Level = LogLevel.Information,
        Message = "DHCP4_LEASE_IMPORT_SKIPPED {PersistenceId}: the journal already holds this domain's leases (sequence number {SequenceNr}); the Kea lease file {File} is not imported again")]
    public static partial void LeaseImportSkipped(ILogger logger, string persistenceId, long sequenceNr, string file);

    [LoggerMessage(EventId = 1052, EventName = "DHCP4_INTERFACE_ADDED", Level = LogLevel.Information,
        Message = "DHCP4_INTERFACE_ADDED {Interface}: appeared after start and is covered by '*'; opening its socket")]
    public static partial void InterfaceAdded(ILogger logger, string @interface);

    [LoggerMessage(EventId = 1030, EventName = "DHCP4_OPEN_SOCKET", Level = LogLevel.Information,
        Message = "DHCP4_OPEN_SOCKET listening on {Interface} (index {Index}, addresses {Addresses})")]
    public static partial void SocketOpened(ILogger logger, string @interface, int index, string addresses);

    [LoggerMessage(EventId = 1031, EventName = "DHCP4_OPEN_SOCKET_FAIL", Level = LogLevel.Warning,
        Message = "DHCP4_OPEN_SOCKET_FAIL {Interface}: {Reason}; retrying in {RetryMs} ms (attempt {Attempt})")]
    public static partial void SocketOpenFailed(ILogger logger, string @interface, string reason, long retryMs, int attempt);

    [LoggerMessage(EventId = 1032, EventName = "DHCP4_OPEN_SOCKET_FATAL", Level = LogLevel.Critical,
        Message = "DHCP4_OPEN_SOCKET_FATAL {Interface}: {Reason}; service-sockets-require-all is set (or retries are exhausted), so the server stops")]
    public static partial void SocketOpenFatal(ILogger logger, string @interface, string reason);

    [LoggerMessage(EventId = 1033, EventName = "DHCP4_SOCKET_LOST", Level = LogLevel.Warning,
        Message = "DHCP4_SOCKET_LOST {Interface}: {Reason}; the socket is closed and reopened when the interface is back")]
    public static partial void SocketLost(ILogger logger, string @interface, string reason);

    [LoggerMessage(EventId = 1034, EventName = "DHCP4_PACKET_SEND_FAIL", Level = LogLevel.Debug,
        Message = "DHCP4_PACKET_SEND_FAIL {Interface}: sending to {Destination} failed: {Error}")]
    public static partial void SendFailed(ILogger logger, string @interface, Ipv4Address destination, string error);

    [LoggerMessage(EventId = 1040, EventName = "DHCP4_STARTED", Level = LogLevel.Information,
        Message = "DHCP4_STARTED serving {Subnets} subnets in {Domains} allocation domains on {Interfaces}")]
    public static partial void Started(ILogger logger, int subnets, int domains, string interfaces);
}
