namespace DhcpCluster.Actors.Cluster.Tests;

public sealed class MembershipTests
{
    [Fact]
    public async Task Three_nodes_join_through_the_seeds_and_converge_on_the_same_members_and_leader()
    {
        var nodes = TestNodes.StartCluster(3);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var views = nodes.Select(TestNodes.View).Distinct(StringComparer.Ordinal).ToList();
            Assert.Single(views);
            var lowest = nodes.Select(n => Cluster.Get(n).SelfAddress).OrderBy(a => a.Port).First();
            await TestNodes.AwaitAsync(() => nodes.All(n => Equals(Cluster.Get(n).State.Leader, lowest)), TimeSpan.FromSeconds(5), "every node sees the lowest address as leader");
            Assert.Equal(3, Cluster.Get(nodes[0]).State.Members.Select(m => m.UpNumber).Distinct().Count());
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    [Fact]
    public async Task Subscribers_get_MemberUp_and_the_roles_travel_with_the_member()
    {
        var port = TestNodes.FreePort();
        var first = TestNodes.Start(port, TestNodes.Seed(port));
        var probe = new Probe(first, "events");
        Cluster.Get(first).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));
        var second = TestNodes.Start(0, TestNodes.Seed(port), "dhcp-cluster.cluster.roles = [dhcp, backend]");
        try
        {
            var ups = new List<ClusterEvent.MemberUp> { await probe.ExpectAsync<ClusterEvent.MemberUp>(TimeSpan.FromSeconds(15)), await probe.ExpectAsync<ClusterEvent.MemberUp>(TimeSpan.FromSeconds(15)) };
            var joined = ups.Single(u => u.Member.Address.Equals(Cluster.Get(second).SelfAddress));
            Assert.Equal(["dhcp", "backend"], joined.Member.Roles);
        }
        finally
        {
            await TestNodes.TerminateAllAsync([first, second]);
        }
    }

    [Fact]
    public async Task A_leaving_member_is_removed_everywhere_and_its_system_stops()
    {
        var nodes = TestNodes.StartCluster(3);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var leaving = nodes[2];
            var probe = new Probe(nodes[0], "removed");
            Cluster.Get(nodes[0]).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberRemoved));
            await probe.ExpectAsync<CurrentClusterState>();
            Cluster.Get(leaving).Leave(Cluster.Get(leaving).SelfAddress);
            var removed = await probe.ExpectAsync<ClusterEvent.MemberRemoved>(TimeSpan.FromSeconds(15));
            Assert.Equal(Cluster.Get(leaving).SelfAddress, removed.Member.Address);
            Assert.Equal(MemberStatus.Exiting, removed.PreviousStatus);
            await leaving.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
            await TestNodes.AwaitUpAsync(nodes.Take(2).ToList(), 2);
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    [Fact]
    public async Task A_member_stopped_by_its_coordinated_shutdown_leaves_first_and_is_removed_not_downed()
    {
        var nodes = TestNodes.StartCluster(3);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 3);
            var stopping = nodes[2];
            var probe = new Probe(nodes[0], "changes");
            Cluster.Get(nodes[0]).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberStatusChange), typeof(ClusterEvent.UnreachableMember));

            await probe.ExpectAsync<CurrentClusterState>();

            // What SIGTERM does: the coordinated shutdown, with the process-exit reason.
            var shutdown = CoordinatedShutdown.Get(stopping).Run(CoordinatedShutdown.ClrExitReason.Instance);
            var left = await probe.ExpectAsync<ClusterEvent.MemberLeft>(TimeSpan.FromSeconds(10));
            Assert.Equal(Cluster.Get(stopping).SelfAddress, left.Member.Address);
            Assert.Equal(Cluster.Get(stopping).SelfAddress, (await probe.ExpectAsync<ClusterEvent.MemberExited>(TimeSpan.FromSeconds(10))).Member.Address);
            var removed = await probe.ExpectAsync<ClusterEvent.MemberRemoved>(TimeSpan.FromSeconds(10));
            Assert.Equal(MemberStatus.Exiting, removed.PreviousStatus);
            await shutdown.WaitAsync(TimeSpan.FromSeconds(20));
            await stopping.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(5));

            // Removed after leaving: never unreachable, never downed.
            await probe.ExpectNoMessageAsync(TimeSpan.FromSeconds(2));
            await TestNodes.AwaitUpAsync(nodes.Take(2).ToList(), 2);
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes.Where(n => !n.WhenTerminated.IsCompleted));
        }
    }

    [Fact]
    public async Task A_member_stopped_by_ActorSystem_Terminate_does_not_wait_to_leave()
    {
        var nodes = TestNodes.StartCluster(2);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 2);
            var probe = new Probe(nodes[0], "left");
            Cluster.Get(nodes[0]).Subscribe(probe.Ref, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberLeft));
            await probe.ExpectAsync<CurrentClusterState>();

            // Terminate stops at once (tests and a downed member's self-shutdown rely on it): the member never leaves.
            await nodes[1].Terminate().WaitAsync(TimeSpan.FromSeconds(10));
            await probe.ExpectNoMessageAsync(TimeSpan.FromSeconds(1));
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes.Where(n => !n.WhenTerminated.IsCompleted));
        }
    }

    [Fact]
    public async Task Min_nr_of_members_holds_members_Joining_until_enough_joined()
    {
        var nodes = new List<ActorSystem>();
        var port = TestNodes.FreePort();
        try
        {
            nodes.Add(TestNodes.Start(port, TestNodes.Seed(port), "dhcp-cluster.cluster.min-nr-of-members = 2"));
            await TestNodes.AwaitAsync(() => Cluster.Get(nodes[0]).State.Members.Count == 1, TimeSpan.FromSeconds(10), "the first node joined itself");
            await Task.Delay(600);
            Assert.Equal(MemberStatus.Joining, Cluster.Get(nodes[0]).State.Members[0].Status);
            nodes.Add(TestNodes.Start(0, TestNodes.Seed(port), "dhcp-cluster.cluster.min-nr-of-members = 2"));
            await TestNodes.AwaitUpAsync(nodes, 2);
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }

    [Fact]
    public async Task A_node_with_the_wrong_secret_never_joins()
    {
        var port = TestNodes.FreePort();
        var member = TestNodes.Start(port, TestNodes.Seed(port));
        var intruder = TestNodes.Start(0, TestNodes.Seed(port), cookie: "wrong");
        try
        {
            await TestNodes.AwaitUpAsync([member], 1);
            await Task.Delay(2500);
            Assert.Single(Cluster.Get(member).State.Members);
            Assert.Empty(Cluster.Get(intruder).State.Members);
        }
        finally
        {
            await TestNodes.TerminateAllAsync([member, intruder]);
        }
    }
}
