using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Cluster.Singleton;

/// <summary>
/// Reads <c>dhcp-cluster.cluster.down-removal-margin</c>: how long after the removal of a member that did not hand
/// over its singletons and shards they may start elsewhere. The margin covers the time the losing side of a
/// partition needs to reach its own downing decision and stop its instances (the two sides' failure detectors
/// and resolvers fire at slightly different moments).
/// </summary>
public static class DownRemovalMargin
{
    /// <summary>The margin configured, or derived when <c>auto</c>.</summary>
    /// <exception cref="ConfigException">When the value is neither auto nor a duration.</exception>
    public static TimeSpan Read(Config c, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(settings);
        var text = c.GetString(SingletonConfigKeys.DownRemovalMargin).Trim();
        if (string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
        {
            return Derived(settings);
        }

        if (text is "off" or "false" or "no")
        {
            return TimeSpan.Zero;
        }

        try
        {
            var value = ConfigFactory.ParseString("d = " + text, "down-removal-margin").GetDuration(new ConfigKey("d", ConfigValueType.Duration, "down-removal-margin"));
            return value >= TimeSpan.Zero ? value : throw c.ErrorAt(SingletonConfigKeys.DownRemovalMargin, "must not be negative");
        }
        catch (ConfigException e) when (!e.Message.Contains("negative", StringComparison.Ordinal))
        {
            throw c.ErrorAt(SingletonConfigKeys.DownRemovalMargin, $"expected auto, off or a duration, found '{text}'");
        }
    }

    /// <summary>The automatic margin: max(1s, 2 heartbeat intervals), plus the minority's lease delay under lease-majority.</summary>
    public static TimeSpan Derived(ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var margin = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, settings.FailureDetector.HeartbeatInterval.Ticks * 2));
        if (string.Equals(settings.SplitBrainResolver.ActiveStrategy, "lease-majority", StringComparison.Ordinal))
        {
            margin += settings.SplitBrainResolver.AcquireLeaseDelayForMinority;
        }

        return margin;
    }
}
