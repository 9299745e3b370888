using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Server.Hosting;
using DhcpCluster.Statistics;

namespace DhcpCluster.Node.Hosting;

/// <summary>
/// Publishes a node's counters through the command endpoint's <see cref="StatisticsRegistry"/> under Kea's names
/// (and ours for what only we count). Every statistic reads its source when a command asks: the packet path keeps
/// its own interlocked counters and gains nothing. Counters reset as Kea's do (to 0, counting on); gauges
/// (addresses, client actors alive) are computed and refuse a reset.
/// </summary>
public static class NodeStatistics
{
    private static readonly DhcpMessageType[] KnownClientTypes =
        [DhcpMessageType.Discover, DhcpMessageType.Request, DhcpMessageType.Decline, DhcpMessageType.Release, DhcpMessageType.Inform];

    /// <summary>Our own name: retransmissions answered with the previous answer.</summary>
    public const string Pkt4RetransmissionAnswered = "pkt4-retransmission-answered";

    /// <summary>Our own name: requests dropped because no subnet matched.</summary>
    public const string Pkt4NoSubnet = "pkt4-no-subnet";

    /// <summary>Our own name: replies the socket could not send.</summary>
    public const string Pkt4SendFailed = "pkt4-send-failed";

    /// <summary>Our own name: journal writes that failed.</summary>
    public const string JournalWriteFailed = "journal-write-failed";

    /// <summary>Our own name: client messages given up after the decision timeout.</summary>
    public const string DecisionTimeouts = "decision-timeouts";

    /// <summary>Our own name: known clients answered from their durable lease during a journal outage.</summary>
    public const string AnsweredFromDurableState = "answered-from-durable-state";

    /// <summary>Our own name: requests needing a new address left unanswered during a journal outage.</summary>
    public const string RefusedDuringOutage = "refused-during-outage";

    /// <summary>Our own name: times the client registry returned freed memory to the system after a passivation wave.</summary>
    public const string MemoryTrims = "memory-trims";

    /// <summary>Our own gauge: the process's resident memory in bytes (as the system counts it).</summary>
    public const string ResidentBytes = "resident-bytes";

    /// <summary>Our own gauge: bytes allocated on the managed heap and not yet collected (live after the last collection, plus what was allocated since).</summary>
    public const string GcHeapSize = "gc-heap-size";

    /// <summary>Our own gauge: free fragments inside the managed heap after the last collection, in bytes (0 before the first).</summary>
    public const string GcFragmentedBytes = "gc-fragmented-bytes";

    /// <summary>Our own gauge: memory the garbage collector held committed after the last collection (heap, free regions kept, bookkeeping; 0 before the first).</summary>
    public const string GcCommittedBytes = "gc-committed-bytes";

    /// <summary>Our own counter: seconds the managed runtime has paused every thread for garbage collection since the start.</summary>
    public const string GcPauseSeconds = "gc-pause-seconds";

    /// <summary>Our own counter: garbage collections since the start (of any generation).</summary>
    public const string GcCollections = "gc-collections";

    /// <summary>Our own counter: seconds the journal's writer spent in committed transactions (BEGIN until COMMIT returned).</summary>
    public const string JournalTransactionSeconds = "journal-transaction-seconds";

    /// <summary>Our own counter: the part of journal-transaction-seconds spent in COMMIT (SQLite: the WAL write and fsync).</summary>
    public const string JournalCommitSeconds = "journal-commit-seconds";

    /// <summary>Our own gauge: bytes the lease database's library holds in this process (SQLite's caches; 0 for PostgreSQL).</summary>
    public const string DatabaseMemoryBytes = "database-memory-bytes";

    /// <summary>Kea's global gauge of declined addresses (sum over the subnets).</summary>
    public const string DeclinedAddresses = "declined-addresses";

