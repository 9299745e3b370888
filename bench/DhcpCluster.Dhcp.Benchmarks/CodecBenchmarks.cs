using BenchmarkDotNet.Attributes;

namespace DhcpCluster.Dhcp.Benchmarks;

/// <summary>BenchmarkDotNet view of <see cref="CodecScenario"/>: time and allocated bytes per packet.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private readonly CodecScenario _scenario = new();

    /// <summary>Parse a DISCOVER, write the OFFER.</summary>
    [Benchmark]
    public int DiscoverToOffer() => _scenario.DiscoverToOffer();

    /// <summary>Parse a REQUEST, write the ACK.</summary>
    [Benchmark]
    public int RequestToAck() => _scenario.RequestToAck();
}
