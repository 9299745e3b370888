using DhcpCluster.Lab.Load;
using DhcpCluster.Server.Benchmarks.Servers;

namespace DhcpCluster.Server.Benchmarks.Measuring;

/// <summary>One perfdhcp run against a fresh server at one offered rate.</summary>
internal sealed record RateRun(
    int OfferedRate,
    int Seconds,
    double? AchievedRate,
    double RequestAckDropsPercent,
    double DiscoverOfferDropsPercent,
    long Acks,
    double AverageDelayMs,
    double MaxDelayMs,
    double ServerCpuSeconds,
    JournalFigures? Journal,
    double LoadAverage)
{
    /// <summary>Datagrams dropped at a full socket receive buffer during the run (server's, perfdhcp's).</summary>
    public SocketDrops SocketDrops { get; init; } = new(0, 0);

    /// <summary>perfdhcp's average DISCOVER-OFFER delay, beside the REQUEST-ACK one the search reports.</summary>
    public double DiscoverOfferAverageDelayMs { get; init; } = double.NaN;

    /// <summary>dhcp-node's garbage collections over the server's life (null for other servers).</summary>
    public RuntimeFigures? Runtime { get; init; }

    /// <summary>Server CPU seconds per 10,000 acknowledged leases.</summary>
    public double CpuSecondsPer10kLeases => Acks > 0 ? ServerCpuSeconds / Acks * 10_000 : double.NaN;

    public static RateRun From(int rate, int seconds, PerfdhcpReport report, double cpuSeconds, JournalFigures? journal, double load)
    {
        ArgumentNullException.ThrowIfNull(report);
        var offer = report.DiscoverOffer;
        var ack = report.RequestAck;
        return new RateRun(
            rate,
            seconds,
            report.Rate,
            ack is null ? 100 : DropsPercent(ack),
            offer is null ? 100 : DropsPercent(offer),
            ack?.Received ?? 0,
            ack?.AverageDelayMs ?? double.NaN,
            ack?.MaxDelayMs ?? double.NaN,
            cpuSeconds,
            journal,
            load)
        {
            DiscoverOfferAverageDelayMs = offer?.AverageDelayMs ?? double.NaN,
        };
    }

    /// <summary>perfdhcp's drops ratio, or 100% when nothing of the exchange was sent back (drops are then NaN).</summary>
    private static double DropsPercent(PerfdhcpExchange exchange) =>
        double.IsNaN(exchange.DropsPercent) ? (exchange.Sent > 0 && exchange.Received == 0 ? 100 : 0) : exchange.DropsPercent;
}
