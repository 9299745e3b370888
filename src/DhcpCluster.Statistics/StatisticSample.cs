namespace DhcpCluster.Statistics;

/// <summary>A statistic's value at a point in time.</summary>
/// <param name="Name">The statistic's name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Timestamp">When the registry first saw this value (Kea records the time of the last change; see <see cref="StatisticsRegistry.Snapshot"/>).</param>
public readonly record struct StatisticSample(string Name, double Value, DateTimeOffset Timestamp)
{
    /// <summary>True when the value is a whole number (every counter; derived ratios may not be).</summary>
    public bool IsInteger => Value == Math.Floor(Value) && Math.Abs(Value) < 9.0e15;
}
