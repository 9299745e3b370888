using DhcpCluster.Benchmarks;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DhcpCluster.Actors;
using DhcpCluster.Actors.Cluster;
using DhcpCluster.Actors.Remote;

namespace DhcpCluster.Actors.Remote.Benchmarks;

/// <summary>The measurements; each prints its figures.</summary>
public static class Measurements
{
    private const int Window = 60_000;

    public static async Task TellAndAskAsync(int messages)
    {
        var sinkPort = FreePort();
        using var child = ChildProcess.Start("--role", "sink", sinkPort.ToString(CultureInfo.InvariantCulture));
        ChildProcess.WaitForLine(child, "READY", TimeSpan.FromSeconds(60));
        var system = RemoteActorSystem.Create("bench", Roles.RemoteConfig(FreePort()));
        try
        {
            var sink = ((ExtendedActorSystem)system).ResolveActorRef($"dhcp-cluster.tcp://bench@127.0.0.1:{sinkPort}/user/sink");
            var acked = new StrongBox<long>();
            var counter = system.ActorOf(Props.Create(() => new AckCounter(acked)), "acks");
            var payload = new byte[100];
            Send(sink, counter, acked, payload, 200_000);
            Console.WriteLine($"remote tell, 100-byte payload, one tell per message, two processes on 127.0.0.1 ({messages:N0} messages, window {Window:N0}):");
            for (var run = 1; run <= 3; run++)
            {
                sink.Tell("reset", counter);
                await Task.Delay(200).ConfigureAwait(false);
                Volatile.Write(ref acked.Value, 0);
                var watch = Stopwatch.StartNew();
                Send(sink, counter, acked, payload, messages);
                watch.Stop();
                Console.WriteLine($"  run {run}: {messages / watch.Elapsed.TotalSeconds:N0} msgs/s ({watch.Elapsed.TotalMilliseconds:N0} ms)");
            }

            for (var i = 0; i < 2000; i++)
            {
                await sink.Ask<long>((long)i, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }

            const int asks = 20_000;
            var latencies = new double[asks];
            var total = Stopwatch.StartNew();
            for (var i = 0; i < asks; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await sink.Ask<long>((long)i, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }

            total.Stop();
            Array.Sort(latencies);
            Console.WriteLine($"ask round trip across processes ({asks:N0} sequential asks): mean {total.Elapsed.TotalMicroseconds / asks:N0} us, p50 {latencies[asks / 2]:N0} us, p99 {latencies[asks * 99 / 100]:N0} us");
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
            child.StandardInput.Close();
            child.Kill();
        }
    }

    public static async Task KillDetectionAsync(bool tight)
    {
        var label = tight
            ? "tight settings (heartbeat-interval 200ms, acceptable-heartbeat-pause 1s, stable-after 2s)"
            : "default settings (heartbeat-interval 1s, acceptable-heartbeat-pause 3s, stable-after 20s)";
        var seedPort = FreePort();
        var childPort = FreePort();
        while (childPort < seedPort)
        {
            childPort = FreePort();
        }

        var system = ClusterSystem.Create("bench", Roles.ClusterConfig(seedPort, seedPort, tight));
        try
        {
            var times = new DetectionTimes();
            var watcher = system.ActorOf(Props.Create(() => new DetectionWatcher(times)), "watcher");
            Cluster.Cluster.Get(system).Subscribe(watcher, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.UnreachableMember));
            system.EventStream.Subscribe(watcher, typeof(SplitBrainResolverMessages.DecisionTaken));
            using var child = ChildProcess.Start("--role", "cluster-node", childPort.ToString(CultureInfo.InvariantCulture), seedPort.ToString(CultureInfo.InvariantCulture), tight ? "1" : "0");
            ChildProcess.WaitForLine(child, "READY", TimeSpan.FromSeconds(60));
            var cluster = Cluster.Cluster.Get(system);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (cluster.State.Members.Count(m => m.Status == MemberStatus.Up) < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50).ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromSeconds(tight ? 3 : 8)).ConfigureAwait(false);
            var killed = DateTime.UtcNow;
            child.Kill();
            deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (Interlocked.Read(ref times.DecisionTicks) == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20).ConfigureAwait(false);
            }

            var unreachable = Interlocked.Read(ref times.UnreachableTicks);
            var decision = Interlocked.Read(ref times.DecisionTicks);
            Console.WriteLine($"kill -9 of a member of a pair, {label}:");
            Console.WriteLine($"  kill -9 -> UnreachableMember: {(unreachable == 0 ? "not seen" : $"{(new DateTime(unreachable, DateTimeKind.Utc) - killed).TotalSeconds:F2} s")}");
            Console.WriteLine($"  kill -9 -> downing decision:  {(decision == 0 ? "not seen" : $"{(new DateTime(decision, DateTimeKind.Utc) - killed).TotalSeconds:F2} s")}");
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    private static void Send(IActorRef sink, IActorRef counter, StrongBox<long> acked, byte[] payload, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        for (var sent = 0; sent < count; sent++)
        {
            if (sent % 1000 == 0)
            {
                var spin = new SpinWait();
                while (sent - Volatile.Read(ref acked.Value) > Window)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                    if (spin.Count % 1024 == 0 && DateTime.UtcNow > deadline)
                    {
                        throw new TimeoutException($"the sink acknowledged only {Volatile.Read(ref acked.Value)} of {sent} messages");
                    }
                }
            }

            sink.Tell(payload, counter);
        }

        var wait = new SpinWait();
        var target = count - (count % Sink.AckEvery);
        while (Volatile.Read(ref acked.Value) < target)
        {
            wait.SpinOnce(sleep1Threshold: -1);
            if (wait.Count % 1024 == 0 && DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the sink acknowledged only {Volatile.Read(ref acked.Value)} of {count} messages");
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
