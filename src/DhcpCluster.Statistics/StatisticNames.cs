using System.Globalization;

namespace DhcpCluster.Statistics;

/// <summary>
/// Statistic names: Kea's own (<c>pkt4-*</c>, <c>subnet[ID].*</c>, <c>reclaimed-leases</c>, ...) for what Kea also
/// counts, and ours for what only a cluster has.
/// </summary>
public static class StatisticNames
{
    /// <summary>DHCPv4 packets received (all types).</summary>
    public const string Pkt4Received = "pkt4-received";

    /// <summary>DHCPDISCOVER received.</summary>
    public const string Pkt4DiscoverReceived = "pkt4-discover-received";

    /// <summary>DHCPREQUEST received.</summary>
    public const string Pkt4RequestReceived = "pkt4-request-received";

    /// <summary>DHCPDECLINE received.</summary>
    public const string Pkt4DeclineReceived = "pkt4-decline-received";

    /// <summary>DHCPRELEASE received.</summary>
    public const string Pkt4ReleaseReceived = "pkt4-release-received";

    /// <summary>DHCPINFORM received.</summary>
    public const string Pkt4InformReceived = "pkt4-inform-received";

    /// <summary>Packets of a type the server does not handle.</summary>
    public const string Pkt4UnknownReceived = "pkt4-unknown-received";

    /// <summary>DHCPv4 packets sent (all types).</summary>
    public const string Pkt4Sent = "pkt4-sent";

    /// <summary>DHCPOFFER sent.</summary>
    public const string Pkt4OfferSent = "pkt4-offer-sent";

    /// <summary>DHCPACK sent.</summary>
    public const string Pkt4AckSent = "pkt4-ack-sent";

    /// <summary>DHCPNAK sent.</summary>
    public const string Pkt4NakSent = "pkt4-nak-sent";

    /// <summary>Packets received and dropped (any reason).</summary>
    public const string Pkt4ReceiveDrop = "pkt4-receive-drop";

    /// <summary>Packets that could not be parsed.</summary>
    public const string Pkt4ParseFailed = "pkt4-parse-failed";

    /// <summary>Expired leases reclaimed.</summary>
    public const string ReclaimedLeases = "reclaimed-leases";

    /// <summary>Declined addresses reclaimed (returned to the pool after the probation period).</summary>
    public const string ReclaimedDeclinedAddresses = "reclaimed-declined-addresses";

    /// <summary>Ours: copies of a packet already answered (heard through another socket, address or node), dropped.</summary>
    public const string Pkt4DuplicateDrop = "pkt4-duplicate-drop";

    /// <summary>Ours: journal transactions committed (each holds one or more lease events).</summary>
    public const string JournalCommits = "journal-commits";

    /// <summary>Ours: lease events written to the journal.</summary>
    public const string JournalEvents = "journal-events";

    /// <summary>Ours: lease events per journal commit (journal-events / journal-commits), the group-commit factor.</summary>
    public const string JournalEventsPerCommit = "journal-events-per-commit";

    /// <summary>Ours: lease synchronisations between nodes completed.</summary>
    public const string LeaseSyncs = "lease-syncs";

    /// <summary>Ours: client actors currently alive on this node (a gauge).</summary>
    public const string ClientActorsAlive = "client-actors-alive";

    /// <summary>Kea's per-subnet names: <c>subnet[ID].NAME</c>.</summary>
    public static string Subnet(long subnetId, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"subnet[{subnetId}].{name}");

    /// <summary>Addresses in a subnet's pools: <c>subnet[ID].total-addresses</c>.</summary>
    public static string SubnetTotalAddresses(long subnetId) => Subnet(subnetId, "total-addresses");

    /// <summary>Leased addresses: <c>subnet[ID].assigned-addresses</c>.</summary>
    public static string SubnetAssignedAddresses(long subnetId) => Subnet(subnetId, "assigned-addresses");

    /// <summary>Declined addresses: <c>subnet[ID].declined-addresses</c>.</summary>
    public static string SubnetDeclinedAddresses(long subnetId) => Subnet(subnetId, "declined-addresses");

    /// <summary>Reclaimed leases of a subnet: <c>subnet[ID].reclaimed-leases</c>.</summary>
    public static string SubnetReclaimedLeases(long subnetId) => Subnet(subnetId, "reclaimed-leases");
}
