namespace DhcpCluster.Actors.Tests;

public sealed class SparseCapacityTests
{
    [Fact]
    public void A_map_that_emptied_gives_back_its_capacity_and_a_busy_one_keeps_it()
    {
        var map = new Dictionary<int, int>();
        for (var i = 0; i < 100_000; i++)
        {
            map[i] = i;
        }

        var grown = map.Capacity;
        for (var i = 0; i < 50_000; i++)
        {
            map.Remove(i);
            SparseCapacity.ShrinkIfSparse(map);
        }

        Assert.Equal(grown, map.Capacity); // half full: no rehash
        for (var i = 50_000; i < 99_000; i++)
        {
            map.Remove(i);
            SparseCapacity.ShrinkIfSparse(map);
        }

        Assert.Equal(1_000, map.Count);
        Assert.InRange(map.Capacity, 1_000, 4_000);
        Assert.All(Enumerable.Range(99_000, 1_000), i => Assert.Equal(i, map[i]));
    }

    [Fact]
    public void A_set_that_emptied_gives_back_its_capacity()
    {
        var set = new HashSet<int>(Enumerable.Range(0, 10_000));
        foreach (var i in Enumerable.Range(0, 9_990))
        {
            set.Remove(i);
            SparseCapacity.ShrinkIfSparse(set);
        }

        Assert.Equal(10, set.Count);
        Assert.InRange(set.Capacity, 10, 1_024);
    }
}
