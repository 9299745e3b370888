using DhcpCluster.Dhcp.Classification;

namespace DhcpCluster.Dhcp.Configuration;

/// <summary>
/// The in-memory model of a Kea <c>Dhcp4</c> configuration (global scope, subnets, shared networks, client classes),
/// built by code and validated on <see cref="Build"/>. Immutable once built; the decision code reads it concurrently.
/// </summary>
public sealed class Dhcp4Configuration : Dhcp4Scope
{
    /// <summary>Kea's default <c>valid-lifetime</c> (7200 s).</summary>
    public const uint DefaultValidLifetime = 7200;

    /// <summary>Kea's default <c>decline-probation-period</c> (86400 s).</summary>
    public const uint DefaultDeclineProbationPeriod = 86400;

    private Subnet4[] sortedSubnets = [];
    private Dictionary<uint, Subnet4> byId = [];
    private Dictionary<uint, List<Subnet4>> byRelay = [];
    private Dictionary<string, Subnet4> byInterface = new(StringComparer.Ordinal);
    private bool built;

    /// <summary>Kea's <c>subnet4</c> (subnets outside shared networks).</summary>
    public IReadOnlyList<Subnet4> Subnets { get; init; } = [];

    /// <summary>Kea's <c>shared-networks</c>.</summary>
    public IReadOnlyList<SharedNetwork4> SharedNetworks { get; init; } = [];

    /// <summary>Kea's <c>client-classes</c>, in order.</summary>
    public IReadOnlyList<ClientClassDefinition> ClientClasses { get; init; } = [];

    /// <summary>Kea's <c>host-reservation-identifiers</c>, in lookup order.</summary>
    public IReadOnlyList<HostReservationIdentifier> HostReservationIdentifiers { get; init; } =
        [HostReservationIdentifier.HwAddress, HostReservationIdentifier.Duid, HostReservationIdentifier.CircuitId, HostReservationIdentifier.ClientId];

    /// <summary>Kea's <c>decline-probation-period</c> in seconds.</summary>
    public uint DeclineProbationPeriod { get; init; } = DefaultDeclineProbationPeriod;

    /// <summary>Kea's <c>echo-client-id</c> (RFC 6842), default true.</summary>
    public bool EchoClientId { get; init; } = true;

    /// <summary>
    /// How long an offered address is held for the client before it can be offered to another (seconds). Kea's
    /// <c>offer-lifetime</c> names the same idea; here an offer always holds its address for this long.
    /// </summary>
    public uint OfferLifetime { get; init; } = 60;

    /// <summary>The compiled client classes, set by <see cref="Build"/>.</summary>
    public ClientClassCatalog Classes { get; private set; } = null!;

    /// <summary>Number of pools in all subnets; <see cref="Pool4.Index"/> runs from 0 to this minus one.</summary>
    public int PoolCount { get; private set; }

    /// <summary>Every subnet, including those of shared networks, ordered by network address.</summary>
    public IReadOnlyList<Subnet4> AllSubnets => sortedSubnets;

    /// <summary>
    /// Validates the configuration, resolves inheritance and builds the lookup indexes; returns this instance.
    /// Throws <see cref="ConfigurationException"/> naming the key at fault.
    /// </summary>
    public Dhcp4Configuration Build(Func<string, int?>? optionNames = null)
    {
        if (built)
        {
            return this;
        }

        Classes = new ClientClassCatalog(ClientClasses, optionNames);
        if (DeclineProbationPeriod == 0)
        {
            throw new ConfigurationException("decline-probation-period: must be at least 1 second");
        }

        CheckLifetimes(this, "global");

        var all = CollectSubnets();
        byId = new Dictionary<uint, Subnet4>(all.Count);
        foreach (var subnet in all)
        {
            if (!byId.TryAdd(subnet.Id, subnet))
            {
                throw new ConfigurationException($"subnet4: id {subnet.Id} is used twice");
            }

            BuildSubnet(subnet);
        }

        sortedSubnets = [.. all.OrderBy(s => s.Network.Value)];
        for (var i = 1; i < sortedSubnets.Length; i++)
        {
            var previous = sortedSubnets[i - 1];
            if (previous.Contains(sortedSubnets[i].Network))
            {
                throw new ConfigurationException($"subnet4: {sortedSubnets[i]} overlaps {previous}");
            }
        }

        IndexRelays(all);
        byInterface = new Dictionary<string, Subnet4>(StringComparer.Ordinal);
        foreach (var subnet in sortedSubnets)
        {
            if ((subnet.Interface ?? subnet.SharedNetwork?.Interface) is { } name)
            {
                byInterface.TryAdd(name, subnet);
            }
        }

        var poolIndex = 0;
        foreach (var subnet in sortedSubnets)
        {
            foreach (var pool in subnet.Pools)
            {
                pool.Index = poolIndex++;
            }
        }

        PoolCount = poolIndex;
        built = true;
        return this;
    }

