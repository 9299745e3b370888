using System.Globalization;
using DhcpCluster.Actors;
using DhcpCluster.Actors.Benchmarks;
using DhcpCluster.Hocon;

// Plain harness (no BenchmarkDotNet: its process-per-job runs take minutes on two shared cores).
// Usage: dotnet run -c Release --project bench/DhcpCluster.Actors.Benchmarks [pairs] [messagesPerPair] [inFlight]
var pairs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
var perPair = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400_000;
var inFlight = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;

Console.WriteLine($"DhcpCluster.Actors benchmarks: {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, load average {LoadAverage()}");
using var system = ActorSystem.Create("bench", ConfigFactory.ParseString("dhcp-cluster.coordinated-shutdown.run-by-clr-shutdown-hook = off"));

// Warm up the JIT on every path.
TellThroughput.Run(system, 4, 20_000, 100, freshMessages: false);
TellThroughput.Run(system, 4, 20_000, 100, freshMessages: true);
AskLatency.Run(system, 2_000);

for (var round = 1; round <= 3; round++)
{
    var shared = TellThroughput.Run(system, pairs, perPair, inFlight, freshMessages: false);
    var fresh = TellThroughput.Run(system, pairs, perPair, inFlight, freshMessages: true);
    Console.WriteLine($"round {round}: tell throughput, {pairs} pairs, {inFlight} in flight per pair: {shared.PerSecond:N0} msg/s (one message object reused per pair), {fresh.PerSecond:N0} msg/s (a new object per Tell)");
    Console.WriteLine($"         per CPU-second of this process: {shared.PerCpuSecond:N0} (reused), {fresh.PerCpuSecond:N0} (new object); x{Environment.ProcessorCount} cores = {shared.PerCpuSecond * Environment.ProcessorCount:N0} / {fresh.PerCpuSecond * Environment.ProcessorCount:N0} msg/s on an otherwise idle machine");
}

var (median, p99) = AskLatency.Run(system, 50_000, TimeSpan.FromSeconds(10));
Console.WriteLine($"ask round trip (50,000 sequential asks from a non-actor thread, 10 s timeout): median {median:0.00} us, p99 {p99:0.00} us");
(median, p99) = AskLatency.Run(system, 50_000);
Console.WriteLine($"ask round trip (50,000 sequential asks from a non-actor thread, no timeout): median {median:0.00} us, p99 {p99:0.00} us");

var creation = Creation.Run(system, 100_000);
Console.WriteLine($"actor creation: {creation:N0} actors/s (ActorOf + first message handled, 100,000 actors)");

var bytes = Creation.MemoryPerIdleActor(system, 100_000);
Console.WriteLine($"memory per idle actor (ReceiveActor with one handler, 100,000 actors, after one message each): {bytes:N0} bytes");

static string LoadAverage()
{
    try
    {
        return File.ReadAllText("/proc/loadavg").Split(' ')[0];
    }
    catch (IOException)
    {
        return "unknown";
    }
}
