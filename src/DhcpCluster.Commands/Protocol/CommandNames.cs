namespace DhcpCluster.Commands.Protocol;

/// <summary>The names of the commands a node's endpoint answers (Kea's names where Kea has the command).</summary>
public static class CommandNames
{
    /// <summary>Lists the commands this node supports.</summary>
    public const string ListCommands = "list-commands";

    /// <summary>The node's version.</summary>
    public const string VersionGet = "version-get";

    /// <summary>Process id, uptime, time since the last reload, and the high-availability state when HA runs.</summary>
    public const string StatusGet = "status-get";

    /// <summary>The running configuration.</summary>
    public const string ConfigGet = "config-get";

    /// <summary>Checks a configuration without applying it.</summary>
    public const string ConfigTest = "config-test";

    /// <summary>Writes the running configuration to a file.</summary>
    public const string ConfigWrite = "config-write";

    /// <summary>One statistic.</summary>
    public const string StatisticGet = "statistic-get";

    /// <summary>Every statistic.</summary>
    public const string StatisticGetAll = "statistic-get-all";

    /// <summary>Sets one statistic back to zero.</summary>
    public const string StatisticReset = "statistic-reset";

    /// <summary>Sets every statistic back to zero.</summary>
    public const string StatisticResetAll = "statistic-reset-all";

    /// <summary>Shuts the node down (coordinated shutdown).</summary>
    public const string Shutdown = "shutdown";

    /// <summary>One lease by address, or by identifier and subnet.</summary>
    public const string Lease4Get = "lease4-get";

    /// <summary>Every lease, optionally of some subnets.</summary>
    public const string Lease4GetAll = "lease4-get-all";

    /// <summary>A page of leases ordered by address.</summary>
    public const string Lease4GetPage = "lease4-get-page";

    /// <summary>The leases of a hardware address.</summary>
    public const string Lease4GetByHwAddress = "lease4-get-by-hw-address";

    /// <summary>The leases of a client identifier.</summary>
    public const string Lease4GetByClientId = "lease4-get-by-client-id";

    /// <summary>The leases of a hostname.</summary>
    public const string Lease4GetByHostname = "lease4-get-by-hostname";

    /// <summary>Adds a lease.</summary>
    public const string Lease4Add = "lease4-add";

    /// <summary>Updates a lease.</summary>
    public const string Lease4Update = "lease4-update";

    /// <summary>Deletes a lease.</summary>
    public const string Lease4Del = "lease4-del";

    /// <summary>Deletes the leases of some subnets, or all.</summary>
    public const string Lease4Wipe = "lease4-wipe";

    /// <summary>The cluster palette's commands (answered once the cluster runtime registers them).</summary>
    public const string ClusterShow = "cluster-show";

    /// <summary>Makes a member leave.</summary>
    public const string ClusterLeave = "cluster-leave";

    /// <summary>Joins a cluster.</summary>
    public const string ClusterJoin = "cluster-join";

    /// <summary>Downs a member.</summary>
    public const string ClusterDown = "cluster-down";

    /// <summary>Downs every unreachable member.</summary>
    public const string ClusterDownUnreachable = "cluster-down-unreachable";

    /// <summary>The cluster leader.</summary>
    public const string ClusterLeader = "cluster-leader";

    /// <summary>This member's status.</summary>
    public const string ClusterStatus = "cluster-status";

    /// <summary>The sharding regions of this node.</summary>
    public const string ClusterShardingRegions = "cluster-sharding-regions";

    /// <summary>Entities per shard in a region on this node.</summary>
    public const string ClusterShardingRegionStats = "cluster-sharding-region-stats";

    /// <summary>Shards and entities across the cluster.</summary>
    public const string ClusterShardingShardStats = "cluster-sharding-shard-stats";
}
