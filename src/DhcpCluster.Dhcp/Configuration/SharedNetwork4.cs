namespace DhcpCluster.Dhcp.Configuration;

/// <summary>A Kea <c>shared-networks[]</c> entry: subnets on one link; a client selected into any of them may get an address from all.</summary>
public sealed class SharedNetwork4 : Dhcp4Scope
{
    /// <summary>Creates a shared network.</summary>
    public SharedNetwork4(string name, IReadOnlyList<Subnet4> subnets)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(subnets);
        Name = name;
        Subnets = subnets;
    }

    /// <summary>Kea's <c>name</c>.</summary>
    public string Name { get; }

    /// <summary>Kea's <c>subnet4</c> inside the shared network.</summary>
    public IReadOnlyList<Subnet4> Subnets { get; }

    /// <summary>Kea's <c>interface</c>.</summary>
    public string? Interface { get; init; }

    /// <summary>Kea's <c>relay.ip-addresses</c>.</summary>
    public IReadOnlyList<Ipv4Address> RelayAddresses { get; init; } = [];

    /// <summary>Kea's <c>client-class</c>: only members may use the network's subnets.</summary>
    public string? ClientClass { get; init; }

    /// <summary>The membership test of <see cref="ClientClass"/>, set when the configuration is built.</summary>
    public Classification.ExpressionNode.Member? ClientClassReference { get; internal set; }
}
