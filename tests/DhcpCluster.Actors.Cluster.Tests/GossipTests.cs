using DhcpCluster.Actors.Cluster.Serialization;
using DhcpCluster.Hocon;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Actors.Cluster.Tests;

public sealed class GossipTests
{
    private static readonly UniqueAddress[] Nodes = [.. Enumerable.Range(1, 5).Select(i => new UniqueAddress(new Address("dhcp-cluster.tcp", "t", "10.0.0." + i, 2552), i))];

    private static Gossip Build(int[] statuses, int[] unreachable)
    {
        var g = Gossip.Empty;
        for (var i = 0; i < Math.Min(statuses.Length, Nodes.Length); i++)
        {
            g = g.Update(Nodes[i], new Member(Nodes[i], (MemberStatus)(Math.Abs(statuses[i]) % 6), ["r"], i));
        }

        foreach (var u in unreachable)
        {
            g = g with { Reachability = g.Reachability.WithObservation(Nodes[0], Nodes[Math.Abs(u) % Nodes.Length], reachable: false) };
        }

        return g;
    }

    [Fact]
    public void Merge_is_commutative_and_keeps_the_later_status_of_each_member()
    {
        Prop.ForAll<int[], int[]>((left, right) =>
        {
            var a = Build(left ?? [], []);
            var b = Build(right ?? [], []);
            var ab = a.Merge(b);
            var ba = b.Merge(a);
            return ab.SameStateAs(ba)
                && ab.Members.Values.All(m => m.Status >= (a.Members.GetValueOrDefault(m.UniqueAddress)?.Status ?? MemberStatus.Joining) && m.Status >= (b.Members.GetValueOrDefault(m.UniqueAddress)?.Status ?? MemberStatus.Joining))
                && ab.Version.CompareTo(a.Version) is ClockOrdering.After or ClockOrdering.Same
                && ab.Version.CompareTo(b.Version) is ClockOrdering.After or ClockOrdering.Same;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Gossip_survives_the_wire()
    {
        Prop.ForAll<int[], int[]>((statuses, unreachable) =>
        {
            var g = Build(statuses ?? [], unreachable ?? []).SeenBy(Nodes[1]);
            var serializer = new ClusterMessageSerializer();
            var envelope = new ClusterMessages.GossipEnvelope(Nodes[0], Nodes[1], g);
            var back = (ClusterMessages.GossipEnvelope)serializer.FromBinary(serializer.ToBinary(envelope), serializer.Manifest(envelope));
            return back.Gossip.SameStateAs(g) && back.Gossip.Version.CompareTo(g.Version) == ClockOrdering.Same && back.To.Equals(Nodes[1]);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Vector_clocks_order_histories()
    {
        var a = VectorClock.Empty.Increment("a");
        var ab = a.Increment("b");
        var ac = a.Increment("c");
        Assert.Equal(ClockOrdering.Before, a.CompareTo(ab));
        Assert.Equal(ClockOrdering.After, ab.CompareTo(a));
        Assert.Equal(ClockOrdering.Concurrent, ab.CompareTo(ac));
        Assert.Equal(ClockOrdering.Same, ab.Merge(ac).CompareTo(ac.Merge(ab)));
    }

    [Fact]
    public void Convergence_needs_every_up_member_to_have_seen_the_version_and_no_unreachable_member_not_down()
    {
        var g = Build([2, 2, 2], []);
        Assert.False(g.HasConvergence(Nodes[0]));
        g = g.SeenBy(Nodes[1]).SeenBy(Nodes[2]).SeenBy(Nodes[0]);
        Assert.True(g.HasConvergence(Nodes[0]));
        var partitioned = g with { Reachability = g.Reachability.WithObservation(Nodes[0], Nodes[2], reachable: false) };
        Assert.False(partitioned.HasConvergence(Nodes[0]));
        var downed = partitioned with { Members = partitioned.Members.SetItem(Nodes[2], partitioned.Members[Nodes[2]].WithStatus(MemberStatus.Down)) };
        Assert.True(downed.HasConvergence(Nodes[0]));
        Assert.Equal(Nodes[0], downed.Leader(Nodes[1]));
        Assert.Equal(Nodes[0], partitioned.Leader(Nodes[2]));
    }

    [Fact]
    public void Settings_mirror_akka_defaults_and_reject_bad_values()
    {
        var defaults = ClusterSettings.Read(ConfigFactory.Empty);
        Assert.Equal(TimeSpan.FromSeconds(5), defaults.SeedNodeTimeout);
        Assert.Equal(8.0, defaults.FailureDetector.Threshold);
        Assert.Equal(TimeSpan.FromSeconds(3), defaults.FailureDetector.AcceptableHeartbeatPause);
        Assert.Equal("keep-majority", defaults.SplitBrainResolver.ActiveStrategy);
        Assert.Equal(TimeSpan.FromSeconds(15), defaults.SplitBrainResolver.DownAllWhenUnstable);
        var withJournal = ClusterSettings.Read(ConfigFactory.Empty, "Host=db;Database=journal");
        Assert.Equal("lease-majority", withJournal.SplitBrainResolver.ActiveStrategy);
        Assert.Equal("Host=db;Database=journal", withJournal.SplitBrainResolver.LeaseConnectionString);
        var chosen = ClusterSettings.Read(ConfigFactory.ParseString("dhcp-cluster.cluster.split-brain-resolver.active-strategy = keep-oldest"), "Host=db");
        Assert.Equal("keep-oldest", chosen.SplitBrainResolver.ActiveStrategy);
        var shortStable = ClusterSettings.Read(ConfigFactory.ParseString("dhcp-cluster.cluster.split-brain-resolver { stable-after = 2s, down-all-when-unstable = on }"));
        Assert.Equal(TimeSpan.FromSeconds(4), shortStable.SplitBrainResolver.DownAllWhenUnstable);
        Assert.Null(ClusterSettings.Read(ConfigFactory.ParseString("dhcp-cluster.cluster.split-brain-resolver.down-all-when-unstable = off")).SplitBrainResolver.DownAllWhenUnstable);
        Assert.Throws<ConfigException>(() => ClusterSettings.Read(ConfigFactory.ParseString("dhcp-cluster.cluster.split-brain-resolver.active-strategy = keep-everything")));
        Assert.Throws<ConfigException>(() => ClusterSettings.Read(ConfigFactory.ParseString("dhcp-cluster.cluster.split-brain-resolver.active-strategy = lease-majority")));
        Assert.Throws<ConfigException>(() => ClusterSettings.Read(ConfigFactory.ParseString("dhcp-cluster.cluster.split-brain-resolver.active-strategy = static-quorum")));
        Assert.Throws<ConfigException>(() => ClusterSettings.Read(ConfigFactory.ParseString("dhcp-cluster.cluster.seed-nodes = [\"not an address\"]")));
    }
}
