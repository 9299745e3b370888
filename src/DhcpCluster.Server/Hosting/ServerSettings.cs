using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Server.Hosting;

/// <summary>The runtime settings of the DHCP actors (<c>dhcp-cluster.server</c>).</summary>
public sealed record ServerSettings
{
    /// <summary>The embedded defaults.</summary>
    public static Config Reference { get; } = ConfigFactory.FromResource(typeof(ServerSettings).Assembly, "DhcpCluster.Server.reference.conf");

    /// <summary>See <see cref="ServerConfigKeys.DuplicateWindow"/>.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>See <see cref="ServerConfigKeys.PassivateIdleClientAfter"/>; null never passivates.</summary>
    public TimeSpan? PassivateIdleClientAfter { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>See <see cref="ServerConfigKeys.DecisionTimeout"/>.</summary>
    public TimeSpan DecisionTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>See <see cref="ServerConfigKeys.ReclaimInterval"/>.</summary>
    public TimeSpan ReclaimInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>See <see cref="ServerConfigKeys.SnapshotEvery"/>.</summary>
    public int SnapshotEvery { get; init; } = 1000;

    /// <summary>See <see cref="ServerConfigKeys.LinkCheckInterval"/>.</summary>
    public TimeSpan LinkCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock in Unix seconds (tests replace it).</summary>
    public Func<long> Clock { get; init; } = () => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>Reads the settings over the embedded defaults.</summary>
    /// <exception cref="ConfigException">A value has the wrong type or is out of range.</exception>
    public static ServerSettings Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(Reference);
        var passivate = c.GetDuration(ServerConfigKeys.PassivateIdleClientAfter);
        var snapshotEvery = c.GetInt(ServerConfigKeys.SnapshotEvery);
        if (snapshotEvery < 0)
        {
            throw c.ErrorAt(ServerConfigKeys.SnapshotEvery, "must be 0 (never) or positive");
        }

        return new ServerSettings
        {
            DuplicateWindow = Positive(c, ServerConfigKeys.DuplicateWindow),
            PassivateIdleClientAfter = passivate == Timeout.InfiniteTimeSpan ? null : Positive(c, ServerConfigKeys.PassivateIdleClientAfter),
            DecisionTimeout = Positive(c, ServerConfigKeys.DecisionTimeout),
            ReclaimInterval = Positive(c, ServerConfigKeys.ReclaimInterval),
            SnapshotEvery = snapshotEvery,
            LinkCheckInterval = Positive(c, ServerConfigKeys.LinkCheckInterval),
        };
    }

    private static TimeSpan Positive(Config config, ConfigKey key)
    {
        var value = config.GetDuration(key);
        return value > TimeSpan.Zero && value != Timeout.InfiniteTimeSpan ? value : throw config.ErrorAt(key, "must be a positive duration");
    }
}
