using System.Diagnostics;
using System.Globalization;

namespace DhcpCluster.Dhcp.Benchmarks;

/// <summary>
/// A plain loop on one thread that prints packets per second and allocated bytes per packet, for a quick figure
/// without BenchmarkDotNet's many runs: <c>dotnet run -c Release --project bench/DhcpCluster.Dhcp.Benchmarks -- harness [seconds]</c>.
/// </summary>
internal static class Harness
{
    public static int Run(double seconds)
    {
        var scenario = new CodecScenario();
        RunPair(scenario.DiscoverToOffer, scenario.RequestToAck, seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"request sizes: DISCOVER {scenario.Discover.Length} B, REQUEST {scenario.Request.Length} B; reply {scenario.LastReplyLength} B"));
        return 0;
    }

    /// <summary>Warms both steps up, then measures each for <paramref name="seconds"/> and prints its figures.</summary>
    public static void RunPair(Func<int> discoverToOffer, Func<int> requestToAck, double seconds)
    {
        // Warm-up by time, not by count: tiered JIT compiles the optimized code on a background thread, which
        // on a busy machine can take seconds to get its turn.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            for (var i = 0; i < 10_000; i++)
            {
                discoverToOffer();
                requestToAck();
            }
        }

        Measure("DISCOVER->OFFER", discoverToOffer, seconds);
        Measure("REQUEST->ACK", requestToAck, seconds);
    }

    private static void Measure(string name, Func<int> step, double seconds)
    {
        const int batch = 10_000;
        long packets = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gcBefore = GC.CollectionCount(0);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(seconds);
        while (clock.Elapsed < limit)
        {
            for (var i = 0; i < batch; i++)
            {
                step();
            }

            packets += batch;
        }

        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var rate = packets / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-16} {rate,12:N0} packets/s  {1e9 / rate,7:F1} ns/packet  {(double)allocated / packets:F3} B/packet allocated  gen0 GCs {GC.CollectionCount(0) - gcBefore}  ({packets:N0} packets in {clock.Elapsed.TotalSeconds:F1} s, one thread; {packets / cpu:N0} packets per CPU-second: the CPU is shared)"));
    }
}
