namespace DhcpCluster.Dhcp.Allocation;

/// <summary>
/// Kea's <c>random</c> allocator: a few uniformly random probes, then the first free address after a random start
/// (so a nearly full pool costs one bitmap scan, not endless retries). The random state lives in the pool state and
/// is seeded by the caller, so tests are reproducible and no clock is read.
/// </summary>
public sealed class RandomAllocator : IAddressAllocator
{
    private const int Probes = 4;

    /// <summary>The shared instance (the random state lives in the pool state).</summary>
    public static RandomAllocator Instance { get; } = new();

    /// <inheritdoc/>
    public bool TryPick(PoolState pool, out Ipv4Address address)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var taken = pool.Taken;
        if (taken.ClearCount == 0)
        {
            address = default;
            return false;
        }

        var capacity = (ulong)taken.Capacity;
        for (var i = 0; i < Probes; i++)
        {
            var probe = (int)(pool.NextRandom() % capacity);
            if (!taken.IsSet(probe))
            {
                address = pool.AddressAt(probe);
                return true;
            }
        }

        var offset = taken.FindClear((int)(pool.NextRandom() % capacity));
        address = pool.AddressAt(offset);
        return offset >= 0;
    }
}
