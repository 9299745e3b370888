using DhcpCluster.Actors.Cluster.Sharding;
using DhcpCluster.Actors.Remote;
using FsCheck;
using FsCheck.Fluent;
using static DhcpCluster.Actors.Cluster.Sharding.ShardCoordinatorProtocol;
using static DhcpCluster.Actors.Cluster.Singleton.ClusterSingletonManagerProtocol;

namespace DhcpCluster.Actors.Cluster.Tests;

public sealed class ShardingSerializerTests
{
    [Fact]
    public async Task Entity_messages_and_protocol_messages_survive_the_wire()
    {
        var node = TestNodes.Start();
        try
        {
            var wire = RemoteActorSystem.Transport(node).Serialization;
            var someone = node.ActorOf(Props.Create(() => new Probe.Sink()), "someone");
            Prop.ForAll<NonEmptyString, NonEmptyString, string>((entity, shard, payload) =>
            {
                var text = payload ?? string.Empty;
                var ticks = DateTime.UtcNow.Ticks - text.Length;
                var back = (ShardRegionProtocol.ShardDelivery)wire.RoundTrip(new ShardRegionProtocol.ShardDelivery(entity.Get, shard.Get, text, ticks));
                var home = (ShardHome)wire.RoundTrip(new ShardHome(shard.Get, someone));
                var register = (Register)wire.RoundTrip(new Register(someone, [shard.Get, entity.Get]));
                return string.Equals(back.EntityId, entity.Get, StringComparison.Ordinal) && string.Equals(back.ShardId, shard.Get, StringComparison.Ordinal)
                    && string.Equals((string)back.Message, text, StringComparison.Ordinal) && back.CreatedUtcTicks == ticks
                    && string.Equals(home.Shard, shard.Get, StringComparison.Ordinal) && home.Region.Path.Equals(someone.Path)
                    && register.Region.Path.Equals(someone.Path) && register.Shards.SequenceEqual([shard.Get, entity.Get], StringComparer.Ordinal);
            }).QuickCheckThrowOnFailure();

            Assert.Equal(42, ((SingletonDelivery)wire.RoundTrip(new SingletonDelivery(42))).Message);
            Assert.Same(HandOverToMe.Instance, wire.RoundTrip(HandOverToMe.Instance));
            Assert.Same(HandOverDone.Instance, wire.RoundTrip(HandOverDone.Instance));
            Assert.Equal("7", ((BeginHandOff)wire.RoundTrip(new BeginHandOff("7"))).Shard);
            Assert.Equal("7", ((ShardStopped)wire.RoundTrip(new ShardStopped("7"))).Shard);
            var stats = (ShardRegionProtocol.ShardRegionStats)wire.RoundTrip(new ShardRegionProtocol.ShardRegionStats(new Dictionary<string, int>(StringComparer.Ordinal) { ["1"] = 3, ["2"] = 0 }));
            Assert.Equal(3, stats.Stats["1"]);
            Assert.Equal(2, stats.Stats.Count);
            var regions = (ShardRegionProtocol.CurrentRegions)wire.RoundTrip(new ShardRegionProtocol.CurrentRegions(new Dictionary<Address, int> { [Cluster.Get(node).SelfAddress] = 5 }));
            Assert.Equal(5, regions.ShardsByRegion[Cluster.Get(node).SelfAddress]);
            Assert.Throws<ArgumentException>(() => wire.RoundTrip(new ShardRegionProtocol.ShardDelivery("e", "s", new object(), 0)));
        }
        finally
        {
            await node.Terminate();
        }
    }
}
