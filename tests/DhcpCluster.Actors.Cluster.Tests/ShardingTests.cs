using System.Collections.Concurrent;
using DhcpCluster.Actors.Cluster.Sharding;
using static DhcpCluster.Actors.Cluster.Sharding.ShardRegionProtocol;

namespace DhcpCluster.Actors.Cluster.Tests;

public sealed class ShardingTests
{
    public const string Fast = SingletonTests.Fast + """

        dhcp-cluster.cluster.sharding {
          retry-interval = 200ms
          rebalance-interval = 300ms
          handoff-timeout = 5s
          least-shard-allocation-strategy.max-simultaneous-rebalance = 5
        }
        """;

    [Fact]
    public async Task Each_entity_lives_in_one_region_and_answers_through_every_node()
    {
        var nodes = TestNodes.StartCluster(3, Fast);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var deliveries = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var regions = nodes.Select(n => StartEcho(n, deliveries)).ToList();
            var answers = new List<Task<string>>();
            for (var i = 0; i < 300; i++)
            {
                answers.Add(regions[i % 3].Ask<string>(new ShardingEnvelope("e" + (i % 30), "m" + i), TimeSpan.FromSeconds(15)));
            }

            var replies = await Task.WhenAll(answers);
            Assert.Equal(300, replies.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(300, deliveries.Values.Sum());
            var states = await Task.WhenAll(nodes.Select(n => ClusterSharding.Get(n).GetShardRegionStateAsync("echo", TimeSpan.FromSeconds(5))));
            var entities = states.SelectMany(s => s.Shards).SelectMany(s => s.EntityIds).ToList();
            Assert.Equal(30, entities.Count);
            Assert.Equal(30, entities.Distinct(StringComparer.Ordinal).Count());
            Assert.True(states.Count(s => s.Shards.Count > 0) >= 2, "shards are spread over the regions");
            var stats = await ClusterSharding.Get(nodes[1]).GetClusterShardingStatsAsync("echo", TimeSpan.FromSeconds(5));
            Assert.Equal(3, stats.Regions.Count);
            Assert.Empty(stats.Failed);
            Assert.Equal(30, stats.Regions.Values.Sum(r => r.Stats.Values.Sum()));
            var current = await ClusterSharding.Get(nodes[2]).GetCurrentRegionsAsync("echo", TimeSpan.FromSeconds(5));
            Assert.Equal(3, current.ShardsByRegion.Count);
            Assert.Equal(states.Sum(s => s.Shards.Count), current.ShardsByRegion.Values.Sum());
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    [Fact]
    public async Task A_joining_node_takes_shards_by_rebalancing_and_no_request_fails()
    {
        var nodes = TestNodes.StartCluster(2, Fast);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 2);
            var deliveries = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var regions = nodes.Select(n => StartEcho(n, deliveries)).ToList();
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => regions[0].Ask<string>(new ShardingEnvelope("e" + i, "warm" + i), TimeSpan.FromSeconds(15))));
            using var stop = new CancellationTokenSource();
            var driver = DriveAsync(regions[0], 40, stop.Token);
            var seed = string.Join(", ", nodes.Select(n => TestNodes.Seed(Cluster.Get(n).SelfAddress.Port!.Value)));
            nodes.Add(TestNodes.Start(0, seed, Fast));
            await TestNodes.AwaitUpAsync(nodes, 3);
            StartEcho(nodes[2], deliveries);
            await TestNodes.AwaitAsync(() => Shards(nodes[2]) >= 4, TimeSpan.FromSeconds(30), "the new region hosts its share of shards");
            await stop.CancelAsync();
            var (sent, failures) = await driver;
            Assert.True(sent > 50, $"only {sent} requests sent");
            Assert.Equal(0, failures);
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    [Fact]
    public async Task A_graceful_leave_moves_the_shards_without_a_failed_request()
    {
        var nodes = TestNodes.StartCluster(3, Fast);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var deliveries = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var regions = nodes.Select(n => StartEcho(n, deliveries)).ToList();
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => regions[0].Ask<string>(new ShardingEnvelope("e" + i, "warm" + i), TimeSpan.FromSeconds(15))));
            var leaving = nodes.OrderBy(n => Cluster.Get(n).SelfMember!.UpNumber).First();
            var driverNode = nodes.First(n => n != leaving);
            await TestNodes.AwaitAsync(() => Shards(leaving) > 0, TimeSpan.FromSeconds(10), "the leaving node hosts shards");
            using var stop = new CancellationTokenSource();
            var driver = DriveAsync(regions[nodes.IndexOf(driverNode)], 40, stop.Token);
            await Task.Delay(300);
            Assert.True(await ClusterSharding.Get(leaving).GracefulShutdownAsync(TimeSpan.FromSeconds(20)), "the region handed off its shards");
            Cluster.Get(leaving).Leave(Cluster.Get(leaving).SelfAddress);
            await leaving.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(15));
            await Task.Delay(1000);
            await stop.CancelAsync();
            var (sent, failures) = await driver;
            Assert.True(sent > 50, $"only {sent} requests sent");
            Assert.Equal(0, failures);
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes.Where(n => !n.WhenTerminated.IsCompleted));
        }
    }

    [Fact]
    public async Task Entities_of_a_crashed_node_answer_again_from_the_survivors()
    {
        var nodes = TestNodes.StartCluster(3, Fast);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var deliveries = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var regions = nodes.Select(n => StartEcho(n, deliveries)).ToList();
            await Task.WhenAll(Enumerable.Range(0, 40).Select(i => regions[0].Ask<string>(new ShardingEnvelope("e" + i, "warm" + i), TimeSpan.FromSeconds(15))));
            var crashed = nodes[2];
            await TestNodes.AwaitAsync(() => Shards(crashed) > 0, TimeSpan.FromSeconds(10), "the crashing node hosts shards");
            var itsEntities = (await ClusterSharding.Get(crashed).GetShardRegionStateAsync("echo", TimeSpan.FromSeconds(5))).Shards.SelectMany(s => s.EntityIds).ToList();
            await TestNodes.CrashAsync(crashed);
            var replies = await Task.WhenAll(itsEntities.Select(e => AskWithRetriesAsync(regions[0], new ShardingEnvelope(e, "after"), TimeSpan.FromSeconds(30))));
            Assert.All(replies, r => Assert.StartsWith("after@", r, StringComparison.Ordinal));
            Assert.DoesNotContain(replies, r => r.EndsWith(":" + Cluster.Get(crashed).SelfAddress.Port, StringComparison.Ordinal));
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes.Where(n => !n.WhenTerminated.IsCompleted));
        }
    }

    [Fact]
    public async Task Idle_entities_are_passivated_and_recreated_on_their_next_message()
    {
        var port = TestNodes.FreePort();
        var node = TestNodes.Start(port, TestNodes.Seed(port), Fast + "\ndhcp-cluster.cluster.sharding.passivate-idle-entity-after = 300ms");
        try
        {
            await TestNodes.AwaitUpAsync([node], 1);
            var deliveries = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var region = StartEcho(node, deliveries);
            var first = await region.Ask<string>(new ShardingEnvelope("idle", "one"), TimeSpan.FromSeconds(10));
            await TestNodes.AwaitAsync(() => EntityCount(node) == 0, TimeSpan.FromSeconds(5), "the idle entity is passivated");
            var second = await region.Ask<string>(new ShardingEnvelope("idle", "two"), TimeSpan.FromSeconds(10));
            Assert.False(string.Equals(Incarnation(first), Incarnation(second), StringComparison.Ordinal), $"{first} and {second} came from the same incarnation");
        }
        finally
        {
            await node.Terminate();
        }
    }

    [Fact]
    public async Task Messages_an_entity_had_stashed_when_it_stopped_reach_its_next_incarnation()
    {
        var port = TestNodes.FreePort();
        var node = TestNodes.Start(port, TestNodes.Seed(port), Fast);
        try
        {
            await TestNodes.AwaitUpAsync([node], 1);
            var incarnations = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
            var region = ClusterSharding.Get(node).Start("stasher", id => Props.Create(() => new StashingEntity(incarnations, id)), ClusterShardingSettings.Create(node), HashCodeMessageExtractor.Create(10));
            var held = Enumerable.Range(0, 5).Select(i => region.Ask<string>(new ShardingEnvelope("s1", "hold" + i), TimeSpan.FromSeconds(15))).ToList();
            await Task.Delay(200);
            region.Tell(new ShardingEnvelope("s1", "passivate"));
            var replies = await Task.WhenAll(held);
            Assert.All(replies, r => Assert.EndsWith("#2", r, StringComparison.Ordinal));
        }
        finally
        {
            await node.Terminate();
        }
    }

    [Fact]
    public async Task Buffered_messages_older_than_the_maximum_age_are_dropped_and_counted()
    {
        var port = TestNodes.FreePort();
        var node = TestNodes.Start(port, TestNodes.Seed(port), Fast + "\ndhcp-cluster.cluster.sharding.buffered-message-max-age = 300ms");
        try
        {
            await TestNodes.AwaitUpAsync([node], 1);
            var settings = ClusterShardingSettings.Create(node).WithRole("not-on-this-node");
            var region = ClusterSharding.Get(node).Start("nowhere", _ => Props.Create(() => new StashingEntity(new ConcurrentDictionary<string, int>(StringComparer.Ordinal), "x")), settings, HashCodeMessageExtractor.Create(10));
            for (var i = 0; i < 7; i++)
            {
                region.Tell(new ShardingEnvelope("n" + i, "late"));
            }

            await TestNodes.AwaitAsync(
                () => ClusterSharding.Get(node).GetShardRegionStateAsync("nowhere", TimeSpan.FromSeconds(5)).Result is { DroppedExpired: 7, BufferedMessages: 0 },
                TimeSpan.FromSeconds(5),
                "the seven buffered messages expire");
        }
        finally
        {
            await node.Terminate();
        }
    }

    private static IActorRef StartEcho(ActorSystem node, ConcurrentDictionary<string, int> deliveries) =>
        ClusterSharding.Get(node).Start("echo", id => Props.Create(() => new EchoEntity(deliveries, Cluster.Get(node).SelfAddress.Port!.Value)), ClusterShardingSettings.Create(node), HashCodeMessageExtractor.Create(20), "stop");

    private static int Shards(ActorSystem node) => ClusterSharding.Get(node).GetShardRegionStateAsync("echo", TimeSpan.FromSeconds(5)).Result.Shards.Count;

    private static int EntityCount(ActorSystem node) => ClusterSharding.Get(node).GetShardRegionStateAsync("echo", TimeSpan.FromSeconds(5)).Result.Shards.Sum(s => s.EntityIds.Count);

    private static string Incarnation(string reply) => reply[(reply.IndexOf('@', StringComparison.Ordinal) + 1)..];

    /// <summary>What a client does: asks again when an ask fails (the request went to a node that crashed), until the deadline.</summary>
    private static async Task<string> AskWithRetriesAsync(IActorRef region, object message, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            try
            {
                return await region.Ask<string>(message, TimeSpan.FromSeconds(3));
            }
            catch (AskTimeoutException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<(int Sent, int Failures)> DriveAsync(IActorRef region, int entities, CancellationToken stop)
    {
        var sent = 0;
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            var batch = Enumerable.Range(0, entities).Select(i => region.Ask<string>(new ShardingEnvelope("e" + i, "d" + sent + "-" + i), TimeSpan.FromSeconds(20))).ToList();
            foreach (var ask in batch)
            {
                try
                {
                    await ask;
                }
                catch (AskTimeoutException)
                {
                    failures++;
                }
            }

            sent += batch.Count;
            await Task.Delay(20, CancellationToken.None);
        }

        return (sent, failures);
    }

    private sealed class EchoEntity : ReceiveActor
    {
        private static int _incarnations;

        public EchoEntity(ConcurrentDictionary<string, int> deliveries, int port)
        {
            var incarnation = Interlocked.Increment(ref _incarnations);
            Receive<string>(m => string.Equals(m, "stop", StringComparison.Ordinal), _ => Context.Stop(Self));
            Receive<string>(m =>
            {
                deliveries.AddOrUpdate(m, 1, (_, n) => n + 1);
                Sender.Tell($"{m}@{incarnation}:{port}", Self);
            });
        }
    }

    private sealed class StashingEntity : ReceiveActor, IWithUnboundedStash
    {
        public StashingEntity(ConcurrentDictionary<string, int> incarnations, string id)
        {
            var incarnation = incarnations.AddOrUpdate(id, 1, (_, n) => n + 1);
            Receive<string>(m => string.Equals(m, "passivate", StringComparison.Ordinal), _ => Context.Parent.Tell(new Passivate(PoisonPill.Instance), Self));
            Receive<string>(m =>
            {
                if (incarnation == 1)
                {
                    Stash.Stash();
                }
                else
                {
                    Sender.Tell($"{m}#{incarnation}", Self);
                }
            });
        }

        public IStash Stash { get; set; } = null!;
    }
}
