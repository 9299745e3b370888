using DhcpCluster.Actors.Cluster.Sharding;
using FsCheck;
using FsCheck.Fluent;

namespace DhcpCluster.Actors.Cluster.Tests;

public sealed class ShardingUnitTests
{
    [Theory]
    [InlineData("", -1632357289)]
    [InlineData("a", 1561762017)]
    [InlineData("ab", -2081011331)]
    [InlineData("abc", 1967728568)]
    [InlineData("client-42", 163675609)]
    [InlineData("01:02:03:04:05:06", -1314541699)]
    public void StringHash_matches_the_published_algorithm(string text, int expected) =>
        Assert.Equal(expected, MurmurHash.StringHash(text));

    [Fact]
    public void Shard_ids_are_abs_hash_mod_number_of_shards_and_stay_in_range()
    {
        var extractor = HashCodeMessageExtractor.Create(100);
        Assert.Equal("9", extractor.ShardIdOf("client-42"));
        Assert.Equal("89", extractor.ShardIdOf(string.Empty));
        Prop.ForAll<string, PositiveInt>((id, n) =>
        {
            var text = id ?? string.Empty;
            var number = HashCodeMessageExtractor.ShardNumber(text, n.Get);
            return number >= 0 && number < n.Get && number == (int)(Math.Abs((long)MurmurHash.StringHash(text)) % n.Get);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_extractor_unwraps_envelopes_and_rejects_messages_without_entity_id()
    {
        var extractor = HashCodeMessageExtractor.Create(10);
        var envelope = new ShardingEnvelope("e1", "hello");
        Assert.Equal("e1", extractor.EntityId(envelope));
        Assert.Equal("hello", extractor.EntityMessage(envelope));
        Assert.Null(extractor.EntityId("not an envelope"));
        Assert.Throws<ArgumentException>(() => extractor.ShardId("not an envelope"));
        Assert.Throws<ArgumentOutOfRangeException>(() => HashCodeMessageExtractor.Create(0));
    }

    [Fact]
    public void Least_shard_allocation_picks_the_region_with_fewest_shards()
    {
        Assert.Equal("b", LeastShardAllocation.Allocate(new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 3, ["b"] = 1, ["c"] = 2 }));
        Assert.Null(LeastShardAllocation.Allocate(new Dictionary<string, int>(StringComparer.Ordinal)));
    }

    [Fact]
    public void Rebalance_is_bounded_and_never_moves_more_than_half_the_difference()
    {
        Prop.ForAll<PositiveInt, NonNegativeInt, PositiveInt>((many, few, threshold) => Enumerable.Range(1, 4).All(max =>
        {
            var m = Math.Min(many.Get, 200);
            var f = Math.Min(few.Get, 200);
            var allocations = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal)
            {
                ["big"] = Enumerable.Range(0, m).Select(i => "b" + i).ToList(),
                ["small"] = Enumerable.Range(0, f).Select(i => "s" + i).ToList(),
            };
            var moved = LeastShardAllocation.Rebalance(allocations, new HashSet<string>(StringComparer.Ordinal), threshold.Get, max);
            var difference = Math.Max(m, f) - Math.Min(m, f);
            var bounded = moved.Count <= max && moved.Count <= Math.Max(1, difference / 2);
            var fromBiggest = moved.All(s => m >= f ? s.StartsWith('b') : s.StartsWith('s'));
            var onlyAboveThreshold = difference > threshold.Get ? moved.Count > 0 : moved.Count == 0;
            return bounded && fromBiggest && onlyAboveThreshold;
        })).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Rebalance_respects_shards_already_in_progress()
    {
        var allocations = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal)
        {
            ["a"] = ["1", "2", "3", "4", "5", "6"],
            ["b"] = [],
        };
        Assert.Empty(LeastShardAllocation.Rebalance(allocations, new HashSet<string>(["1", "2", "3"], StringComparer.Ordinal), 1, 3));
        var moved = LeastShardAllocation.Rebalance(allocations, new HashSet<string>(["1"], StringComparer.Ordinal), 1, 3);
        Assert.Equal(["2", "3"], moved);
    }
}
