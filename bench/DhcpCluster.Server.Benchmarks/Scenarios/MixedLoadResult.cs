using DhcpCluster.Lab.Load;
using DhcpCluster.Server.Benchmarks.Servers;

namespace DhcpCluster.Server.Benchmarks.Scenarios;

/// <summary>One mixed run: the offered rates, every exchange perfdhcp reported, and the releases dhcp-node counted (RELEASE has no reply).</summary>
internal sealed record MixedLoadResult(
    string Server, string Kind, int Rate, int SecondaryRate, int Seconds, double? AchievedRate, IReadOnlyList<PerfdhcpExchange> Exchanges,
    double ServerCpuSeconds, JournalFigures? Journal, long? ReleasesCounted, double LoadAverage);
