using DhcpCluster.Dhcp.Configuration;

namespace DhcpCluster.Server.Leases;

/// <summary>
/// The addresses one pool owner owns: a standalone subnet, or a shared network with all its subnets (the engine may
/// pick any subnet of a shared network for a client, so they must have one owner).
/// </summary>
public sealed class AllocationDomain
{
    private readonly HashSet<uint> subnetIds;

    private AllocationDomain(string id, IReadOnlyList<Subnet4> subnets)
    {
        Id = id;
        Subnets = subnets;
        PersistenceId = "dhcp4-pool-owner-" + id;
        subnetIds = [.. subnets.Select(s => s.Id)];
    }

    /// <summary>Stable name, used in the owner's persistence id: <c>subnet-ID</c> or <c>shared-network-NAME</c>.</summary>
    public string Id { get; }

    /// <summary>The subnets of the domain.</summary>
    public IReadOnlyList<Subnet4> Subnets { get; }

    /// <summary>The persistence id of the domain's owner (made once: it is read for every event the owner persists).</summary>
    public string PersistenceId { get; }

    /// <summary>Whether the subnet belongs to this domain.</summary>
    public bool Owns(Subnet4 subnet)
    {
        ArgumentNullException.ThrowIfNull(subnet);
        return subnetIds.Contains(subnet.Id);
    }

    /// <summary>The domains of a built configuration: one per shared network, one per other subnet.</summary>
    public static IReadOnlyList<AllocationDomain> Partition(Dhcp4Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var domains = new List<AllocationDomain>();
        foreach (var network in configuration.SharedNetworks)
        {
            domains.Add(new AllocationDomain("shared-network-" + network.Name, network.Subnets));
        }

        foreach (var subnet in configuration.AllSubnets)
        {
            if (subnet.SharedNetwork is null)
            {
                domains.Add(new AllocationDomain(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"subnet-{subnet.Id}"), [subnet]));
            }
        }

        return domains;
    }
}
