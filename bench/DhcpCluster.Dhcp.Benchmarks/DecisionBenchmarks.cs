using BenchmarkDotNet.Attributes;

namespace DhcpCluster.Dhcp.Benchmarks;

/// <summary>
/// BenchmarkDotNet view of <see cref="DecisionScenario"/>: parse + decide + write per packet on one core, with
/// allocated bytes. Run: <c>dotnet run -c Release --project bench/DhcpCluster.Dhcp.Benchmarks -- --filter *DecisionBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
public class DecisionBenchmarks
{
    private DecisionScenario scenario = null!;

    [GlobalSetup]
    public void Setup() => scenario = new DecisionScenario();

    [Benchmark(OperationsPerInvoke = DecisionScenario.Clients)]
    public int DiscoverToOffer()
    {
        var total = 0;
        for (var i = 0; i < DecisionScenario.Clients; i++)
        {
            total += scenario.DiscoverToOffer();
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = DecisionScenario.Clients)]
    public int RequestToAck()
    {
        var total = 0;
        for (var i = 0; i < DecisionScenario.Clients; i++)
        {
            total += scenario.RequestToAck();
        }

        return total;
    }
}
