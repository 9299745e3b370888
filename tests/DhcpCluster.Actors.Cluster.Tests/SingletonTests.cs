using System.Collections.Concurrent;
using DhcpCluster.Actors.Cluster.Singleton;

namespace DhcpCluster.Actors.Cluster.Tests;

public sealed class SingletonTests
{
    public const string Fast = """
        dhcp-cluster.cluster.down-removal-margin = 300ms
        dhcp-cluster.cluster.singleton.hand-over-retry-interval = 200ms
        dhcp-cluster.cluster.singleton-proxy.singleton-identification-interval = 200ms
        """;

    [Fact]
    public async Task The_singleton_runs_once_on_the_oldest_member_and_the_proxy_reaches_it_from_every_node()
    {
        var log = new IntervalLog();
        var nodes = TestNodes.StartCluster(3, Fast);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var proxies = StartAll(nodes, log);
            await TestNodes.AwaitAsync(() => log.Running.Count == 1, TimeSpan.FromSeconds(10), "one instance runs");
            var oldest = nodes.Select(n => Cluster.Get(n).SelfMember!).Aggregate((a, b) => a.IsOlderThan(b) ? a : b);
            Assert.Equal(oldest.Address.Port, log.Running.Single());
            foreach (var proxy in proxies)
            {
                Assert.Equal(oldest.Address.Port, await proxy.Ask<int>("where", TimeSpan.FromSeconds(10)));
            }

            await Task.Delay(500);
            Assert.Single(log.Running);
            log.AssertNoOverlap();
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    [Fact]
    public async Task A_graceful_leave_hands_over_and_the_proxy_loses_no_message()
    {
        var log = new IntervalLog();
        var nodes = TestNodes.StartCluster(3, Fast);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var proxies = StartAll(nodes, log);
            await TestNodes.AwaitAsync(() => log.Running.Count == 1, TimeSpan.FromSeconds(10), "one instance runs");
            var oldestNode = nodes.Single(n => Cluster.Get(n).SelfAddress.Port == log.Running.Single());
            var other = nodes.First(n => n != oldestNode);
            var proxy = proxies[nodes.IndexOf(other)];
            var answers = new List<Task<int>>();
            for (var i = 0; i < 20; i++)
            {
                answers.Add(proxy.Ask<int>("where", TimeSpan.FromSeconds(15)));
            }

            Cluster.Get(oldestNode).Leave(Cluster.Get(oldestNode).SelfAddress);
            for (var i = 0; i < 60; i++)
            {
                answers.Add(proxy.Ask<int>("where", TimeSpan.FromSeconds(15)));
                await Task.Delay(50);
            }

            var ports = await Task.WhenAll(answers);
            Assert.Contains(ports, p => p != Cluster.Get(oldestNode).SelfAddress.Port);
            await TestNodes.AwaitAsync(() => log.Running.Count == 1 && log.Running.Single() != Cluster.Get(oldestNode).SelfAddress.Port, TimeSpan.FromSeconds(10), "the instance runs on the next oldest");
            log.AssertNoOverlap();
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    [Fact]
    public async Task After_a_crash_the_singleton_starts_elsewhere_only_once_the_old_host_was_downed_and_removed()
    {
        var log = new IntervalLog();
        var nodes = TestNodes.StartCluster(3, Fast);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var proxies = StartAll(nodes, log);
            await TestNodes.AwaitAsync(() => log.Running.Count == 1, TimeSpan.FromSeconds(10), "one instance runs");
            var crashedPort = log.Running.Single();
            var crashed = nodes.Single(n => Cluster.Get(n).SelfAddress.Port == crashedPort);
            var survivor = nodes.First(n => n != crashed);
            var removedAt = DateTime.MaxValue;
            var probe = new Probe(survivor, "removed");
            Cluster.Get(survivor).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberRemoved));
            await TestNodes.CrashAsync(crashed);
            log.Stopped(crashedPort);
            var removed = await probe.ExpectAsync<ClusterEvent.MemberRemoved>(TimeSpan.FromSeconds(20));
            removedAt = removed.Timestamp;
            await TestNodes.AwaitAsync(() => log.Running.Count == 1, TimeSpan.FromSeconds(15), "the instance runs on a survivor");
            Assert.NotEqual(crashedPort, log.Running.Single());
            Assert.True(log.LastStart >= removedAt.AddMilliseconds(250), $"started at {log.LastStart:HH:mm:ss.fff}, member removed at {removedAt:HH:mm:ss.fff}");
            Assert.NotEqual(crashedPort, await proxies[nodes.IndexOf(survivor)].Ask<int>("where", TimeSpan.FromSeconds(10)));
            log.AssertNoOverlap();
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes.Where(n => !n.WhenTerminated.IsCompleted));
        }
    }

    [Fact]
    public async Task A_downed_member_whose_stopped_instance_left_messages_and_no_successor_still_terminates()
    {
        var node = TestNodes.StartCluster(1, Fast).Single();
        using var gate = new ManualResetEventSlim();
        try
        {
            await TestNodes.AwaitUpAsync([node], 1);
            var manager = node.ActorOf(ClusterSingletonManager.Props(Props.Create(() => new GatedSingleton(gate)), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(node)), "gated");
            var state = await AwaitSingletonStateAsync(manager, s => s.Running);

            // The instance is busy while more messages wait in its mailbox; meanwhile its member is downed.
            state.Singleton!.Tell("block", ActorRefs.NoSender);
            for (var i = 0; i < 3; i++)
            {
                state.Singleton.Tell("left-" + i, ActorRefs.NoSender);
            }

            Cluster.Get(node).Down(Cluster.Get(node).SelfAddress);
            await AwaitSingletonStateAsync(manager, s => s.HandedOver && !s.Running);

            // The instance stops with messages left: they come back to the manager, which has nobody to pass them to
            // (no successor ever asked: a downed member is cut off); it must still stop, and the system terminate.
            gate.Set();
            var terminated = await Task.WhenAny(node.WhenTerminated, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(ReferenceEquals(terminated, node.WhenTerminated), "the downed member's actor system did not terminate within 30 s");
        }
        finally
        {
            gate.Set();

            // Not awaited: when the defect is back, the system never terminates and the assertion above says so.
            _ = node.Terminate();
        }
    }

    private static async Task<ClusterSingletonManagerProtocol.SingletonState> AwaitSingletonStateAsync(IActorRef manager, Func<ClusterSingletonManagerProtocol.SingletonState, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var state = await manager.Ask<ClusterSingletonManagerProtocol.SingletonState>(ClusterSingletonManagerProtocol.GetSingletonState.Instance, TimeSpan.FromSeconds(5));
            if (condition(state))
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the singleton manager did not reach the expected state; last: {state}");
            await Task.Delay(50);
        }
    }

    private static List<IActorRef> StartAll(IList<ActorSystem> nodes, IntervalLog log)
    {
        var proxies = new List<IActorRef>();
        foreach (var node in nodes)
        {
            var port = Cluster.Get(node).SelfAddress.Port!.Value;
            node.ActorOf(ClusterSingletonManager.Props(Props.Create(() => new RecordingSingleton(log, port)), PoisonPill.Instance, ClusterSingletonManagerSettings.Create(node)), "ha");
            proxies.Add(node.ActorOf(ClusterSingletonProxy.Props("/user/ha", ClusterSingletonProxySettings.Create(node)), "ha-proxy"));
        }

        return proxies;
    }

    /// <summary>Start and stop times of every instance (the in-process stand-in for the PostgreSQL table of the namespace tests).</summary>
    public sealed class IntervalLog
    {
        private readonly ConcurrentQueue<(int Port, DateTime Start, DateTime? Stop)> _closed = new();
        private readonly ConcurrentDictionary<int, DateTime> _open = new();

        public IReadOnlyCollection<int> Running => [.. _open.Keys];

        public DateTime LastStart { get; private set; }

        public void Started(int port)
        {
            var now = DateTime.UtcNow;
            LastStart = now;
            Assert.True(_open.TryAdd(port, now), $"two instances on {port}");
        }

        public void Stopped(int port)
        {
            if (_open.TryRemove(port, out var start))
            {
                _closed.Enqueue((port, start, DateTime.UtcNow));
            }
        }

        public void AssertNoOverlap()
        {
            var all = _closed.Select(c => (c.Start, Stop: c.Stop!.Value)).Concat(_open.Values.Select(s => (Start: s, Stop: DateTime.MaxValue))).OrderBy(i => i.Start).ToList();
            for (var i = 1; i < all.Count; i++)
            {
                Assert.True(all[i].Start >= all[i - 1].Stop, $"instance started at {all[i].Start:HH:mm:ss.fff} while another ran until {all[i - 1].Stop:HH:mm:ss.fff}");
            }
        }
    }

    /// <summary>A singleton that, on "block", holds its thread until the gate opens (so messages queue behind it).</summary>
    private sealed class GatedSingleton : ReceiveActor
    {
        public GatedSingleton(ManualResetEventSlim gate)
        {
            Receive<string>(m =>
            {
                if (string.Equals(m, "block", StringComparison.Ordinal))
                {
                    gate.Wait(TimeSpan.FromSeconds(30));
                }
            });
        }
    }

    private sealed class RecordingSingleton : ReceiveActor
    {
        private readonly IntervalLog _log;
        private readonly int _port;

        public RecordingSingleton(IntervalLog log, int port)
        {
            _log = log;
            _port = port;
            Receive<string>(_ => Sender.Tell(_port, Self));
        }

        protected override void PreStart() => _log.Started(_port);

        protected override void PostStop() => _log.Stopped(_port);
    }
}
