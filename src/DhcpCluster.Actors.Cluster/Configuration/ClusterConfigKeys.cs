namespace DhcpCluster.Hocon.Keys;

/// <summary>The configuration keys the cluster reads (defaults in DhcpCluster.Actors.Cluster's reference.conf).</summary>
[ConfigKeyCatalog("dhcp-cluster.cluster (DhcpCluster.Actors.Cluster)")]
public static class ClusterConfigKeys
{
    /// <summary>Addresses of the seed nodes.</summary>
    public static readonly ConfigKey SeedNodes = new(
        "dhcp-cluster.cluster.seed-nodes",
        ConfigValueType.StringList,
        "Addresses of the seed nodes (`dhcp-cluster.tcp://system@host:port`); the first one may form a new cluster alone when no other seed answers within seed-node-timeout. Empty: join only by Cluster.Join.",
        "akka.cluster.seed-nodes");

    /// <summary>How long a joining node waits for InitJoinAck from the seed nodes (the first seed joins itself after this).</summary>
    public static readonly ConfigKey SeedNodeTimeout = new(
        "dhcp-cluster.cluster.seed-node-timeout",
        ConfigValueType.Duration,
        "How long a joining node waits for InitJoinAck from the seed nodes (the first seed joins itself after this).",
        "akka.cluster.seed-node-timeout");

    /// <summary>A join that got no Welcome is retried from the seed nodes after this.</summary>
    public static readonly ConfigKey RetryUnsuccessfulJoinAfter = new(
        "dhcp-cluster.cluster.retry-unsuccessful-join-after",
        ConfigValueType.Duration,
        "A join that got no Welcome is retried from the seed nodes after this.",
        "akka.cluster.retry-unsuccessful-join-after");

    /// <summary>How often a node sends its membership gossip to another member.</summary>
    public static readonly ConfigKey GossipInterval = new(
        "dhcp-cluster.cluster.gossip-interval",
        ConfigValueType.Duration,
        "How often a node sends its membership gossip to another member.",
        "akka.cluster.gossip-interval");

    /// <summary>How often the leader moves members (Joining to Up, Leaving to Exiting, Exiting and Down to Removed).</summary>
    public static readonly ConfigKey LeaderActionsInterval = new(
        "dhcp-cluster.cluster.leader-actions-interval",
        ConfigValueType.Duration,
        "How often the leader moves members (Joining to Up, Leaving to Exiting, Exiting and Down to Removed).",
        "akka.cluster.leader-actions-interval");

    /// <summary>The leader moves Joining members to Up only once the cluster has this many members.</summary>
    public static readonly ConfigKey MinNrOfMembers = new(
        "dhcp-cluster.cluster.min-nr-of-members",
        ConfigValueType.Int,
        "The leader moves Joining members to Up only once the cluster has this many members.",
        "akka.cluster.min-nr-of-members");

    /// <summary>Roles of this node (member attributes for singletons, sharding and split-brain roles).</summary>
    public static readonly ConfigKey Roles = new(
        "dhcp-cluster.cluster.roles",
        ConfigValueType.StringList,
        "Roles of this node (member attributes for singletons, sharding and split-brain roles).",
        "akka.cluster.roles");

    /// <summary>Without convergence (some member unreachable), Joining members become WeaklyUp after this long; 0s disables.</summary>
    public static readonly ConfigKey AllowWeaklyUpMembers = new(
        "dhcp-cluster.cluster.allow-weakly-up-members",
        ConfigValueType.Duration,
        "Without convergence (some member unreachable), Joining members become WeaklyUp after this long; 0s disables.",
        "akka.cluster.allow-weakly-up-members");

    /// <summary>Terminate the actor system when this node is downed, removed or quarantined (it must restart, as a new incarnation, to rejoin).</summary>
    public static readonly ConfigKey RunCoordinatedShutdownWhenDown = new(
        "dhcp-cluster.cluster.run-coordinated-shutdown-when-down",
        ConfigValueType.Boolean,
        "Terminate the actor system when this node is downed, removed or quarantined (it must restart, as a new incarnation, to rejoin).",
        "akka.cluster.run-coordinated-shutdown-when-down");

    /// <summary>How often heartbeats are sent to the monitored members (also the first heartbeat estimate).</summary>
    public static readonly ConfigKey HeartbeatInterval = new(
        "dhcp-cluster.cluster.failure-detector.heartbeat-interval",
        ConfigValueType.Duration,
        "How often heartbeats are sent to the monitored members (also the first heartbeat estimate).",
        "akka.cluster.failure-detector.heartbeat-interval");

