namespace DhcpCluster.Server.Configuration;

/// <summary>
/// The HA hook's <c>high-availability[0]</c> parameters (Kea's <c>libdhcp_ha.so</c>), parsed so a Kea HA pair's
/// configuration loads as it is. HA arrives with the cluster: until then the check reports it as a warning.
/// </summary>
public sealed record HighAvailabilityConfiguration
{
    /// <summary>Kea's <c>this-server-name</c>.</summary>
    public required string ThisServerName { get; init; }

    /// <summary>Kea's <c>mode</c>.</summary>
    public HighAvailabilityMode Mode { get; init; } = HighAvailabilityMode.LoadBalancing;

    /// <summary>Kea's <c>heartbeat-delay</c> (10 s).</summary>
    public TimeSpan HeartbeatDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Kea's <c>max-response-delay</c> (60 s).</summary>
    public TimeSpan MaxResponseDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Kea's <c>max-ack-delay</c> (10 s).</summary>
    public TimeSpan MaxAckDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Kea's <c>max-unacked-clients</c> (10).</summary>
    public int MaxUnackedClients { get; init; } = 10;

    /// <summary>Kea's <c>max-rejected-lease-updates</c> (10).</summary>
    public int MaxRejectedLeaseUpdates { get; init; } = 10;

    /// <summary>Kea's <c>delayed-updates-limit</c> (100 in load-balancing, 0 otherwise).</summary>
    public int DelayedUpdatesLimit { get; init; }

    /// <summary>Kea's <c>send-lease-updates</c> (true).</summary>
    public bool SendLeaseUpdates { get; init; } = true;

    /// <summary>Kea's <c>sync-leases</c> (true).</summary>
    public bool SyncLeases { get; init; } = true;

    /// <summary>Kea's <c>sync-timeout</c> (60 s).</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Kea's <c>sync-page-limit</c> (10000).</summary>
    public int SyncPageLimit { get; init; } = 10000;

    /// <summary>Kea's <c>wait-backup-ack</c> (false).</summary>
    public bool WaitBackupAck { get; init; }

    /// <summary>Kea's <c>peers</c>.</summary>
    public IReadOnlyList<HighAvailabilityPeer> Peers { get; init; } = [];

    /// <summary>The peer named <see cref="ThisServerName"/>.</summary>
    public HighAvailabilityPeer ThisServer => Peers.First(p => string.Equals(p.Name, ThisServerName, StringComparison.Ordinal));
}
