using System.Text.Json.Nodes;
using DhcpCluster.Actors.Cluster.Commands;
using DhcpCluster.Commands.Protocol;
using DhcpCluster.Control.Registry;

namespace DhcpCluster.Actors.Cluster.Tests;

/// <summary>The cluster palette of the command endpoint, answered from real in-process clusters.</summary>
public sealed class ClusterCommandsTests
{
    private const string NoDowning = "dhcp-cluster.cluster.split-brain-resolver.active-strategy = off";

    [Fact]
    public void Member_lines_and_the_count_are_printed_as_Petabridge_prints_them()
    {
        var address = new Address("dhcp-cluster.tcp", "lab", "192.0.2.10", 2552);
        var member = new Member(new UniqueAddress(address, 42), MemberStatus.Up, ["dhcp", "backend"], 1);
        Assert.Equal("dhcp-cluster.tcp://lab@192.0.2.10:2552 | [dhcp,backend] | up |", ClusterText.MemberLine(member, unreachable: false));
        Assert.Equal("dhcp-cluster.tcp://lab@192.0.2.10:2552 | [] | weaklyup | unreachable |", ClusterText.MemberLine(member with { Roles = [], Status = MemberStatus.WeaklyUp }, unreachable: true));
        Assert.Equal("Count: 3 nodes", ClusterText.Count(3));
    }

    [Fact]
    public void Addresses_are_taken_in_full_or_as_host_and_port_of_this_system()
    {
        var self = new Address("dhcp-cluster.tcp", "lab", "192.0.2.10", 2552);
        Assert.Equal(new Address("dhcp-cluster.tcp", "lab", "192.0.2.11", 2553), ClusterText.ParseAddress("192.0.2.11:2553", self));
        Assert.Equal(new Address("dhcp-cluster.tcp", "other", "h", 1), ClusterText.ParseAddress("dhcp-cluster.tcp://other@h:1", self));
        Assert.Throws<CommandArgumentException>(() => ClusterText.ParseAddress("192.0.2.11", self));
        Assert.Throws<CommandArgumentException>(() => ClusterText.ParseAddress("192.0.2.11:99999", self));
        Assert.Throws<CommandArgumentException>(() => ClusterText.ParseAddress("dhcp-cluster.tcp://lab", self));
    }

