namespace DhcpCluster.Actors.Cluster.Tests;

/// <summary>lease-majority with a real PostgreSQL arbiter: in a pair, whichever node survives a crash takes the lease and stays.</summary>
public sealed class LeaseMajorityTests : IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _connection = string.Empty;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartNewAsync();
        _connection = await _server.CreateDatabaseAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_lease_is_exclusive_until_it_expires()
    {
        var first = new PostgreSqlLease(_connection, "l", "node-a", TimeSpan.FromSeconds(1));
        var second = new PostgreSqlLease(_connection, "l", "node-b", TimeSpan.FromSeconds(1));
        Assert.True(await first.TryAcquireAsync(CancellationToken.None));
        Assert.True(await first.TryAcquireAsync(CancellationToken.None));
        Assert.False(await second.TryAcquireAsync(CancellationToken.None));
        await Task.Delay(1300);
        Assert.True(await second.TryAcquireAsync(CancellationToken.None));
        Assert.Equal("node-b", (await second.ReadAsync(CancellationToken.None))!.Value.Owner);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task In_a_pair_the_survivor_of_either_crash_takes_the_lease_and_stays_up(int crashIndex)
    {
        var extra = $$"""
            dhcp-cluster.cluster.split-brain-resolver {
              active-strategy = lease-majority
              lease-majority { connection-string = "{{_connection}}", lease-name = "pair-{{crashIndex}}", acquire-lease-delay-for-minority = 200ms }
            }
            """;
        var nodes = TestNodes.StartCluster(2, extra);
        try
        {
            await TestNodes.AwaitUpAsync(nodes, 2);
            var ordered = nodes.OrderBy(n => Cluster.Get(n).SelfAddress.Port).ToList();
            var survivor = ordered[1 - crashIndex];
            var decisions = new Probe(survivor, "decisions");
            survivor.EventStream.Subscribe(decisions.Ref, typeof(SplitBrainResolverMessages.DecisionTaken));
            await TestNodes.CrashAsync(ordered[crashIndex]);
            var decision = await decisions.ExpectAsync<SplitBrainResolverMessages.DecisionTaken>(TimeSpan.FromSeconds(20));
            Assert.Equal(DowningDecisionKind.DownUnreachable, decision.Decision.Kind);
            Assert.Contains("acquired lease", decision.Decision.Reason, StringComparison.Ordinal);
            await TestNodes.AwaitUpAsync([survivor], 1);
            Assert.False(survivor.WhenTerminated.IsCompleted);
        }
        finally
        {
            await TestNodes.TerminateAllAsync(nodes);
        }
    }
}
