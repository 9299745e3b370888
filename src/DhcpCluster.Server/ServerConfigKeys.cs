namespace DhcpCluster.Hocon.Keys;

/// <summary>The configuration keys the DHCP server actors read (defaults in DhcpCluster.Server's reference.conf).</summary>
[ConfigKeyCatalog("dhcp-cluster.server (DhcpCluster.Server)")]
public static class ServerConfigKeys
{
    /// <summary>How long a copy of an already answered frame is dropped.</summary>
    public static readonly ConfigKey DuplicateWindow = new(
        "dhcp-cluster.server.duplicate-window",
        ConfigValueType.Duration,
        "A frame identical to one the client actor handled less than this long ago (heard through another socket, address or node) is dropped and counted (DHCP4_DUPLICATE_DROPPED); a copy arriving later is a retransmission and gets the same answer.");

    /// <summary>How long an idle client actor lives.</summary>
    public static readonly ConfigKey PassivateIdleClientAfter = new(
        "dhcp-cluster.server.passivate-idle-client-after",
        ConfigValueType.Duration,
        "A client actor that received nothing for this long is stopped (its lease lives on in its pool owner); infinite keeps client actors for ever.",
        "akka.cluster.sharding.passivate-idle-entity-after");

    /// <summary>How long a client actor waits for its pool owner.</summary>
    public static readonly ConfigKey DecisionTimeout = new(
        "dhcp-cluster.server.decision-timeout",
        ConfigValueType.Duration,
        "How long a client actor waits for its pool owner's durable answer before giving up on that message (the client retransmits).");

    /// <summary>Period of the expired-lease reclamation.</summary>
    public static readonly ConfigKey ReclaimInterval = new(
        "dhcp-cluster.server.lease-reclaim-interval",
        ConfigValueType.Duration,
        "How often each pool owner reclaims expired leases and declined addresses whose probation is over (writing LeaseExpired).",
        "Dhcp4.expired-leases-processing.reclaim-timer-wait-time");

    /// <summary>How often a pool owner snapshots its leases.</summary>
    public static readonly ConfigKey SnapshotEvery = new(
        "dhcp-cluster.server.snapshot-every",
        ConfigValueType.Int,
        "A pool owner saves a snapshot of its leases after this many events, or after as many events as a quarter of its leases when that is more (a snapshot writes every lease, so its cost per event stays bounded), so a restart replays the snapshot and a short tail; 0 never snapshots.");

    /// <summary>How often an interface's link is checked.</summary>
    public static readonly ConfigKey LinkCheckInterval = new(
        "dhcp-cluster.server.link-check-interval",
        ConfigValueType.Duration,
        "How often an interface socket actor checks its link (deleted, recreated, addresses changed) while bound; a missing interface is retried every Dhcp4.interfaces-config.service-sockets-retry-wait-time.");

    /// <summary>The packet path's dispatcher: type.</summary>
    public static readonly ConfigKey DispatcherType = new(
        "dhcp-cluster.actor.dhcp-dispatcher.type",
        ConfigValueType.String,
        "Dispatcher: the DHCP packet path's dispatcher (client registry, client actors, pool owners, interface socket actors).",
        "akka.actor.default-dispatcher.type");

    /// <summary>The packet path's dispatcher: executor.</summary>
    public static readonly ConfigKey DispatcherExecutor = new(
        "dhcp-cluster.actor.dhcp-dispatcher.executor",
        ConfigValueType.String,
        "Where the packet path's actors run: fork-join-executor (threads of their own; a message between two of them wakes no other thread), or default-executor / thread-pool-executor (the .NET thread pool).",
        "akka.actor.default-dispatcher.executor");

    /// <summary>The packet path's dispatcher: throughput.</summary>
    public static readonly ConfigKey DispatcherThroughput = new(
        "dhcp-cluster.actor.dhcp-dispatcher.throughput",
        ConfigValueType.Int,
        "Messages a packet-path actor handles per turn before its thread moves on.",
        "akka.actor.default-dispatcher.throughput");

    /// <summary>The packet path's dispatcher: fork-join-executor.parallelism-min.</summary>
    public static readonly ConfigKey DispatcherParallelismMin = new(
        "dhcp-cluster.actor.dhcp-dispatcher.fork-join-executor.parallelism-min",
        ConfigValueType.Int,
        "Fewest threads of the packet path's fork-join executor.",
        "akka.actor.default-dispatcher.fork-join-executor.parallelism-min");

    /// <summary>The packet path's dispatcher: fork-join-executor.parallelism-factor.</summary>
    public static readonly ConfigKey DispatcherParallelismFactor = new(
        "dhcp-cluster.actor.dhcp-dispatcher.fork-join-executor.parallelism-factor",
        ConfigValueType.Double,
        "Threads of the packet path's fork-join executor per processor (rounded up, within min and max).",
        "akka.actor.default-dispatcher.fork-join-executor.parallelism-factor");

    /// <summary>The packet path's dispatcher: fork-join-executor.parallelism-max.</summary>
    public static readonly ConfigKey DispatcherParallelismMax = new(
        "dhcp-cluster.actor.dhcp-dispatcher.fork-join-executor.parallelism-max",
        ConfigValueType.Int,
        "Most threads of the packet path's fork-join executor.",
        "akka.actor.default-dispatcher.fork-join-executor.parallelism-max");
}