    [Fact]
    public async Task Show_leader_status_join_down_unreachable_and_leave_act_on_a_real_cluster()
    {
        var port0 = TestNodes.FreePort();
        var port1 = TestNodes.FreePort();
        var seeds = $"{TestNodes.Seed(port0)}, {TestNodes.Seed(port1)}";
        var nodes = new List<ActorSystem> { TestNodes.Start(port0, seeds, NoDowning), TestNodes.Start(port1, seeds, NoDowning), TestNodes.Start(0, string.Empty, NoDowning) };
        try
        {
            var registries = nodes.Select(n => Registry(Cluster.Get(n))).ToList();
            await TestNodes.AwaitUpAsync(nodes.Take(2), 2);

            // join: the third node had no seeds; the command makes it join node 0.
            var joined = await RunAsync(registries[2], CommandNames.ClusterJoin, new JsonObject { ["address"] = $"127.0.0.1:{port0}" });
            Assert.Equal(CommandResultCode.Success, joined.Result);
            await TestNodes.AwaitUpAsync(nodes, 3);

            var show = await RunAsync(registries[1], CommandNames.ClusterShow);
            var lines = Lines(show);
            Assert.Equal(4, lines.Count);
            Assert.Equal("Count: 3 nodes", lines[^1]);
            foreach (var node in nodes)
            {
                Assert.Contains($"{Cluster.Get(node).SelfAddress} | [] | up |", lines, StringComparer.Ordinal);
            }

            var leader = Lines(await RunAsync(registries[2], CommandNames.ClusterLeader));
            Assert.Equal([Cluster.Get(nodes[0]).State.Leader!.ToString()], leader);
            Assert.Equal(Cluster.Get(nodes[2]).SelfAddress + " | [] | up |", Lines(await RunAsync(registries[2], CommandNames.ClusterStatus))[0]);

            // A crashed node shows as unreachable; down-unreachable removes it.
            var crashed = Cluster.Get(nodes[2]).SelfAddress;
            await TestNodes.CrashAsync(nodes[2]);
            await TestNodes.AwaitAsync(() => Cluster.Get(nodes[0]).State.Unreachable.Count == 1, TimeSpan.FromSeconds(15), "node 0 sees the crashed node unreachable");
            Assert.Contains($"{crashed} | [] | up | unreachable |", Lines(await RunAsync(registries[0], CommandNames.ClusterShow)), StringComparer.Ordinal);
            var downed = await RunAsync(registries[0], CommandNames.ClusterDownUnreachable);
            Assert.Equal([$"Downing {crashed}", "Downed: 1 nodes"], Lines(downed));
            await TestNodes.AwaitUpAsync(nodes.Take(2), 2);

            // leave by address, from another node: node 1 leaves and its system stops.
            var left = await RunAsync(registries[0], CommandNames.ClusterLeave, new JsonObject { ["address"] = Cluster.Get(nodes[1]).SelfAddress.ToString() });
            Assert.Equal(CommandResultCode.Success, left.Result);
            await nodes[1].WhenTerminated.WaitAsync(TimeSpan.FromSeconds(15));
            await TestNodes.AwaitUpAsync(nodes.Take(1), 1);
            Assert.Equal("Count: 1 nodes", Lines(await RunAsync(registries[0], CommandNames.ClusterShow))[^1]);
            Assert.Equal(["No unreachable members"], Lines(await RunAsync(registries[0], CommandNames.ClusterDownUnreachable)));
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    [Fact]
    public async Task A_node_outside_any_cluster_and_bad_addresses_get_clear_answers()
    {
        var node = TestNodes.Start();
        try
        {
            var registry = Registry(Cluster.Get(node));
            Assert.Equal(CommandResultCode.Empty, (await RunAsync(registry, CommandNames.ClusterLeader)).Result);
            Assert.EndsWith("| not a member |", Lines(await RunAsync(registry, CommandNames.ClusterStatus))[0], StringComparison.Ordinal);
            Assert.Equal("Count: 0 nodes", Lines(await RunAsync(registry, CommandNames.ClusterShow))[^1]);
            Assert.Equal(CommandResultCode.Empty, (await RunAsync(registry, CommandNames.ClusterLeave)).Result);
            Assert.Equal(CommandResultCode.Empty, (await RunAsync(registry, CommandNames.ClusterDown, new JsonObject { ["address"] = "127.0.0.1:1" })).Result);
            var bad = await RunAsync(registry, CommandNames.ClusterDown, new JsonObject { ["address"] = "no-port" });
            Assert.Equal(CommandResultCode.Error, bad.Result);
            Assert.Contains("HOST:PORT", bad.Text, StringComparison.Ordinal);
            Assert.Equal(CommandResultCode.Error, (await RunAsync(registry, CommandNames.ClusterJoin)).Result);
            Assert.True(ClusterCommands.Names.All(registry.Contains));
            Assert.True(ClusterCommands.RegisterWhenClustered(new CommandRegistry(), node));
            var plain = ActorSystem.Create("plain");
            var plainRegistry = new CommandRegistry();
            Assert.False(ClusterCommands.RegisterWhenClustered(plainRegistry, plain));
            Assert.False(plainRegistry.Contains(CommandNames.ClusterShow));
            await plain.Terminate();
            ClusterCommands.Unregister(registry);
            Assert.Equal(CommandResultCode.Unsupported, (await RunAsync(registry, CommandNames.ClusterShow)).Result);
        }
        finally
        {
            await node.Terminate();
        }
    }

    private static CommandRegistry Registry(Cluster cluster)
    {
        var registry = new CommandRegistry();
        ClusterCommands.Register(registry, cluster);
        return registry;
    }

    private static async Task<CommandResponse> RunAsync(CommandRegistry registry, string command, JsonObject? arguments = null) =>
        await registry.ExecuteAsync(new CommandRequest(command, Arguments: arguments), CancellationToken.None);

    private static List<string> Lines(CommandResponse response) =>
        response.Arguments?["lines"] is JsonArray lines ? [.. lines.Select(l => l!.GetValue<string>())] : throw new Xunit.Sdk.XunitException($"no lines in {response}");
}
