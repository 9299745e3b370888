using System.Globalization;
using BenchmarkDotNet.Running;
using DhcpCluster.Dhcp.Benchmarks;

// harness [seconds]: parse + write in a plain timed loop that prints packets/s;
// decisions [seconds]: parse + decide + write (DISCOVER->OFFER, REQUEST->ACK) likewise;
// anything else goes to BenchmarkDotNet (e.g. --filter '*Codec*').
if (args.Length > 0 && args[0] is "harness" or "decisions")
{
    var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
    return string.Equals(args[0], "harness", StringComparison.Ordinal) ? Harness.Run(seconds) : DecisionHarness.Run(seconds);
}

BenchmarkSwitcher.FromAssembly(typeof(CodecBenchmarks).Assembly).Run(args);
return 0;
