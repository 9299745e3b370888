using System.Globalization;
using DhcpCluster.Hocon.Benchmarks;

// Parses a generated 10,000-subnet Kea-style config (JSON with comments), resolves it and reads every subnet
// through ConfigKey getters; then the same subnets written in HOCON with a substitution in every subnet.
// Usage: dotnet run -c Release --project bench/DhcpCluster.Hocon.Benchmarks [-- subnets [runs]]
var subnets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{Environment.ProcessorCount} cores, load average {Scenario.LoadAverage()}; {runs} timed runs after 1 warm-up; wall-clock times, and CPU time of the process (all threads, GC included), which a loaded machine inflates less"));
new Scenario("Kea JSON", KeaConfigGenerator.Generate(subnets), "kea-dhcp4.conf", subnets).Run(runs);
new Scenario("HOCON + substitutions", HoconConfigGenerator.Generate(subnets), "node.conf", subnets).Run(runs);
return 0;
