namespace DhcpCluster.Actors.Cluster;

/// <summary>Where the cluster's actors live on every node.</summary>
public static class ClusterDaemonPaths
{
    /// <summary>The core daemon.</summary>
    public const string Core = "/system/cluster";

    /// <summary>The heartbeat receiver.</summary>
    public const string HeartbeatReceiver = "/system/cluster/heartbeatReceiver";
}
