namespace DhcpCluster.Actors;

/// <summary>
/// Gives back the capacity of a map that has emptied: a parent of 100,000 children that stopped would otherwise keep
/// tables sized for all of them. Shrinks to twice the count once fewer than a quarter of the cells are used, so a
/// map that grows again does not rehash at every removal (amortized constant time).
/// </summary>
internal static class SparseCapacity
{
    private const int SmallestShrunk = 256;

    public static void ShrinkIfSparse<TKey, TValue>(Dictionary<TKey, TValue> map)
        where TKey : notnull
    {
        if (map.Capacity > SmallestShrunk && map.Count < map.Capacity / 4)
        {
            map.TrimExcess(Math.Max(map.Count * 2, SmallestShrunk));
        }
    }

    public static void ShrinkIfSparse<T>(HashSet<T> set)
    {
        if (set.Capacity > SmallestShrunk && set.Count < set.Capacity / 4)
        {
            set.TrimExcess(Math.Max(set.Count * 2, SmallestShrunk));
        }
    }
}
