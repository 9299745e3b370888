namespace DhcpCluster.Dhcp.Leases;

/// <summary>
/// Told by a <see cref="LeaseStore"/> just before the lease record of an address changes (put, removed or
/// reclaimed), while the record still holds its old value: an owner that keeps only the difference between its
/// durable state and the store uses it to remember the value the store is about to lose.
/// </summary>
public interface ILeaseChangeObserver
{
    /// <summary>The record of <paramref name="address"/> is about to change.</summary>
    void Changing(Ipv4Address address);
}
