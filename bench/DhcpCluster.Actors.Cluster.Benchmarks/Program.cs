using DhcpCluster.Benchmarks;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DhcpCluster.Actors;
using DhcpCluster.Actors.Cluster;
using DhcpCluster.Actors.Cluster.Benchmarks;

// dotnet bench/DhcpCluster.Actors.Cluster.Benchmarks/bin/Release/net10.0/DhcpCluster.Actors.Cluster.Benchmarks.dll [--messages N]
// Child role (started by the parent): --role node PORT SEEDPORT
if (args.Length >= 4 && string.Equals(args[0], "--role", StringComparison.Ordinal))
{
    var (child, _, _) = BenchNode.Start(int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture));
    Console.WriteLine("READY");
    await child.WhenTerminated.ConfigureAwait(false);
    return 0;
}

var messages = 200_000;
for (var i = 0; i < args.Length - 1; i++)
{
    if (string.Equals(args[i], "--messages", StringComparison.Ordinal))
    {
        messages = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    }
}

Console.WriteLine($"DhcpCluster singleton/sharding benchmark, {Environment.ProcessorCount} cores, {DateTime.UtcNow:u}");
Console.WriteLine("settings: heartbeat 200ms, acceptable-heartbeat-pause 1s, stable-after 1s, down-removal-margin auto (1s), 4 nodes (3 child processes + this one)");
var ports = Enumerable.Range(0, 4).Select(_ => FreePort()).ToList();
var children = new List<Process>();
try
{
    foreach (var port in ports.Take(3))
    {
        var child = ChildProcess.Start("--role", "node", port.ToString(CultureInfo.InvariantCulture), ports[0].ToString(CultureInfo.InvariantCulture));
        ChildProcess.WaitForLine(child, "READY", TimeSpan.FromSeconds(60));
        children.Add(child);
        await Task.Delay(1500).ConfigureAwait(false);
    }

    var (system, region, proxy) = BenchNode.Start(ports[3], ports[0]);
    var cluster = Cluster.Get(system);
    await WaitAsync(() => cluster.State.Members.Count(m => m.Status == MemberStatus.Up) == 4, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
    var singletonPort = await proxy.Ask<string>("where", TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    var homes = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (var id in Enumerable.Range(0, 300).Select(i => "e" + i.ToString(CultureInfo.InvariantCulture)))
    {
        homes[id] = await region.Ask<string>(id + "|where", TimeSpan.FromSeconds(30)).ConfigureAwait(false);
    }

    var self = ports[3].ToString(CultureInfo.InvariantCulture);
    var local = homes.Where(h => string.Equals(h.Value, self, StringComparison.Ordinal)).Select(h => h.Key).ToList();
    var remote = homes.Where(h => !string.Equals(h.Value, self, StringComparison.Ordinal)).Select(h => h.Key).ToList();
    Console.WriteLine($"shard region throughput ({messages} request/reply round trips, 500 in flight):");
    Console.WriteLine($"  local entities ({local.Count}):  {await ThroughputAsync(region, local, messages).ConfigureAwait(false):N0} msgs/s");
    Console.WriteLine($"  remote entities ({remote.Count}): {await ThroughputAsync(region, remote, messages).ConfigureAwait(false):N0} msgs/s");

    var victim = children[ports.IndexOf(int.Parse(singletonPort, CultureInfo.InvariantCulture))];
    var victimEntities = homes.Where(h => string.Equals(h.Value, singletonPort, StringComparison.Ordinal)).Select(h => h.Key).ToList();
    var downedAt = DateTime.MinValue;
    var removedAt = DateTime.MinValue;
    var watcher = system.ActorOf(Props.Create(() => new DowningWatcher(singletonPort, t => downedAt = t, t => removedAt = t)), "watcher");
    cluster.Subscribe(watcher, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberDowned), typeof(ClusterEvent.MemberRemoved));
    var killedAt = DateTime.UtcNow;
    victim.Kill();
    var singletonAt = await UntilAsync(async () => !string.Equals(await proxy.Ask<string>("where", TimeSpan.FromMilliseconds(500)).ConfigureAwait(false), singletonPort, StringComparison.Ordinal)).ConfigureAwait(false);
    var pending = new HashSet<string>(victimEntities, StringComparer.Ordinal);
    var entitiesAt = await UntilAsync(async () =>
    {
        var answers = await Task.WhenAll(pending.Select(async e =>
        {
            try
            {
                return (e, await region.Ask<string>(e + "|where", TimeSpan.FromMilliseconds(500)).ConfigureAwait(false));
            }
            catch (AskTimeoutException)
            {
                return (e, singletonPort);
            }
        })).ConfigureAwait(false);
        pending.ExceptWith(answers.Where(a => !string.Equals(a.Item2, singletonPort, StringComparison.Ordinal)).Select(a => a.e));
        return pending.Count == 0;
    }).ConfigureAwait(false);
    Console.WriteLine($"kill -9 of the node running the singleton and {victimEntities.Count} entities:");
    Console.WriteLine($"  downing decision (MemberDowned seen): {(downedAt - killedAt).TotalSeconds:F2} s after the kill; removed: {(removedAt - killedAt).TotalSeconds:F2} s");
    Console.WriteLine($"  singleton answering from another node: {(singletonAt - killedAt).TotalSeconds:F2} s after the kill ({(singletonAt - downedAt).TotalSeconds:F2} s after the decision; target 2 s)");
    Console.WriteLine($"  all entities of the dead node answering again: {(entitiesAt - killedAt).TotalSeconds:F2} s after the kill ({(entitiesAt - downedAt).TotalSeconds:F2} s after the decision; target 2 s)");
    await system.Terminate().ConfigureAwait(false);
}
finally
{
    foreach (var child in children.Where(c => !c.HasExited))
    {
        child.Kill();
    }
}

return 0;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitAsync(Func<bool> condition, TimeSpan timeout)
{
    var deadline = DateTime.UtcNow + timeout;
    while (!condition())
    {
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException("the cluster did not form");
        }

        await Task.Delay(50).ConfigureAwait(false);
    }
}

static async Task<DateTime> UntilAsync(Func<Task<bool>> done)
{
    var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
    while (DateTime.UtcNow < deadline)
    {
        try
        {
            if (await done().ConfigureAwait(false))
            {
                return DateTime.UtcNow;
            }
        }
        catch (AskTimeoutException)
        {
            // not yet
        }

        await Task.Delay(20).ConfigureAwait(false);
    }

    throw new TimeoutException("not recovered within 60 s");
}

static async Task<double> ThroughputAsync(IActorRef region, IReadOnlyList<string> entities, int count)
{
    if (entities.Count == 0)
    {
        return 0;
    }

    var next = -1;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, 500).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            await region.Ask<string>(entities[i % entities.Count] + "|m", TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
    })).ConfigureAwait(false);
    return count / watch.Elapsed.TotalSeconds;
}
