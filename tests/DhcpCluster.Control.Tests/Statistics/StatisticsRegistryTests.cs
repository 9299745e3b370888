using DhcpCluster.Statistics;

namespace DhcpCluster.Control.Tests.Statistics;

public sealed class StatisticsRegistryTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Concurrent_increments_are_all_counted()
    {
        var registry = new StatisticsRegistry();
        var received = registry.GetOrAdd(StatisticNames.Pkt4Received);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                received.Increment();
            }
        })));
        Assert.True(registry.TryGetSample(StatisticNames.Pkt4Received, out var sample));
        Assert.Equal(400_000, sample.Value);
    }

    [Fact]
    public void The_same_name_gives_the_same_statistic()
    {
        var registry = new StatisticsRegistry();
        Assert.Same(registry.GetOrAdd(StatisticNames.SubnetAssignedAddresses(7)), registry.GetOrAdd("subnet[7].assigned-addresses"));
    }

    [Fact]
    public void A_samples_timestamp_is_when_its_value_was_first_seen()
    {
        var time = new ManualTime();
        var registry = new StatisticsRegistry(time);
        var acks = registry.GetOrAdd(StatisticNames.Pkt4AckSent);
        acks.Increment();
        Assert.True(registry.TryGetSample(StatisticNames.Pkt4AckSent, out var first));
        var firstSeen = time.Now;
        time.Now += TimeSpan.FromSeconds(5);
        Assert.True(registry.TryGetSample(StatisticNames.Pkt4AckSent, out var unchanged));
        Assert.Equal(firstSeen, unchanged.Timestamp);
        acks.Increment();
        var changed = registry.Snapshot().Single(s => string.Equals(s.Name, StatisticNames.Pkt4AckSent, StringComparison.Ordinal));
        Assert.Equal(time.Now, changed.Timestamp);
        Assert.Equal(2, changed.Value);
        Assert.Equal(1, first.Value);
    }

    [Fact]
    public void Gauges_go_up_and_down_and_reset()
    {
        var registry = new StatisticsRegistry();
        var alive = registry.GetOrAdd(StatisticNames.ClientActorsAlive);
        alive.Add(5);
        alive.Decrement();
        Assert.Equal(4, alive.Value);
        Assert.True(registry.Reset(StatisticNames.ClientActorsAlive));
        Assert.Equal(0, alive.Value);
        Assert.False(registry.Reset("unknown"));
    }

    [Fact]
    public void Events_per_commit_is_derived_and_cannot_be_updated()
    {
        var registry = new StatisticsRegistry();
        Assert.True(registry.TryGetSample(StatisticNames.JournalEventsPerCommit, out var none));
        Assert.Equal(0, none.Value);
        registry.GetOrAdd(StatisticNames.JournalCommits).Add(4);
        registry.GetOrAdd(StatisticNames.JournalEvents).Add(10);
        Assert.True(registry.TryGetSample(StatisticNames.JournalEventsPerCommit, out var ratio));
        Assert.Equal(2.5, ratio.Value);
        Assert.False(ratio.IsInteger);
        Assert.Throws<ArgumentException>(() => registry.GetOrAdd(StatisticNames.JournalEventsPerCommit));
        Assert.Throws<ArgumentException>(() => registry.RegisterDerived(StatisticNames.JournalEventsPerCommit, () => 1));
    }

    [Fact]
    public void A_counter_another_module_keeps_replaces_the_plain_counter()
    {
        var registry = new StatisticsRegistry();
        long received = 41;
        registry.RegisterDerived(StatisticNames.Pkt4Received, () => received);
        received++;
        var sample = registry.Snapshot().Single(s => string.Equals(s.Name, StatisticNames.Pkt4Received, StringComparison.Ordinal));
        Assert.Equal(42, sample.Value);
        Assert.True(registry.IsDerived(StatisticNames.Pkt4Received));
        Assert.False(registry.Reset(StatisticNames.Pkt4Received));
    }

    [Fact]
    public void Snapshot_is_sorted_by_name_and_removed_statistics_are_gone()
    {
        var registry = new StatisticsRegistry();
        registry.GetOrAdd(StatisticNames.SubnetTotalAddresses(3)).Set(100);
        var names = registry.Snapshot().Select(s => s.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names, StringComparer.Ordinal);
        Assert.True(registry.Remove(StatisticNames.SubnetTotalAddresses(3)));
        Assert.DoesNotContain(StatisticNames.SubnetTotalAddresses(3), registry.Snapshot().Select(s => s.Name), StringComparer.Ordinal);
    }

    [Fact]
    public void An_observed_counter_reads_its_source_and_resets_to_zero_counting_on_without_touching_the_source()
    {
        var registry = new StatisticsRegistry();
        long acks = 10;
        long commits = 4;
        registry.RegisterObserved(StatisticNames.Pkt4AckSent, () => acks);
        registry.RegisterObserved(StatisticNames.JournalCommits, () => commits);
        registry.GetOrAdd(StatisticNames.JournalEvents).Add(10);
        Assert.True(registry.TryGetSample(StatisticNames.Pkt4AckSent, out var before));
        Assert.Equal(10, before.Value);
        Assert.True(registry.TryGetSample(StatisticNames.JournalEventsPerCommit, out var ratio));
        Assert.Equal(2.5, ratio.Value);
        Assert.False(registry.IsDerived(StatisticNames.Pkt4AckSent));
        Assert.Throws<ArgumentException>(() => registry.GetOrAdd(StatisticNames.Pkt4AckSent));
        Assert.Throws<ArgumentException>(() => registry.RegisterObserved(StatisticNames.Pkt4AckSent, () => 0));
        Assert.Throws<ArgumentException>(() => registry.RegisterObserved(StatisticNames.JournalEventsPerCommit, () => 0));

        Assert.True(registry.Reset(StatisticNames.Pkt4AckSent));
        Assert.True(registry.TryGetSample(StatisticNames.Pkt4AckSent, out var reset));
        Assert.Equal(0, reset.Value);
        acks += 3;
        Assert.Equal(3, registry.Snapshot().Single(s => string.Equals(s.Name, StatisticNames.Pkt4AckSent, StringComparison.Ordinal)).Value);
        Assert.Equal(13, acks);

        registry.ResetAll();
        commits += 2;
        Assert.True(registry.TryGetSample(StatisticNames.JournalCommits, out var afterAll));
        Assert.Equal(2, afterAll.Value);
        Assert.True(registry.Remove(StatisticNames.Pkt4AckSent));
        Assert.False(registry.TryGetSample(StatisticNames.Pkt4AckSent, out _));
    }
}
