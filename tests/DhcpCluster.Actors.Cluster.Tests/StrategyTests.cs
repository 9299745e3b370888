namespace DhcpCluster.Actors.Cluster.Tests;

public sealed class StrategyTests
{
    private static Member M(int port, int upNumber, params string[] roles) =>
        new(new UniqueAddress(new Address("dhcp-cluster.tcp", "test", "10.0.0.1", port), port), MemberStatus.Up, roles, upNumber);

    private static SplitBrainView View(IReadOnlyList<Member> members, IEnumerable<Member> unreachable, Member self) =>
        new(members, unreachable.Select(m => m.UniqueAddress).ToHashSet(), self.UniqueAddress);

    [Fact]
    public void Keep_majority_keeps_the_larger_side_and_on_equal_halves_the_side_with_the_lowest_address()
    {
        var (a, b, c, d) = (M(1, 1), M(2, 2), M(3, 3), M(4, 4));
        var strategy = new KeepMajority(string.Empty);
        Assert.Equal(DowningDecisionKind.DownUnreachable, strategy.Decide(View([a, b, c], [c], a)).Kind);
        Assert.Equal(DowningDecisionKind.DownReachable, strategy.Decide(View([a, b, c], [a, b], c)).Kind);
        Assert.Equal(DowningDecisionKind.DownUnreachable, strategy.Decide(View([a, b, c, d], [c, d], a)).Kind);
        Assert.Equal(DowningDecisionKind.DownReachable, strategy.Decide(View([a, b, c, d], [a, b], c)).Kind);
        Assert.Equal(DowningDecisionKind.DownReachable, strategy.Decide(View([a, b], [a], b)).Kind);
    }

    [Fact]
    public void Keep_majority_counts_only_members_with_the_role()
    {
        var (a, b, c) = (M(1, 1, "dhcp"), M(2, 2), M(3, 3, "dhcp"));
        var decision = new KeepMajority("dhcp").Decide(View([a, b, c], [a, b], c));
        Assert.Equal(DowningDecisionKind.DownReachable, decision.Kind);
        Assert.Contains("equal halves", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(DowningDecisionKind.DownReachable, new KeepMajority(string.Empty).Decide(View([a, b, c], [b, c], a)).Kind);
    }

    [Fact]
    public void Keep_oldest_keeps_the_side_of_the_oldest_unless_it_is_alone()
    {
        var (oldest, b, c) = (M(3, 1), M(1, 2), M(2, 3));
        var alone = new KeepOldest(downIfAlone: true, string.Empty);
        var notAlone = new KeepOldest(downIfAlone: false, string.Empty);
        Assert.Equal(DowningDecisionKind.DownUnreachable, alone.Decide(View([oldest, b, c], [c], oldest)).Kind);
        Assert.Equal(DowningDecisionKind.DownUnreachable, alone.Decide(View([oldest, b, c], [oldest], c)).Kind);
        Assert.Equal(DowningDecisionKind.DownReachable, alone.Decide(View([oldest, b, c], [b, c], oldest)).Kind);
        Assert.Equal(DowningDecisionKind.DownUnreachable, alone.Decide(View([oldest, b, c], [oldest], b)).Kind);
        Assert.Equal(DowningDecisionKind.DownUnreachable, notAlone.Decide(View([oldest, b, c], [b, c], oldest)).Kind);
        Assert.Equal(DowningDecisionKind.DownReachable, notAlone.Decide(View([oldest, b, c], [oldest], b)).Kind);
        Assert.Equal(DowningDecisionKind.DownReachable, alone.Decide(View([oldest, b], [oldest], b)).Kind);
    }

    [Fact]
    public void Static_quorum_keeps_a_side_of_at_least_quorum_size()
    {
        var (a, b, c, d, e) = (M(1, 1), M(2, 2), M(3, 3), M(4, 4), M(5, 5));
        var strategy = new StaticQuorum(3, string.Empty);
        Assert.Equal(DowningDecisionKind.DownUnreachable, strategy.Decide(View([a, b, c, d, e], [d, e], a)).Kind);
        Assert.Equal(DowningDecisionKind.DownReachable, strategy.Decide(View([a, b, c, d, e], [a, b, c], d)).Kind);
        Assert.Equal(DowningDecisionKind.DownAll, new StaticQuorum(2, string.Empty).Decide(View([a, b, c, d], [c, d], a)).Kind);
    }

    [Fact]
    public void Down_all_downs_everyone_and_every_decision_has_a_reason()
    {
        var (a, b) = (M(1, 1), M(2, 2));
        var decision = new DownAll().Decide(View([a, b], [b], a));
        Assert.Equal(DowningDecisionKind.DownAll, decision.Kind);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Fact]
    public void Joining_members_do_not_count_while_full_members_exist()
    {
        var (a, b) = (M(1, 1), M(2, 2));
        var joining = M(3, 0) with { Status = MemberStatus.Joining };
        var joining2 = M(4, 0) with { Status = MemberStatus.Joining };
        Assert.Equal(DowningDecisionKind.DownUnreachable, new KeepMajority(string.Empty).Decide(View([a, b, joining, joining2], [b], a)).Kind);
    }
}
