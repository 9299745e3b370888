using DhcpCluster.Actors;

namespace DhcpCluster.Server.Leases;

/// <summary>Which pool owner decides for a subnet (immutable once the owners are started).</summary>
public sealed class PoolOwnerDirectory
{
    private readonly Dictionary<uint, IActorRef> bySubnet;

    /// <summary>Creates a directory from subnet id → owner.</summary>
    public PoolOwnerDirectory(IReadOnlyDictionary<uint, IActorRef> bySubnet)
    {
        ArgumentNullException.ThrowIfNull(bySubnet);
        this.bySubnet = new Dictionary<uint, IActorRef>(bySubnet);
    }

    /// <summary>The owner of the subnet's allocation domain, or null for an unknown subnet.</summary>
    public IActorRef? OwnerOf(uint subnetId) => bySubnet.GetValueOrDefault(subnetId);

    /// <summary>Every owner (once).</summary>
    public IEnumerable<IActorRef> Owners => bySubnet.Values.Distinct();
}
