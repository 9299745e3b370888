using System.Diagnostics;
using System.Globalization;

namespace DhcpCluster.Dhcp.Benchmarks;

/// <summary>
/// A plain timed loop over <see cref="DecisionScenario"/> on one thread that prints packets per second, packets per
/// CPU-second of this process (meaningful when the machine's cores are shared) and allocated bytes per packet.
/// </summary>
public static class DecisionHarness
{
    /// <summary>Warms up for 3 s, then measures each exchange for <paramref name="seconds"/>.</summary>
    public static int Run(double seconds)
    {
        var scenario = new DecisionScenario();
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            for (var i = 0; i < 10_000; i++)
            {
                scenario.DiscoverToOffer();
                scenario.RequestToAck();
            }
        }

        Measure("DISCOVER->OFFER", scenario.DiscoverToOffer, seconds);
        Measure("REQUEST->ACK", scenario.RequestToAck, seconds);
        return 0;
    }

    private static void Measure(string name, Func<int> step, double seconds)
    {
        const int batch = 10_000;
        long packets = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
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
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-16} {packets / clock.Elapsed.TotalSeconds,12:N0} packets/s wall  {packets / cpu,12:N0} packets per CPU-second  {(double)allocated / packets:F3} B/packet allocated  ({packets:N0} packets in {clock.Elapsed.TotalSeconds:F1} s)"));
    }
}