    /// <summary>A registry publishing <paramref name="server"/>'s counters, the journal's and the subnets' gauges of <paramref name="configuration"/>.</summary>
    /// <param name="server">The packet path's counters.</param>
    /// <param name="journal">The journal's figures.</param>
    /// <param name="configuration">The subnets.</param>
    /// <param name="databaseMemory">Bytes the lease database's library holds in this process (none: not published).</param>
    public static StatisticsRegistry Create(
        ServerStatistics server, Func<Actors.Persistence.Journal.JournalStatistics> journal, Dhcp4Configuration configuration, Func<long>? databaseMemory = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(configuration);
        var registry = new StatisticsRegistry();
        registry.RegisterObserved(StatisticNames.Pkt4Received, () => server.Received);
        registry.RegisterObserved(StatisticNames.Pkt4DiscoverReceived, () => server.ReceivedOfType(DhcpMessageType.Discover));
        registry.RegisterObserved(StatisticNames.Pkt4RequestReceived, () => server.ReceivedOfType(DhcpMessageType.Request));
        registry.RegisterObserved(StatisticNames.Pkt4DeclineReceived, () => server.ReceivedOfType(DhcpMessageType.Decline));
        registry.RegisterObserved(StatisticNames.Pkt4ReleaseReceived, () => server.ReceivedOfType(DhcpMessageType.Release));
        registry.RegisterObserved(StatisticNames.Pkt4InformReceived, () => server.ReceivedOfType(DhcpMessageType.Inform));
        registry.RegisterObserved(StatisticNames.Pkt4UnknownReceived, () => UnknownReceived(server));
        registry.RegisterObserved(StatisticNames.Pkt4OfferSent, () => server.OffersSent);
        registry.RegisterObserved(StatisticNames.Pkt4AckSent, () => server.AcksSent);
        registry.RegisterObserved(StatisticNames.Pkt4NakSent, () => server.NaksSent);
        registry.RegisterObserved(StatisticNames.Pkt4Sent, () => server.OffersSent + server.AcksSent + server.NaksSent);
        registry.RegisterObserved(StatisticNames.Pkt4ParseFailed, () => server.ParseFailed);
        registry.RegisterObserved(StatisticNames.Pkt4ReceiveDrop, () => server.ParseFailed + server.NoSubnet + server.DuplicatesDropped);
        registry.RegisterObserved(StatisticNames.ReclaimedLeases, () => server.LeasesExpired);
        registry.RegisterObserved(StatisticNames.ReclaimedDeclinedAddresses, () => server.DeclinedReclaimed);
        registry.RegisterObserved(StatisticNames.Pkt4DuplicateDrop, () => server.DuplicatesDropped);
        RegisterJournal(registry, journal);
        registry.RegisterDerived(StatisticNames.ClientActorsAlive, () => server.ClientActorsAlive);
        registry.RegisterObserved(Pkt4RetransmissionAnswered, () => server.RetransmissionsAnswered);
        registry.RegisterObserved(Pkt4NoSubnet, () => server.NoSubnet);
        registry.RegisterObserved(Pkt4SendFailed, () => server.SendFailed);
        registry.RegisterObserved(JournalWriteFailed, () => server.JournalFailures);
        registry.RegisterObserved(DecisionTimeouts, () => server.DecisionTimeouts);
        registry.RegisterObserved(AnsweredFromDurableState, () => server.AnsweredFromDurableState);
        registry.RegisterObserved(RefusedDuringOutage, () => server.RefusedDuringOutage);
        RegisterMemory(registry, server, databaseMemory);
        var subnetIds = configuration.AllSubnets.Select(s => s.Id).ToArray();
        registry.RegisterDerived(DeclinedAddresses, () => subnetIds.Sum(id => server.Leases.Declined(id)));
        foreach (var subnet in configuration.AllSubnets)
        {
            var id = subnet.Id;
            double total = subnet.Pools.Sum(p => p.Size);
            registry.RegisterDerived(StatisticNames.SubnetTotalAddresses(id), () => total);
            registry.RegisterDerived(StatisticNames.SubnetAssignedAddresses(id), () => server.Leases.Assigned(id));
            registry.RegisterDerived(StatisticNames.SubnetDeclinedAddresses(id), () => server.Leases.Declined(id));
        }

        return registry;
    }

    /// <summary>The journal's group commit: commits, events, and the time its transactions and their COMMITs took.</summary>
    private static void RegisterJournal(StatisticsRegistry registry, Func<Actors.Persistence.Journal.JournalStatistics> journal)
    {
        registry.RegisterObserved(StatisticNames.JournalCommits, () => journal().Commits);
        registry.RegisterObserved(StatisticNames.JournalEvents, () => journal().EventsWritten);
        registry.RegisterDerived(JournalTransactionSeconds, () => journal().TransactionSeconds);
        registry.RegisterDerived(JournalCommitSeconds, () => journal().CommitSeconds);
    }

    /// <summary>The process's memory (trims after passivation waves, resident size, the managed heap after the last collection, the database library's) and the collector's pauses.</summary>
    private static void RegisterMemory(StatisticsRegistry registry, ServerStatistics server, Func<long>? databaseMemory)
    {
        if (databaseMemory is not null)
        {
            registry.RegisterDerived(DatabaseMemoryBytes, () => databaseMemory());
        }

        registry.RegisterObserved(MemoryTrims, () => server.MemoryTrims);
        registry.RegisterDerived(ResidentBytes, static () => Environment.WorkingSet);
        registry.RegisterDerived(GcHeapSize, static () => GC.GetTotalMemory(forceFullCollection: false));
        registry.RegisterDerived(GcFragmentedBytes, static () => GC.GetGCMemoryInfo().FragmentedBytes);
        registry.RegisterDerived(GcCommittedBytes, static () => GC.GetGCMemoryInfo().TotalCommittedBytes);
        registry.RegisterDerived(GcPauseSeconds, static () => GC.GetTotalPauseDuration().TotalSeconds);
        registry.RegisterObserved(GcCollections, static () => GC.CollectionCount(0));
    }

    private static long UnknownReceived(ServerStatistics server)
    {
        var known = 0L;
        foreach (var type in KnownClientTypes)
        {
            known += server.ReceivedOfType(type);
        }

        // Parsed client messages of any other type (or without option 53).
        return Math.Max(0, server.Received - server.ParseFailed - known);
    }
}
