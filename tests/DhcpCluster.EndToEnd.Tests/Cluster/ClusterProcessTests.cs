using System.Text.RegularExpressions;
using DhcpCluster.Lab.Databases;

namespace DhcpCluster.EndToEnd.Tests.Cluster;

/// <summary>Cluster membership, failure detection and split-brain resolution with real processes in network namespaces.</summary>
[Collection(NamespaceLabCollection.Name)]
public sealed class ClusterProcessTests
{
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(60);

    private static Regex Line(string pattern) => new(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));

    [Fact]
    public async Task A_pair_survives_the_kill_of_each_node_as_keep_majority_defines_and_a_partition_keeps_the_lower_address()
    {
        await using var lab = await ClusterLab.CreateAsync(2);
        await lab.StartAsync(0);
        await lab.StartAsync(1);
        await lab.AwaitConvergedAsync([0, 1], Converge);

        // Partition: equal halves, the side with the lowest address (node 0) survives, node 1 downs itself.
        await lab.PartitionAsync([0], [1]);
        await lab.Process(1).WaitForLineAsync(Line("SBR_DECISION kind=DownReachable.*lowest address"), Converge);
        Assert.Equal(0, await lab.Process(1).WaitForExitAsync(Converge));
        await lab.Process(0).WaitForLineAsync(Line("SBR_DECISION kind=DownUnreachable"), Converge);
        await lab.AwaitConvergedAsync([0], Converge);
        await lab.HealAsync();

        // The downed node comes back only as a new incarnation.
        var oldUid = long.Parse(Regex.Match(lab.Process(1).Output, @"NODE_STARTED address=\S+ uid=(?<uid>-?\d+)", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups["uid"].Value, System.Globalization.CultureInfo.InvariantCulture);
        await lab.StartAsync(1);
        var view = await lab.AwaitConvergedAsync([0, 1], Converge);
        Assert.NotEqual(oldUid, view.Members[ClusterLab.HostPort(1)].Uid);

        // kill -9 of the higher address: node 0 keeps running alone.
        await lab.KillAsync(1);
        await lab.Process(0).WaitForLineAsync(Line($"EVENT MemberRemoved member={Regex.Escape(ClusterLab.HostPort(1))}"), Converge);
        await lab.AwaitConvergedAsync([0], Converge);

        // kill -9 of the lower address: the survivor is the higher address, which downs itself (documented pair caveat).
        await lab.StartAsync(1);
        await lab.AwaitConvergedAsync([0, 1], Converge);
        await lab.KillAsync(0);
        await lab.Process(1).WaitForLineAsync(Line("SBR_DECISION kind=DownReachable"), Converge);
        Assert.Equal(0, await lab.Process(1).WaitForExitAsync(Converge));
    }

    [Fact]
    public async Task Three_nodes_converge_after_a_kill_and_a_partitioned_minority_downs_itself_and_rejoins_as_a_new_incarnation()
    {
        await using var lab = await ClusterLab.CreateAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await lab.StartAsync(i);
        }

        var first = await lab.AwaitConvergedAsync([0, 1, 2], Converge);
        await lab.KillAsync(2);
        await lab.AwaitConvergedAsync([0, 1], Converge);
        await lab.StartAsync(2);
        await lab.AwaitConvergedAsync([0, 1, 2], Converge);

        await lab.PartitionAsync([2], [0, 1]);
        await lab.Process(2).WaitForLineAsync(Line("SBR_DECISION kind=DownReachable.*minority"), Converge);
        Assert.Equal(0, await lab.Process(2).WaitForExitAsync(Converge));
        await lab.AwaitConvergedAsync([0, 1], Converge);
        await lab.HealAsync();
        await lab.StartAsync(2);
        var healed = await lab.AwaitConvergedAsync([0, 1, 2], Converge);
        Assert.NotEqual(first.Members[ClusterLab.HostPort(2)].Uid, healed.Members[ClusterLab.HostPort(2)].Uid);
        Assert.Equal(first.Members[ClusterLab.HostPort(0)].Uid, healed.Members[ClusterLab.HostPort(0)].Uid);
    }

    [Fact]
    public async Task Five_nodes_split_two_against_three_keep_the_majority_heal_and_survive_the_leader_kill()
    {
        await using var lab = await ClusterLab.CreateAsync(5);
        for (var i = 0; i < 5; i++)
        {
            await lab.StartAsync(i);
        }

        await lab.AwaitConvergedAsync([0, 1, 2, 3, 4], Converge);
        await lab.PartitionAsync([3, 4], [0, 1, 2]);
        Assert.Equal(0, await lab.Process(3).WaitForExitAsync(Converge));
        Assert.Equal(0, await lab.Process(4).WaitForExitAsync(Converge));
        Assert.Matches(Line("SBR_DECISION kind=DownReachable.*minority"), lab.Process(3).Output + lab.Process(4).Output);
        await lab.AwaitConvergedAsync([0, 1, 2], Converge);

        await lab.HealAsync();
        await lab.StartAsync(3);
        await lab.StartAsync(4);
        await lab.AwaitConvergedAsync([0, 1, 2, 3, 4], Converge);

        await lab.KillAsync(0);
        var survivors = await lab.AwaitConvergedAsync([1, 2, 3, 4], Converge);
        Assert.Equal(ClusterLab.HostPort(1), survivors.Leader);
    }

    [Fact]
    public async Task A_pair_with_lease_majority_on_PostgreSQL_survives_the_kill_of_either_node()
    {
        await using var postgres = await PostgresServer.StartNewAsync();
        var database = postgres.OverUnixSocket(await postgres.CreateDatabaseAsync());
        var leaseMajority = $$"""
            dhcp-cluster.cluster.split-brain-resolver {
              active-strategy = lease-majority
              lease-majority { connection-string = "{{database}}", acquire-lease-delay-for-minority = 500ms, release-after = 4s }
            }
            """;
        await using var lab = await ClusterLab.CreateAsync(2);
        await lab.StartAsync(0, extra: leaseMajority);
        await lab.StartAsync(1, extra: leaseMajority);
        await lab.AwaitConvergedAsync([0, 1], Converge);

        // kill -9 of the lower address, which keep-majority cannot survive: the other node takes the lease and stays.
        await lab.KillAsync(0);
        await lab.Process(1).WaitForLineAsync(Line("SBR_DECISION kind=DownUnreachable.*acquired lease"), Converge);
        await lab.AwaitConvergedAsync([1], Converge);

        // Node 0 rejoins as a new incarnation; once node 1's lease has expired, kill -9 of node 1: node 0 takes it and stays.
        await lab.StartAsync(0, extra: leaseMajority);
        await lab.AwaitConvergedAsync([0, 1], Converge);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await lab.KillAsync(1);
        await lab.Process(0).WaitForLineAsync(Line("SBR_DECISION kind=DownUnreachable.*acquired lease"), Converge);
        await lab.AwaitConvergedAsync([0], Converge);
        Assert.False(lab.Process(0).HasExited);
    }

    [Fact]
    public async Task A_node_with_the_wrong_secret_never_joins()
    {
        await using var lab = await ClusterLab.CreateAsync(2);
        await lab.StartAsync(0);
        await lab.AwaitConvergedAsync([0], Converge);
        await lab.StartAsync(1, cookie: "not-the-cluster-secret");
        await lab.Process(0).WaitForLineAsync(Line("REMOTE_HANDSHAKE_FAILED"), Converge);
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Single(lab.LastView(0)!.Members);
        Assert.DoesNotContain("EVENT MemberUp", lab.Process(1).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pbm_shows_the_members_and_leader_from_every_node_downs_a_killed_node_and_makes_a_node_leave()
    {
        await using var lab = await ClusterLab.CreateAsync(3);
        for (var i = 0; i < 3; i++)
        {
            // No automatic downing: the operator decides, through pbm.
            await lab.StartAsync(i, extra: "dhcp-cluster.cluster.split-brain-resolver.active-strategy = off");
        }

        await lab.AwaitConvergedAsync([0, 1, 2], Converge);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(
                [$"{ClusterLab.Address(0)} | [] | up |", $"{ClusterLab.Address(1)} | [] | up |", $"{ClusterLab.Address(2)} | [] | up |", "Count: 3 nodes"],
                await lab.PbmLinesAsync(i, "cluster", "show"));
            Assert.Equal([ClusterLab.Address(0)], await lab.PbmLinesAsync(i, "cluster", "leader"));
        }

        Assert.Equal($"{ClusterLab.Address(1)} | [] | up |", (await lab.PbmLinesAsync(1, "cluster", "status"))[0]);

        // kill -9: the survivors see it unreachable; pbm cluster down-unreachable downs it and it is removed.
        await lab.KillAsync(2);
        var unreachable = $"{ClusterLab.Address(2)} | [] | up | unreachable |";
        var deadline = DateTime.UtcNow + Converge;
        while (!(await lab.PbmLinesAsync(0, "cluster", "show")).Contains(unreachable, StringComparer.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "node 0 never showed the killed node as unreachable");
            await Task.Delay(500);
        }

        Assert.Equal([$"Downing {ClusterLab.Address(2)}", "Downed: 1 nodes"], await lab.PbmLinesAsync(0, "cluster", "down-unreachable"));
        await lab.Process(1).WaitForLineAsync(Line($"EVENT MemberRemoved member={Regex.Escape(ClusterLab.HostPort(2))}"), Converge);
        await lab.AwaitConvergedAsync([0, 1], Converge);

        // pbm cluster leave on node 1 itself: it leaves gracefully and its process ends.
        Assert.Equal([$"{ClusterLab.Address(1)} is leaving the cluster"], await lab.PbmLinesAsync(1, "cluster", "leave"));
        Assert.Equal(0, await lab.Process(1).WaitForExitAsync(Converge));
        await lab.AwaitConvergedAsync([0], Converge);
        Assert.Equal([$"{ClusterLab.Address(0)} | [] | up |", "Count: 1 nodes"], await lab.PbmLinesAsync(0, "cluster", "show"));
        var json = (await lab.PbmAsync(0, "cluster", "status", "--json")).EnsureSuccess().StandardOutput;
        Assert.Contains("\"status\":\"up\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_dhcp_nodes_configured_as_cluster_members_form_a_cluster_that_pbm_shows()
    {
        await using var lab = await ClusterLab.CreateAsync(2);
        await lab.StartDhcpNodeAsync(0);
        await lab.StartDhcpNodeAsync(1);
        var expected = new List<string> { "dhcp-cluster.tcp://dhcp-node@" + ClusterLab.HostPort(0) + " | [] | up |", "dhcp-cluster.tcp://dhcp-node@" + ClusterLab.HostPort(1) + " | [] | up |", "Count: 2 nodes" };
        var deadline = DateTime.UtcNow + Converge;
        List<string> shown;
        while (!(shown = await lab.PbmLinesAsync(1, "cluster", "show")).SequenceEqual(expected, StringComparer.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, "the dhcp-nodes never showed two up members:\n" + string.Join('\n', shown));
            await Task.Delay(500);
        }

        Assert.Equal(expected, await lab.PbmLinesAsync(0, "cluster", "show"));
        Assert.Equal(["dhcp-cluster.tcp://dhcp-node@" + ClusterLab.HostPort(0)], await lab.PbmLinesAsync(1, "cluster", "leader"));

        // SIGTERM: the node leaves the cluster before it stops (coordinated shutdown's cluster-leave phase), so the
        // other node removes it within seconds, instead of finding it unreachable and downing it after stable-after (20 s).
        var stopped = DateTime.UtcNow;
        await lab.Process(1).SignalAsync(15);
        Assert.Equal(0, await lab.Process(1).WaitForExitAsync(Converge));
        var alone = new List<string> { "dhcp-cluster.tcp://dhcp-node@" + ClusterLab.HostPort(0) + " | [] | up |", "Count: 1 nodes" };
        while (!(shown = await lab.PbmLinesAsync(0, "cluster", "show")).SequenceEqual(alone, StringComparer.Ordinal))
        {
            Assert.True(DateTime.UtcNow - stopped < TimeSpan.FromSeconds(15), "the stopped node was not removed within 15 s (did it leave?):\n" + string.Join('\n', shown));
            await Task.Delay(250);
        }

        Assert.Contains(lab.Process(1).Lines, l => l.Contains("CLUSTER_LEAVING", StringComparison.Ordinal));
    }
}
