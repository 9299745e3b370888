namespace DhcpCluster.Lab.Load;

/// <summary>One exchange's figures as perfdhcp prints them (DISCOVER-OFFER or REQUEST-ACK).</summary>
public sealed record PerfdhcpExchange(
    string Name,
    long Sent,
    long Received,
    long Drops,
    double DropsPercent,
    long RejectedLeases,
    long NonUniqueAddresses,
    double MinDelayMs,
    double AverageDelayMs,
    double MaxDelayMs);
