namespace DhcpCluster.Server.Configuration;

/// <summary>Kea's HA <c>mode</c>.</summary>
public enum HighAvailabilityMode
{
    /// <summary><c>load-balancing</c>.</summary>
    LoadBalancing,

    /// <summary><c>hot-standby</c>.</summary>
    HotStandby,

    /// <summary><c>passive-backup</c>.</summary>
    PassiveBackup,
}
