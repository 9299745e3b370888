using System.Globalization;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Keys;

namespace DhcpCluster.Actors.Testing;

/// <summary>TestKit timing settings (<c>dhcp-cluster.test.*</c>), all durations already multiplied by the time factor.</summary>
public sealed record TestKitSettings
{
    /// <summary>Name of the environment variable overriding the time factor.</summary>
    public const string TimeFactorEnvironmentVariable = "DHCPCLUSTER_TEST_TIMEFACTOR";

    private const string ReferenceResource = "DhcpCluster.Actors.TestKit.reference.conf";

    /// <summary>The TestKit's defaults (embedded reference.conf).</summary>
    public static Config Reference { get; } = ConfigFactory.FromResource(typeof(TestKitSettings).Assembly, ReferenceResource);

    /// <summary>The time factor.</summary>
    public double TimeFactor { get; init; } = 1.0;

    /// <summary>Default ExpectMsg timeout (undilated).</summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Default ExpectNoMsg duration (undilated).</summary>
    public TimeSpan ExpectNoMessageDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Default AwaitAssert/AwaitCondition timeout (undilated).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Event filter leeway (undilated).</summary>
    public TimeSpan FilterLeeway { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Reads the settings from HOCON (over the reference) and the environment.</summary>
    /// <exception cref="ConfigException">When a value is invalid (also for a bad environment variable).</exception>
    public static TestKitSettings Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.WithFallback(Reference);
        var factor = c.GetDouble(TestKitConfigKeys.TimeFactor);
        var fromEnvironment = Environment.GetEnvironmentVariable(TimeFactorEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!double.TryParse(fromEnvironment, NumberStyles.Float, CultureInfo.InvariantCulture, out factor))
            {
                throw new ConfigException($"{TimeFactorEnvironmentVariable}: expected a number, found '{fromEnvironment}'");
            }
        }

        if (!(factor > 0) || double.IsInfinity(factor))
        {
            throw c.ErrorAt(TestKitConfigKeys.TimeFactor, $"must be a positive number, got {factor.ToString(CultureInfo.InvariantCulture)}");
        }

        return new TestKitSettings
        {
            TimeFactor = factor,
            SingleExpectDefault = c.GetDuration(TestKitConfigKeys.SingleExpectDefault),
            ExpectNoMessageDefault = c.GetDuration(TestKitConfigKeys.ExpectNoMessageDefault),
            DefaultTimeout = c.GetDuration(TestKitConfigKeys.DefaultTimeout),
            FilterLeeway = c.GetDuration(TestKitConfigKeys.FilterLeeway),
        };
    }

    /// <summary>Multiplies a duration by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) => duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}
