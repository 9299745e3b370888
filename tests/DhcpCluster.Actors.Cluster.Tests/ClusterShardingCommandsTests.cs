using System.Text.Json.Nodes;
using DhcpCluster.Actors.Cluster.Commands;
using DhcpCluster.Actors.Cluster.Sharding;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Registry;

namespace DhcpCluster.Actors.Cluster.Tests;

/// <summary>The cluster-sharding palette of the command endpoint, answered by the shard regions of an in-process pair.</summary>
public sealed class ClusterShardingCommandsTests
{
    [Fact]
    public async Task Regions_region_stats_and_shard_stats_report_what_the_regions_host()
    {
        var nodes = TestNodes.StartCluster(2, ShardingTests.Fast);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 2);
            var regions = nodes.Select(n => ClusterSharding.Get(n).Start("greeter", _ => Props.Create(() => new Greeter()), ClusterShardingSettings.Create(n), HashCodeMessageExtractor.Create(10))).ToList();
            var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => regions[i % 2].Ask<string>(new ShardingEnvelope("g" + i, "hello"), TimeSpan.FromSeconds(15))));
            Assert.All(replies, r => Assert.Equal("hello back", r));

            var registries = nodes.Select(n =>
            {
                var registry = new CommandRegistry();
                Assert.True(ClusterShardingCommands.RegisterWhenClustered(registry, n));
                return registry;
            }).ToList();

            var listed = await RunAsync(registries[0], CommandNames.ClusterShardingRegions);
            Assert.Equal(CommandResultCode.Success, listed.Result);
            var listedLines = Lines(listed);
            Assert.Equal("greeter", listedLines[0]);
            Assert.Equal("Count: 1 regions", listedLines[^1]);

            var local = await Task.WhenAll(registries.Select(r => RunAsync(r, CommandNames.ClusterShardingRegionStats, new JsonObject { ["region"] = "greeter" })));
            Assert.All(local, l => Assert.Equal(CommandResultCode.Success, l.Result));
            Assert.Equal(12, local.Sum(l => l.Arguments!["entities"]!.GetValue<int>()));
            Assert.All(local, l => Assert.StartsWith("Count: ", Lines(l)[^1], StringComparison.Ordinal));

            var cluster = await RunAsync(registries[1], CommandNames.ClusterShardingShardStats, new JsonObject { ["region"] = "greeter" });
            Assert.Equal(CommandResultCode.Success, cluster.Result);
            var members = cluster.Arguments!["members"]!.AsObject();
            Assert.Equal(2, members.Count);
            Assert.Equal(12, members.Sum(m => m.Value!.AsObject().Sum(s => s.Value!.GetValue<int>())));
            Assert.Equal("Count: 2 regions", Lines(cluster)[^1]);

            var unknown = await RunAsync(registries[0], CommandNames.ClusterShardingRegionStats, new JsonObject { ["region"] = "nobody" });
            Assert.Equal(CommandResultCode.Empty, unknown.Result);
            var missingArgument = await RunAsync(registries[0], CommandNames.ClusterShardingShardStats);
            Assert.Equal(CommandResultCode.Error, missingArgument.Result);
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    private static async Task<CommandResponse> RunAsync(CommandRegistry registry, string command, JsonObject? arguments = null) =>
        await registry.ExecuteAsync(new CommandRequest(command, Arguments: arguments), CancellationToken.None);

    private static List<string> Lines(CommandResponse response) =>
        response.Arguments?["lines"] is JsonArray lines ? [.. lines.Select(l => l!.GetValue<string>())] : throw new Xunit.Sdk.XunitException($"no lines in {response}");

    private sealed class Greeter : ReceiveActor
    {
        public Greeter() => Receive<string>(text => Sender.Tell(text + " back", Self));
    }
}
