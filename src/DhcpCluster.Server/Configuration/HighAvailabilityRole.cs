namespace DhcpCluster.Server.Configuration;

/// <summary>Kea's HA peer <c>role</c>.</summary>
public enum HighAvailabilityRole
{
    /// <summary><c>primary</c>.</summary>
    Primary,

    /// <summary><c>secondary</c> (load-balancing).</summary>
    Secondary,

    /// <summary><c>standby</c> (hot-standby).</summary>
    Standby,

    /// <summary><c>backup</c>.</summary>
    Backup,
}
