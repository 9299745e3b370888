using System.Diagnostics;
using System.Globalization;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Benchmarks;

// Parses a generated 10,000-subnet Kea-style config (JSON with comments), resolves it and reads every subnet
// through ConfigKey getters; then the same subnets written in HOCON with a substitution in every subnet.
// Usage: dotnet run -c Release --project bench/DhcpCluster.Hocon.Benchmarks [-- subnets [runs]]
var subnets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, load average {LoadAverage()}; {runs} timed runs after 1 warm-up; times are wall clock"));
Measure("Kea JSON", KeaConfigGenerator.Generate(subnets), "kea-dhcp4.conf", subnets, runs);
Measure("HOCON + substitutions", HoconConfigGenerator.Generate(subnets), "node.conf", subnets, runs);
return 0;

static void Measure(string name, string text, string origin, int subnets, int runs)
{
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {subnets} subnets, {text.Length / 1024.0 / 1024.0:F1} MiB of text"));
    var parseTimes = new List<double>();
    var resolveTimes = new List<double>();
    var readTimes = new List<double>();
    var totalTimes = new List<double>();
    long allocated = 0;
    for (var run = 0; run <= runs; run++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var unresolved = ConfigFactory.ParseStringUnresolved(text, origin);
        var parsed = clock.Elapsed.TotalMilliseconds;
        var config = unresolved.Resolve(static _ => null);
        var resolved = clock.Elapsed.TotalMilliseconds;
        var checksum = SubnetReader.ReadEverySubnet(config);
        var total = clock.Elapsed.TotalMilliseconds;
        if (checksum <= subnets)
        {
            throw new InvalidOperationException("the subnets were not all read");
        }

        if (run == 0)
        {
            continue;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        parseTimes.Add(parsed);
        resolveTimes.Add(resolved - parsed);
        readTimes.Add(total - resolved);
        totalTimes.Add(total);
    }

    Console.WriteLine(Line("parse", parseTimes));
    Console.WriteLine(Line("resolve", resolveTimes));
    Console.WriteLine(Line("read all subnets", readTimes));
    Console.WriteLine(Line("total", totalTimes));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated per run: {allocated / 1024.0 / 1024.0:F1} MiB"));
    Console.WriteLine(Median(totalTimes) < 1000 ? "target (total < 1 s) met" : "target (total < 1 s) NOT met");
}

static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);

static string Line(string what, List<double> times)
{
    var sorted = times.Order().ToList();
    return string.Create(CultureInfo.InvariantCulture, $"{what,-18} median {Median(times),8:F1} ms   min {sorted[0],8:F1} ms   max {sorted[^1],8:F1} ms");
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
