using System.Diagnostics;
using System.Globalization;
using DhcpCluster.Hocon;
using DhcpCluster.Hocon.Benchmarks;
using DhcpCluster.Hocon.Keys;

// Parses a generated 10,000-subnet Kea-style config, resolves it and reads every subnet through ConfigKey getters.
// Usage: dotnet run -c Release --project bench/DhcpCluster.Hocon.Benchmarks [-- subnets [runs]]
var subnets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var text = KeaConfigGenerator.Generate(subnets);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"config: {subnets} subnets, {text.Length / 1024.0 / 1024.0:F1} MiB of text, {runs} timed runs after 1 warm-up"));

var parseTimes = new List<double>();
var readTimes = new List<double>();
var totalTimes = new List<double>();
long allocated = 0;
for (var run = 0; run <= runs; run++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var before = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    var config = ConfigFactory.ParseString(text, "kea-dhcp4.conf");
    var parsed = clock.Elapsed.TotalMilliseconds;
    var checksum = ReadEverySubnet(config);
    var total = clock.Elapsed.TotalMilliseconds;
    if (checksum == 0)
    {
        throw new InvalidOperationException("nothing was read");
    }

    if (run == 0)
    {
        continue;
    }

    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
    parseTimes.Add(parsed);
    readTimes.Add(total - parsed);
    totalTimes.Add(total);
}

Console.WriteLine(Line("parse + resolve", parseTimes));
Console.WriteLine(Line("read all subnets", readTimes));
Console.WriteLine(Line("total", totalTimes));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated per run: {allocated / 1024.0 / 1024.0:F1} MiB"));
Console.WriteLine(totalTimes.Order().ElementAt(totalTimes.Count / 2) < 1000 ? "target (< 1 s) met" : "target (< 1 s) NOT met");
return 0;

static string Line(string what, List<double> times)
{
    var sorted = times.Order().ToList();
    return string.Create(CultureInfo.InvariantCulture, $"{what,-18} median {sorted[sorted.Count / 2],8:F1} ms   min {sorted[0],8:F1} ms   max {sorted[^1],8:F1} ms");
}

static long ReadEverySubnet(Config config)
{
    var dhcp4 = config.GetConfig(BenchKeys.Dhcp4);
    long checksum = dhcp4.GetInt(BenchKeys.ValidLifetime) + dhcp4.GetStringList(BenchKeys.Interfaces).Count;
    foreach (var subnet in dhcp4.GetConfigList(BenchKeys.Subnet4))
    {
        checksum += subnet.GetInt(BenchKeys.SubnetId) + subnet.GetString(BenchKeys.Subnet).Length;
        foreach (var pool in subnet.GetConfigList(BenchKeys.Pools))
        {
            checksum += pool.GetString(BenchKeys.Pool).Length;
        }

        foreach (var option in subnet.GetConfigList(BenchKeys.OptionData))
        {
            checksum += option.GetString(BenchKeys.OptionName).Length + option.GetString(BenchKeys.OptionDataValue).Length;
            checksum += option.HasPath(BenchKeys.OptionCode) ? option.GetInt(BenchKeys.OptionCode) : 0;
        }

        foreach (var reservation in subnet.GetConfigList(BenchKeys.Reservations))
        {
            checksum += reservation.GetString(BenchKeys.ReservationAddress).Length;
        }
    }

    return checksum;
}
