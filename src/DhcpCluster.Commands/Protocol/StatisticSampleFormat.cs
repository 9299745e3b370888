using System.Globalization;

namespace DhcpCluster.Commands.Protocol;

/// <summary>
/// The text of a statistic sample's time as Kea writes it (<c>2026-11-22 02:10:33.123456</c>, local time of the node,
/// microseconds); statistics travel as <c>{"name": [[value, "timestamp"]]}</c>.
/// </summary>
public static class StatisticSampleFormat
{
    /// <summary>The timestamp format.</summary>
    public const string TimestampFormat = "yyyy-MM-dd HH:mm:ss.ffffff";

    /// <summary>Formats a sample time.</summary>
    public static string FormatTimestamp(DateTimeOffset time) => time.ToString(TimestampFormat, CultureInfo.InvariantCulture);
}
