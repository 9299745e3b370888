using System.Globalization;
using BenchmarkDotNet.Running;
using DhcpCluster.Dhcp.Benchmarks;

// harness [seconds]: a plain timed loop that prints packets/s; anything else goes to BenchmarkDotNet
// (e.g. --filter '*Codec*').
if (args.Length > 0 && string.Equals(args[0], "harness", StringComparison.Ordinal))
{
    var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
    return Harness.Run(seconds);
}

BenchmarkSwitcher.FromAssembly(typeof(CodecBenchmarks).Assembly).Run(args);
return 0;