    private List<Subnet4> CollectSubnets()
    {
        var all = new List<Subnet4>(Subnets);
        var networkNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var network in SharedNetworks)
        {
            if (!networkNames.Add(network.Name))
            {
                throw new ConfigurationException($"shared-networks: '{network.Name}' is defined twice");
            }

            CheckLifetimes(network, $"shared network '{network.Name}'");
            network.ClientClassReference = ClassReference(network.ClientClass, $"shared network '{network.Name}': client-class");
            foreach (var subnet in network.Subnets)
            {
                if (subnet.SharedNetwork is not null && !ReferenceEquals(subnet.SharedNetwork, network))
                {
                    throw new ConfigurationException($"subnet {subnet.Id}: belongs to two shared networks");
                }

                subnet.SharedNetwork = network;
                all.Add(subnet);
            }
        }

        return all;
    }

    private void IndexRelays(List<Subnet4> all)
    {
        byRelay = [];
        foreach (var subnet in all)
        {
            var relays = subnet.RelayAddresses.Count > 0 ? subnet.RelayAddresses : subnet.SharedNetwork?.RelayAddresses ?? [];
            foreach (var relay in relays)
            {
                if (!byRelay.TryGetValue(relay.Value, out var list))
                {
                    byRelay[relay.Value] = list = [];
                }

                list.Add(subnet);
            }
        }
    }

    /// <summary>The subnet with the given id, or null.</summary>
    public Subnet4? FindSubnet(uint id) => byId.GetValueOrDefault(id);

    /// <summary>The subnet whose prefix contains the address, or null (binary search, no allocation).</summary>
    public Subnet4? FindSubnetContaining(Ipv4Address address)
    {
        var subnets = sortedSubnets;
        int lo = 0, hi = subnets.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (subnets[mid].Network.Value <= address.Value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return hi >= 0 && subnets[hi].Contains(address) ? subnets[hi] : null;
    }

    /// <summary>The subnets whose <c>relay.ip-addresses</c> (own or of their shared network) include the address.</summary>
    public IReadOnlyList<Subnet4> FindSubnetsByRelay(Ipv4Address relay) =>
        byRelay.TryGetValue(relay.Value, out var list) ? list : Array.Empty<Subnet4>(); // not [], which would be a new List here

    /// <summary>The first subnet whose <c>interface</c> (own or of its shared network) is the given name, or null.</summary>
    public Subnet4? FindSubnetByInterface(string interfaceName) =>
        byInterface.Count > 0 && byInterface.TryGetValue(interfaceName, out var subnet) ? subnet : null;

    private static void CheckLifetimes(Dhcp4Scope scope, string where)
    {
        if (scope.ValidLifetime == 0)
        {
            throw new ConfigurationException($"{where}: valid-lifetime must be at least 1 second");
        }

        if (scope.T1Percent is { } t1 && (t1 <= 0 || t1 >= 1))
        {
            throw new ConfigurationException($"{where}: t1-percent must be between 0 and 1");
        }

        if (scope.T2Percent is { } t2 && (t2 <= 0 || t2 >= 1))
        {
            throw new ConfigurationException($"{where}: t2-percent must be between 0 and 1");
        }

        if (scope is { RenewTimer: { } renew, RebindTimer: { } rebind } && renew > rebind)
        {
            throw new ConfigurationException($"{where}: renew-timer ({renew}) is greater than rebind-timer ({rebind})");
        }
    }

    private ExpressionNode.Member? ClassReference(string? name, string usedBy) =>
        name is null ? null : Classes.Reference(name, usedBy);

    private void BuildSubnet(Subnet4 subnet)
    {
        var where = $"subnet {subnet.Id} ({subnet.Network}/{subnet.PrefixLength})";
        CheckLifetimes(subnet, where);
        subnet.Resolve(this);
        var effective = subnet.Effective;
        if (effective.T1(effective.ValidLifetime) > effective.T2(effective.ValidLifetime))
        {
            throw new ConfigurationException($"{where}: T1 would be greater than T2");
        }

        subnet.ClientClassReference = ClassReference(subnet.ClientClass, $"{where}: client-class");
        subnet.EffectiveOptions = new ScopeOptions(OptionData, subnet.SharedNetwork?.OptionData, subnet.OptionData);
        Pool4? previous = null;
        foreach (var pool in subnet.Pools.OrderBy(p => p.First.Value))
        {
            if (!subnet.Contains(pool.First) || !subnet.Contains(pool.Last))
            {
                throw new ConfigurationException($"{where}: pool {pool} is not inside the subnet");
            }

            if (previous is not null && pool.First <= previous.Last)
            {
                throw new ConfigurationException($"{where}: pool {pool} overlaps pool {previous}");
            }

            if (pool.Subnet is not null && !ReferenceEquals(pool.Subnet, subnet))
            {
                throw new ConfigurationException($"{where}: pool {pool} already belongs to subnet {pool.Subnet.Id}");
            }

            pool.Subnet = subnet;
            pool.EffectiveOptions = new ScopeOptions(OptionData, subnet.SharedNetwork?.OptionData, subnet.OptionData, pool.OptionData);
            pool.ClientClassReference = ClassReference(pool.ClientClass, $"{where}: pool {pool}: client-class");
            previous = pool;
        }

        subnet.ReservationIndex = new SubnetReservations(subnet);
        foreach (var reservation in subnet.Reservations)
        {
            foreach (var name in reservation.ClientClasses)
            {
                if (Classes.Find(name) is null)
                {
                    throw new ConfigurationException($"{where}: reservations: client-classes: '{name}' is not a defined class");
                }
            }
        }
    }
}
