using System.Globalization;

namespace DhcpCluster.Dhcp.Configuration;

/// <summary>A Kea <c>subnet4[]</c> entry.</summary>
public sealed class Subnet4 : Dhcp4Scope
{
    private EffectiveParameters? effective;

    /// <summary>Creates a subnet from its id and prefix text (<c>"192.0.2.0/24"</c>).</summary>
    public Subnet4(uint id, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (id == 0)
        {
            throw new ArgumentException($"subnet {prefix}: id 0 is reserved", nameof(id));
        }

        var slash = prefix.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !Ipv4Address.TryParse(prefix.AsSpan(0, slash), out var network)
            || !int.TryParse(prefix.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length is < 1 or > 32)
        {
            throw new FormatException($"subnet '{prefix}': expected 'address/length' with a length of 1..32");
        }

        Id = id;
        PrefixLength = length;
        Mask = PrefixMath.Mask(length);
        if ((network.Value & ~Mask) != 0)
        {
            throw new FormatException($"subnet '{prefix}': the address has bits set beyond the prefix length");
        }

        Network = network;
    }

    /// <summary>Kea's <c>id</c>.</summary>
    public uint Id { get; }

    /// <summary>The network address.</summary>
    public Ipv4Address Network { get; }

    /// <summary>The prefix length.</summary>
    public int PrefixLength { get; }

    /// <summary>The netmask (host order).</summary>
    public uint Mask { get; }

    /// <summary>The directed broadcast address.</summary>
    public Ipv4Address BroadcastAddress => new(Network.Value | ~Mask);

    /// <summary>Kea's <c>pools</c>.</summary>
    public IReadOnlyList<Pool4> Pools { get; init; } = [];

    /// <summary>Kea's <c>reservations</c>.</summary>
    public IReadOnlyList<HostReservation> Reservations { get; init; } = [];

    /// <summary>Kea's <c>interface</c>: the subnet is directly reachable on that interface.</summary>
    public string? Interface { get; init; }

    /// <summary>Kea's <c>relay.ip-addresses</c>: relays (giaddr) that select this subnet.</summary>
    public IReadOnlyList<Ipv4Address> RelayAddresses { get; init; } = [];

    /// <summary>Kea's <c>client-class</c>: only members may use the subnet.</summary>
    public string? ClientClass { get; init; }

    /// <summary>The shared network the subnet belongs to, set when the configuration is built.</summary>
    public SharedNetwork4? SharedNetwork { get; internal set; }

    /// <summary>The reservations indexed, set when the configuration is built.</summary>
    public SubnetReservations ReservationIndex { get; internal set; } = null!;

    /// <summary>The membership test of <see cref="ClientClass"/>, set when the configuration is built.</summary>
    public Classification.ExpressionNode.Member? ClientClassReference { get; internal set; }

    /// <summary>The option-data of subnet, shared network and global scope merged, set when the configuration is built.</summary>
    public ScopeOptions EffectiveOptions { get; internal set; } = null!;

    /// <summary>The parameters after inheritance, set when the configuration is built.</summary>
    public EffectiveParameters Effective => effective ?? throw new InvalidOperationException($"subnet {Id} is not part of a built configuration");

    /// <summary>Whether the address lies in the subnet's prefix.</summary>
    public bool Contains(Ipv4Address address) => (address.Value & Mask) == Network.Value;

    /// <summary>The pool that contains the address, or null.</summary>
    public Pool4? FindPool(Ipv4Address address)
    {
        var pools = Pools;
        for (var i = 0; i < pools.Count; i++)
        {
            if (pools[i].Contains(address))
            {
                return pools[i];
            }
        }

        return null;
    }

    internal void Resolve(Dhcp4Configuration global)
    {
        var network = SharedNetwork;
        effective = new EffectiveParameters(
            ValidLifetime ?? network?.ValidLifetime ?? global.ValidLifetime ?? Dhcp4Configuration.DefaultValidLifetime,
            RenewTimer ?? network?.RenewTimer ?? global.RenewTimer,
            RebindTimer ?? network?.RebindTimer ?? global.RebindTimer,
            T1Percent ?? network?.T1Percent ?? global.T1Percent ?? 0.5,
            T2Percent ?? network?.T2Percent ?? global.T2Percent ?? 0.875,
            MatchClientId ?? network?.MatchClientId ?? global.MatchClientId ?? true,
            Authoritative ?? network?.Authoritative ?? global.Authoritative ?? false,
            Allocator ?? network?.Allocator ?? global.Allocator ?? AllocatorKind.Iterative,
            NextServer ?? network?.NextServer ?? global.NextServer,
            ServerHostname ?? network?.ServerHostname ?? global.ServerHostname,
            BootFileName ?? network?.BootFileName ?? global.BootFileName);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Network}/{PrefixLength} (id {Id})");
}
