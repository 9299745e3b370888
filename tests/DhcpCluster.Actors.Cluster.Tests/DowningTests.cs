namespace DhcpCluster.Actors.Cluster.Tests;

public sealed class DowningTests
{
    [Fact]
    public async Task A_crashed_member_becomes_unreachable_is_downed_by_keep_majority_and_removed()
    {
        var nodes = TestNodes.StartCluster(3);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var probe = new Probe(nodes[0], "events");
            Cluster.Get(nodes[0]).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberRemoved));
            await probe.ExpectAsync<CurrentClusterState>();
            var crashed = Cluster.Get(nodes[2]).SelfAddress;
            await TestNodes.CrashAsync(nodes[2]);
            Assert.Equal(crashed, (await probe.ExpectAsync<ClusterEvent.UnreachableMember>(TimeSpan.FromSeconds(10))).Member.Address);
            Assert.Equal(crashed, (await probe.ExpectAsync<ClusterEvent.MemberRemoved>(TimeSpan.FromSeconds(15))).Member.Address);
            await TestNodes.AwaitUpAsync(nodes.Take(2).ToList(), 2);
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    [Fact]
    public async Task In_a_pair_with_keep_majority_the_survivor_of_the_lowest_address_crash_downs_itself()
    {
        var nodes = TestNodes.StartCluster(2);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 2);
            var ordered = nodes.OrderBy(n => Cluster.Get(n).SelfAddress.Port).ToList();
            var decisions = new Probe(ordered[1], "decisions");
            ordered[1].EventStream.Subscribe(decisions.Ref, typeof(SplitBrainResolverMessages.DecisionTaken));
            await TestNodes.CrashAsync(ordered[0]);
            var decision = await decisions.ExpectAsync<SplitBrainResolverMessages.DecisionTaken>(TimeSpan.FromSeconds(15));
            Assert.Equal(DowningDecisionKind.DownReachable, decision.Decision.Kind);
            Assert.Contains("lowest address", decision.Decision.Reason, StringComparison.Ordinal);
            await ordered[1].WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    [Fact]
    public async Task A_quarantined_node_rejoins_only_as_a_new_incarnation()
    {
        var nodes = TestNodes.StartCluster(3);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var port = Cluster.Get(nodes[2]).SelfAddress.Port!.Value;
            var oldUid = Cluster.Get(nodes[2]).SelfUniqueAddress.Uid;
            await TestNodes.CrashAsync(nodes[2]);
            await TestNodes.AwaitAsync(() => Cluster.Get(nodes[0]).State.Members.Count == 2, TimeSpan.FromSeconds(15), "the crashed node is removed");
            await nodes[2].Terminate();
            var seeds = string.Join(", ", nodes.Take(2).Select(n => TestNodes.Seed(Cluster.Get(n).SelfAddress.Port!.Value)));
            nodes[2] = TestNodes.Start(port, seeds);
            await TestNodes.AwaitUpAsync(nodes, 3);
            var rejoined = Cluster.Get(nodes[0]).State.MemberAt(Cluster.Get(nodes[2]).SelfAddress)!;
            Assert.NotEqual(oldUid, rejoined.UniqueAddress.Uid);
            Assert.True(Remote.RemoteActorSystem.Transport(nodes[0]).IsQuarantined(rejoined.Address, oldUid));
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }
}
