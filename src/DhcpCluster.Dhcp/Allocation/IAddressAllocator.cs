namespace DhcpCluster.Dhcp.Allocation;

/// <summary>
/// Picks a free address of a pool. It works on the pool's <see cref="PoolState"/>, which one owner holds (the
/// single-owner rule), so an allocator needs no locking; picking does not take the address, the owner does.
/// </summary>
public interface IAddressAllocator
{
    /// <summary>A free address of the pool, or false when the pool is exhausted.</summary>
    bool TryPick(PoolState pool, out Ipv4Address address);
}
