namespace DhcpCluster.Dhcp.Configuration;

/// <summary>Kea's <c>allocator</c>: how a free address is chosen within a pool.</summary>
public enum AllocatorKind
{
    /// <summary>Kea's <c>iterative</c>: addresses in ascending order, wrapping around.</summary>
    Iterative,

    /// <summary>Kea's <c>random</c>: a random free address of the pool.</summary>
    Random,
}
