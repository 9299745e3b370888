namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>
/// The least-shard allocation strategy (Akka's <c>LeastShardAllocationStrategy</c> with rebalance-threshold and
/// max-simultaneous-rebalance): a new shard goes to the region with fewest shards; a rebalance moves shards from
/// the region with most to the one with least while their counts differ by more than the threshold, at most
/// max-simultaneous-rebalance at a time and at most half the difference per round, so a joining member takes
/// its share a few shards at a time instead of everything moving at once. Pure, for the coordinator and tests.
/// </summary>
public static class LeastShardAllocation
{
    /// <summary>The region with fewest shards (the first of equals in the given order), or default when there is none.</summary>
    public static TRegion? Allocate<TRegion>(IEnumerable<KeyValuePair<TRegion, int>> shardCounts)
    {
        ArgumentNullException.ThrowIfNull(shardCounts);
        var found = false;
        TRegion? best = default;
        var bestCount = int.MaxValue;
        foreach (var (region, count) in shardCounts)
        {
            if (!found || count < bestCount)
            {
                found = true;
                best = region;
                bestCount = count;
            }
        }

        return best;
    }

    /// <summary>The shards to move now.</summary>
    /// <param name="allocations">Shards per region that may receive shards (leaving regions are not in it).</param>
    /// <param name="inProgress">Shards being moved already.</param>
    /// <param name="threshold">rebalance-threshold.</param>
    /// <param name="maxSimultaneous">max-simultaneous-rebalance.</param>
    public static IReadOnlyList<string> Rebalance<TRegion>(IReadOnlyDictionary<TRegion, IReadOnlyCollection<string>> allocations, ISet<string> inProgress, int threshold, int maxSimultaneous)
        where TRegion : notnull
    {
        ArgumentNullException.ThrowIfNull(allocations);
        ArgumentNullException.ThrowIfNull(inProgress);
        if (allocations.Count < 2 || inProgress.Count >= maxSimultaneous)
        {
            return [];
        }

        IReadOnlyCollection<string>? most = null;
        var least = int.MaxValue;
        foreach (var shards in allocations.Values)
        {
            var movable = shards.Count(s => !inProgress.Contains(s));
            if (most is null || movable > most.Count(s => !inProgress.Contains(s)))
            {
                most = shards;
            }

            least = Math.Min(least, shards.Count);
        }

        var candidates = most!.Where(s => !inProgress.Contains(s)).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var difference = candidates.Count - least;
        if (difference <= threshold)
        {
            return [];
        }

        var count = Math.Min(maxSimultaneous - inProgress.Count, Math.Max(1, difference / 2));
        return candidates.Take(count).ToList();
    }
}
