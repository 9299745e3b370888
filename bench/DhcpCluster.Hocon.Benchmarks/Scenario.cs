using System.Diagnostics;
using System.Globalization;

namespace DhcpCluster.Hocon.Benchmarks;

/// <summary>One configuration text, parsed, resolved and read a number of times; prints median, min and max of each phase.</summary>
internal sealed class Scenario(string name, string text, string origin, int subnets)
{
    private readonly List<double> _parse = [];
    private readonly List<double> _resolve = [];
    private readonly List<double> _read = [];
    private readonly List<double> _total = [];
    private readonly List<double> _cpu = [];
    private long _allocated;

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public void Run(int runs)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {subnets} subnets, {text.Length / 1024.0 / 1024.0:F1} MiB of text"));
        for (var run = 0; run <= runs; run++)
        {
            RunOnce(record: run > 0);
        }

        Console.WriteLine(Line("parse", _parse));
        Console.WriteLine(Line("resolve", _resolve));
        Console.WriteLine(Line("read all subnets", _read));
        Console.WriteLine(Line("total", _total));
        Console.WriteLine(Line("total CPU time", _cpu));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated per run: {_allocated / 1024.0 / 1024.0:F1} MiB"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"target total < 1 s: wall clock {Verdict(Median(_total))}, CPU time {Verdict(Median(_cpu))} (load average now {LoadAverage()})"));
    }

    private void RunOnce(bool record)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var unresolved = ConfigFactory.ParseStringUnresolved(text, origin);
        var parsed = clock.Elapsed.TotalMilliseconds;
        var config = unresolved.Resolve(static _ => null);
        var resolved = clock.Elapsed.TotalMilliseconds;
        var checksum = SubnetReader.ReadEverySubnet(config);
        var total = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        if (checksum <= subnets)
        {
            throw new InvalidOperationException("the subnets were not all read");
        }

        if (!record)
        {
            return;
        }

        _allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        _parse.Add(parsed);
        _resolve.Add(resolved - parsed);
        _read.Add(total - resolved);
        _total.Add(total);
        _cpu.Add(cpu);
    }

    private static string Verdict(double milliseconds) => milliseconds < 1000 ? "met" : "NOT met";

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

    private static string Line(string what, List<double> times)
    {
        var sorted = times.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{what,-18} median {Median(times),8:F1} ms   min {sorted[0],8:F1} ms   max {sorted[^1],8:F1} ms");
    }
}