    /// <summary>Phi above which a monitored member is unreachable.</summary>
    public static readonly ConfigKey Threshold = new(
        "dhcp-cluster.cluster.failure-detector.threshold",
        ConfigValueType.Double,
        "Phi above which a monitored member is unreachable.",
        "akka.cluster.failure-detector.threshold");

    /// <summary>Heartbeat intervals kept per member for the phi estimate.</summary>
    public static readonly ConfigKey MaxSampleSize = new(
        "dhcp-cluster.cluster.failure-detector.max-sample-size",
        ConfigValueType.Int,
        "Heartbeat intervals kept per member for the phi estimate.",
        "akka.cluster.failure-detector.max-sample-size");

    /// <summary>Lower bound of the interval standard deviation in the phi estimate.</summary>
    public static readonly ConfigKey MinStdDeviation = new(
        "dhcp-cluster.cluster.failure-detector.min-std-deviation",
        ConfigValueType.Duration,
        "Lower bound of the interval standard deviation in the phi estimate.",
        "akka.cluster.failure-detector.min-std-deviation");

    /// <summary>Pause of heartbeats tolerated before phi rises (added to the mean interval).</summary>
    public static readonly ConfigKey AcceptableHeartbeatPause = new(
        "dhcp-cluster.cluster.failure-detector.acceptable-heartbeat-pause",
        ConfigValueType.Duration,
        "Pause of heartbeats tolerated before phi rises (added to the mean interval).",
        "akka.cluster.failure-detector.acceptable-heartbeat-pause");

    /// <summary>Number of members that heartbeat each member (its successors on the ring of addresses).</summary>
    public static readonly ConfigKey MonitoredByNrOfMembers = new(
        "dhcp-cluster.cluster.failure-detector.monitored-by-nr-of-members",
        ConfigValueType.Int,
        "Number of members that heartbeat each member (its successors on the ring of addresses).",
        "akka.cluster.failure-detector.monitored-by-nr-of-members");

    /// <summary>After this time without a first heartbeat reply the member is monitored as if one had arrived, so a silent member becomes unreachable.</summary>
    public static readonly ConfigKey ExpectedResponseAfter = new(
        "dhcp-cluster.cluster.failure-detector.expected-response-after",
        ConfigValueType.Duration,
        "After this time without a first heartbeat reply the member is monitored as if one had arrived, so a silent member becomes unreachable.",
        "akka.cluster.failure-detector.expected-response-after");

    /// <summary>Downing strategy: keep-majority, keep-oldest, static-quorum, down-all, lease-majority, or off (no automatic downing).</summary>
    public static readonly ConfigKey ActiveStrategy = new(
        "dhcp-cluster.cluster.split-brain-resolver.active-strategy",
        ConfigValueType.String,
        "Downing strategy: keep-majority, keep-oldest, static-quorum, down-all, lease-majority, or off (no automatic downing).",
        "akka.cluster.split-brain-resolver.active-strategy");

    /// <summary>The resolver decides only after membership and reachability have not changed for this long.</summary>
    public static readonly ConfigKey StableAfter = new(
        "dhcp-cluster.cluster.split-brain-resolver.stable-after",
        ConfigValueType.Duration,
        "The resolver decides only after membership and reachability have not changed for this long.",
        "akka.cluster.split-brain-resolver.stable-after");

    /// <summary>Down all members when unreachability keeps changing for stable-after plus this long after the first unreachability: on (3/4 of stable-after, at least 4s), off, or a duration.</summary>
    public static readonly ConfigKey DownAllWhenUnstable = new(
        "dhcp-cluster.cluster.split-brain-resolver.down-all-when-unstable",
        ConfigValueType.String,
        "Down all members when unreachability keeps changing for stable-after plus this long after the first unreachability: on (3/4 of stable-after, at least 4s), off, or a duration.",
        "akka.cluster.split-brain-resolver.down-all-when-unstable");

    /// <summary>Count only members with this role (empty: all).</summary>
    public static readonly ConfigKey KeepMajorityRole = new(
        "dhcp-cluster.cluster.split-brain-resolver.keep-majority.role",
        ConfigValueType.String,
        "Count only members with this role (empty: all).",
        "akka.cluster.split-brain-resolver.keep-majority.role");

    /// <summary>static-quorum: the side with at least this many members survives, the other side downs itself.</summary>
    public static readonly ConfigKey StaticQuorumSize = new(
        "dhcp-cluster.cluster.split-brain-resolver.static-quorum.quorum-size",
        ConfigValueType.Int,
        "static-quorum: the side with at least this many members survives, the other side downs itself. Must be set (above half the cluster size) to use static-quorum.",
        "akka.cluster.split-brain-resolver.static-quorum.quorum-size");

