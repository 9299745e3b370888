using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Cluster;

/// <summary>Cluster settings read from HOCON (<c>dhcp-cluster.cluster.*</c>).</summary>
public sealed record ClusterSettings
{
    private const string ReferenceResource = "DhcpCluster.Actors.Cluster.reference.conf";

    /// <summary>The module's defaults.</summary>
    public static Config Reference { get; } = ConfigFactory.FromResource(typeof(ClusterSettings).Assembly, ReferenceResource);

    /// <summary>Seed nodes.</summary>
    public required IReadOnlyList<Address> SeedNodes { get; init; }

    /// <summary>seed-node-timeout.</summary>
    public required TimeSpan SeedNodeTimeout { get; init; }

    /// <summary>retry-unsuccessful-join-after.</summary>
    public required TimeSpan RetryUnsuccessfulJoinAfter { get; init; }

    /// <summary>gossip-interval.</summary>
    public required TimeSpan GossipInterval { get; init; }

    /// <summary>leader-actions-interval.</summary>
    public required TimeSpan LeaderActionsInterval { get; init; }

    /// <summary>min-nr-of-members.</summary>
    public required int MinNrOfMembers { get; init; }

    /// <summary>This node's roles.</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>allow-weakly-up-members (zero: never).</summary>
    public required TimeSpan AllowWeaklyUpMembers { get; init; }

    /// <summary>run-coordinated-shutdown-when-down.</summary>
    public required bool RunCoordinatedShutdownWhenDown { get; init; }

    /// <summary>The failure detector.</summary>
    public required FailureDetectorSettings FailureDetector { get; init; }

    /// <summary>The split-brain resolver.</summary>
    public required SplitBrainResolverSettings SplitBrainResolver { get; init; }

    /// <summary>Reads the settings (over the module's reference.conf).</summary>
    /// <param name="config">The node's configuration.</param>
    /// <param name="journalConnectionString">The PostgreSQL journal's connection string when the journal is PostgreSQL: then the default strategy is lease-majority on that database.</param>
    /// <exception cref="ConfigException">When a value is invalid.</exception>
    public static ClusterSettings Read(Config config, string? journalConnectionString = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(Reference);
        var seeds = new List<Address>();
        foreach (var text in c.GetStringList(ClusterConfigKeys.SeedNodes))
        {
            try
            {
                var address = Address.Parse(text);
                seeds.Add(address.Host is null || address.Port is null ? throw new FormatException($"'{text}' has no host and port.") : address);
            }
            catch (FormatException e)
            {
                throw c.ErrorAt(ClusterConfigKeys.SeedNodes, e.Message);
            }
        }

        var minNr = c.GetInt(ClusterConfigKeys.MinNrOfMembers);
        if (minNr < 1)
        {
            throw c.ErrorAt(ClusterConfigKeys.MinNrOfMembers, "must be at least 1");
        }

        return new ClusterSettings
        {
            SeedNodes = seeds,
            SeedNodeTimeout = Positive(c, ClusterConfigKeys.SeedNodeTimeout),
            RetryUnsuccessfulJoinAfter = Positive(c, ClusterConfigKeys.RetryUnsuccessfulJoinAfter),
            GossipInterval = Positive(c, ClusterConfigKeys.GossipInterval),
            LeaderActionsInterval = Positive(c, ClusterConfigKeys.LeaderActionsInterval),
            MinNrOfMembers = minNr,
            Roles = c.GetStringList(ClusterConfigKeys.Roles),
            AllowWeaklyUpMembers = c.GetDuration(ClusterConfigKeys.AllowWeaklyUpMembers),
            RunCoordinatedShutdownWhenDown = c.GetBoolean(ClusterConfigKeys.RunCoordinatedShutdownWhenDown),
            FailureDetector = ReadFailureDetector(c),
            SplitBrainResolver = SplitBrainResolverSettings.Read(c, journalConnectionString, config.HasPath(ClusterConfigKeys.ActiveStrategy)),
        };
    }

    internal static TimeSpan Positive(Config c, ConfigKey key)
    {
        var value = c.GetDuration(key);
        return value > TimeSpan.Zero ? value : throw c.ErrorAt(key, "must be a positive duration");
    }

    private static FailureDetectorSettings ReadFailureDetector(Config c)
    {
        var threshold = c.GetDouble(ClusterConfigKeys.Threshold);
        if (threshold <= 0)
        {
            throw c.ErrorAt(ClusterConfigKeys.Threshold, "must be positive");
        }

        var samples = c.GetInt(ClusterConfigKeys.MaxSampleSize);
        if (samples < 2)
        {
            throw c.ErrorAt(ClusterConfigKeys.MaxSampleSize, "must be at least 2");
        }

        var monitoredBy = c.GetInt(ClusterConfigKeys.MonitoredByNrOfMembers);
        if (monitoredBy < 1)
        {
            throw c.ErrorAt(ClusterConfigKeys.MonitoredByNrOfMembers, "must be at least 1");
        }

        return new FailureDetectorSettings(
            Positive(c, ClusterConfigKeys.HeartbeatInterval),
            threshold,
            samples,
            Positive(c, ClusterConfigKeys.MinStdDeviation),
            c.GetDuration(ClusterConfigKeys.AcceptableHeartbeatPause),
            monitoredBy,
            Positive(c, ClusterConfigKeys.ExpectedResponseAfter));
    }
}
