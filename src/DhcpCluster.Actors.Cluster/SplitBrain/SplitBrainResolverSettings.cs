using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Cluster;

/// <summary>Settings of the split-brain resolver (<c>dhcp-cluster.cluster.split-brain-resolver.*</c>).</summary>
public sealed record SplitBrainResolverSettings
{
    /// <summary>The strategy names.</summary>
    public static readonly string[] Strategies = ["keep-majority", "keep-oldest", "static-quorum", "down-all", "lease-majority", "off"];

    /// <summary>The active strategy.</summary>
    public required string ActiveStrategy { get; init; }

    /// <summary>stable-after.</summary>
    public required TimeSpan StableAfter { get; init; }

    /// <summary>The extra time of instability after which all members are downed (null: off).</summary>
    public required TimeSpan? DownAllWhenUnstable { get; init; }

    /// <summary>The role the strategy counts (empty: all members).</summary>
    public required string Role { get; init; }

    /// <summary>static-quorum.quorum-size.</summary>
    public required int QuorumSize { get; init; }

    /// <summary>keep-oldest.down-if-alone.</summary>
    public required bool DownIfAlone { get; init; }

    /// <summary>lease-majority.lease-name (empty: derived from the system name).</summary>
    public required string LeaseName { get; init; }

    /// <summary>lease-majority.acquire-lease-delay-for-minority.</summary>
    public required TimeSpan AcquireLeaseDelayForMinority { get; init; }

    /// <summary>lease-majority.release-after.</summary>
    public required TimeSpan ReleaseAfter { get; init; }

    /// <summary>The lease database (Npgsql connection string).</summary>
    public required string LeaseConnectionString { get; init; }

    /// <summary>lease-majority.lease-operation-timeout.</summary>
    public required TimeSpan LeaseOperationTimeout { get; init; }

    /// <summary>Reads the settings; with a PostgreSQL journal and no explicit strategy, lease-majority on the journal's database.</summary>
    /// <exception cref="ConfigException">When a value is invalid.</exception>
    public static SplitBrainResolverSettings Read(Config c, string? journalConnectionString, bool strategyExplicit)
    {
        ArgumentNullException.ThrowIfNull(c);
        var strategy = c.GetString(ClusterConfigKeys.ActiveStrategy);
        if (!strategyExplicit && !string.IsNullOrEmpty(journalConnectionString))
        {
            strategy = "lease-majority";
        }

        if (!Strategies.Contains(strategy, StringComparer.Ordinal))
        {
            throw c.ErrorAt(ClusterConfigKeys.ActiveStrategy, $"unknown strategy '{strategy}': expected one of {string.Join(", ", Strategies)}");
        }

        var stableAfter = ClusterSettings.Positive(c, ClusterConfigKeys.StableAfter);
        var quorum = c.GetInt(ClusterConfigKeys.StaticQuorumSize);
        if (string.Equals(strategy, "static-quorum", StringComparison.Ordinal) && quorum < 1)
        {
            throw c.ErrorAt(ClusterConfigKeys.StaticQuorumSize, "static-quorum needs a quorum-size of at least 1");
        }

        var connection = c.GetString(ClusterConfigKeys.LeaseConnectionString);
        if (connection.Length == 0)
        {
            connection = journalConnectionString ?? string.Empty;
        }

        if (string.Equals(strategy, "lease-majority", StringComparison.Ordinal) && connection.Length == 0)
        {
            throw c.ErrorAt(ClusterConfigKeys.LeaseConnectionString, "lease-majority needs a PostgreSQL database for its lease (connection-string, or a PostgreSQL journal)");
        }

        var role = strategy switch
        {
            "keep-oldest" => c.GetString(ClusterConfigKeys.KeepOldestRole),
            "static-quorum" => c.GetString(ClusterConfigKeys.StaticQuorumRole),
            "lease-majority" => c.GetString(ClusterConfigKeys.LeaseMajorityRole),
            _ => c.GetString(ClusterConfigKeys.KeepMajorityRole),
        };
        return new SplitBrainResolverSettings
        {
            ActiveStrategy = strategy,
            StableAfter = stableAfter,
            DownAllWhenUnstable = ReadDownAllWhenUnstable(c, stableAfter),
            Role = role,
            QuorumSize = quorum,
            DownIfAlone = c.GetBoolean(ClusterConfigKeys.KeepOldestDownIfAlone),
            LeaseName = c.GetString(ClusterConfigKeys.LeaseName),
            AcquireLeaseDelayForMinority = c.GetDuration(ClusterConfigKeys.AcquireLeaseDelayForMinority),
            ReleaseAfter = ClusterSettings.Positive(c, ClusterConfigKeys.ReleaseAfter),
            LeaseConnectionString = connection,
            LeaseOperationTimeout = ClusterSettings.Positive(c, ClusterConfigKeys.LeaseOperationTimeout),
        };
    }

    private static TimeSpan? ReadDownAllWhenUnstable(Config c, TimeSpan stableAfter)
    {
        var text = c.GetString(ClusterConfigKeys.DownAllWhenUnstable).Trim();
        switch (text.ToLowerInvariant())
        {
            case "on" or "true" or "yes":
                var derived = TimeSpan.FromTicks(stableAfter.Ticks * 3 / 4);
                return derived < TimeSpan.FromSeconds(4) ? TimeSpan.FromSeconds(4) : derived;
            case "off" or "false" or "no":
                return null;
            default:
                try
                {
                    return ConfigFactory.ParseString("d = " + text, "down-all-when-unstable").GetDuration(new ConfigKey("d", ConfigValueType.Duration, "down-all-when-unstable"));
                }
                catch (ConfigException)
                {
                    throw c.ErrorAt(ClusterConfigKeys.DownAllWhenUnstable, $"expected on, off or a duration, found '{text}'");
                }
        }
    }
}