    /// <summary>Count only members with this role (empty: all).</summary>
    public static readonly ConfigKey StaticQuorumRole = new(
        "dhcp-cluster.cluster.split-brain-resolver.static-quorum.role",
        ConfigValueType.String,
        "Count only members with this role (empty: all).",
        "akka.cluster.split-brain-resolver.static-quorum.role");

    /// <summary>keep-oldest: when the oldest member is alone on its side and the other side has at least two members, the oldest is downed and the other side survives.</summary>
    public static readonly ConfigKey KeepOldestDownIfAlone = new(
        "dhcp-cluster.cluster.split-brain-resolver.keep-oldest.down-if-alone",
        ConfigValueType.Boolean,
        "keep-oldest: when the oldest member is alone on its side and the other side has at least two members, the oldest is downed and the other side survives.",
        "akka.cluster.split-brain-resolver.keep-oldest.down-if-alone");

    /// <summary>The oldest member among members with this role decides (empty: all).</summary>
    public static readonly ConfigKey KeepOldestRole = new(
        "dhcp-cluster.cluster.split-brain-resolver.keep-oldest.role",
        ConfigValueType.String,
        "The oldest member among members with this role decides (empty: all).",
        "akka.cluster.split-brain-resolver.keep-oldest.role");

    /// <summary>Count only members with this role (empty: all).</summary>
    public static readonly ConfigKey LeaseMajorityRole = new(
        "dhcp-cluster.cluster.split-brain-resolver.lease-majority.role",
        ConfigValueType.String,
        "Count only members with this role (empty: all).",
        "akka.cluster.split-brain-resolver.lease-majority.role");

    /// <summary>Name of the lease row (empty: &lt;system name&gt;-sbr-lease).</summary>
    public static readonly ConfigKey LeaseName = new(
        "dhcp-cluster.cluster.split-brain-resolver.lease-majority.lease-name",
        ConfigValueType.String,
        "Name of the lease row (empty: <system name>-sbr-lease).",
        "akka.cluster.split-brain-resolver.lease-majority.lease-name");

    /// <summary>The minority side waits this long before trying the lease, so the majority normally gets it.</summary>
    public static readonly ConfigKey AcquireLeaseDelayForMinority = new(
        "dhcp-cluster.cluster.split-brain-resolver.lease-majority.acquire-lease-delay-for-minority",
        ConfigValueType.Duration,
        "The minority side waits this long before trying the lease, so the majority normally gets it.",
        "akka.cluster.split-brain-resolver.lease-majority.acquire-lease-delay-for-minority");

    /// <summary>The lease expires this long after it was acquired; the other side can take it only then.</summary>
    public static readonly ConfigKey ReleaseAfter = new(
        "dhcp-cluster.cluster.split-brain-resolver.lease-majority.release-after",
        ConfigValueType.Duration,
        "The lease expires this long after it was acquired; the other side can take it only then.",
        "akka.cluster.split-brain-resolver.lease-majority.release-after");

    /// <summary>Npgsql connection string of the PostgreSQL database holding the lease (table dhcp_cluster_leases); empty: the PostgreSQL journal's database given by the node.</summary>
    public static readonly ConfigKey LeaseConnectionString = new(
        "dhcp-cluster.cluster.split-brain-resolver.lease-majority.connection-string",
        ConfigValueType.String,
        "Npgsql connection string of the PostgreSQL database holding the lease (table dhcp_cluster_leases); empty: the PostgreSQL journal's database given by the node.",
        "akka.coordination.lease (lease-implementation)");

    /// <summary>A lease acquisition that has not answered within this time counts as not acquired.</summary>
    public static readonly ConfigKey LeaseOperationTimeout = new(
        "dhcp-cluster.cluster.split-brain-resolver.lease-majority.lease-operation-timeout",
        ConfigValueType.Duration,
        "A lease acquisition that has not answered within this time counts as not acquired.",
        "akka.coordination.lease.lease-operation-timeout");

    /// <summary>Which kind of actor system a host creates.</summary>
    public static readonly ConfigKey Provider = new(
        "dhcp-cluster.actor.provider",
        ConfigValueType.String,
        "Kind of actor system a node runs: local (one process), remote (reachable by other nodes, no membership) or cluster (a cluster member: remoting, membership, failure detection and downing).",
        "akka.actor.provider");
}
