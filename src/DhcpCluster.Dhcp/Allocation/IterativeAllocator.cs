namespace DhcpCluster.Dhcp.Allocation;

/// <summary>Kea's <c>iterative</c> allocator: the next free address after the last one picked, wrapping around.</summary>
public sealed class IterativeAllocator : IAddressAllocator
{
    /// <summary>The shared instance (the cursor lives in the pool state).</summary>
    public static IterativeAllocator Instance { get; } = new();

    /// <inheritdoc/>
    public bool TryPick(PoolState pool, out Ipv4Address address)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var offset = pool.Taken.FindClear(pool.Cursor);
        if (offset < 0)
        {
            address = default;
            return false;
        }

        pool.Cursor = offset + 1 == pool.Taken.Capacity ? 0 : offset + 1;
        address = pool.AddressAt(offset);
        return true;
    }
}
