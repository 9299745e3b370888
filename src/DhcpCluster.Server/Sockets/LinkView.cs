using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Sockets.Interfaces;

namespace DhcpCluster.Server.Sockets;

/// <summary>
/// What the receive loop knows of its link, built once per link change: the interface's addresses and the arrival
/// facts for each way a packet can arrive (so nothing is allocated per packet). The server identifier of a broadcast
/// is the configured address, else the interface's first address in the client's subnet.
/// </summary>
internal sealed class LinkView
{
    private readonly Dictionary<uint, ArrivalFacts> unicast = [];
    private readonly Dictionary<uint, ArrivalFacts> broadcastByAddress = [];
    private readonly Ipv4Address? configured;

    public LinkView(LinkInfo link, Ipv4Address? configuredAddress)
    {
        Link = link;
        configured = configuredAddress;
        var addresses = link.Addresses.Select(a => new Ipv4Address(a.Address)).ToArray();
        Addresses = addresses;
        Broadcast = new ArrivalFacts(link.Name, addresses, configuredAddress ?? Ipv4Address.Any, ViaBroadcast: true);
        foreach (var address in addresses)
        {
            unicast[address.Value] = new ArrivalFacts(link.Name, addresses, address, ViaBroadcast: false);
            broadcastByAddress[address.Value] = new ArrivalFacts(link.Name, addresses, configuredAddress ?? address, ViaBroadcast: true);
        }
    }

    public LinkInfo Link { get; }

    public IReadOnlyList<Ipv4Address> Addresses { get; }

    /// <summary>Facts of a broadcast before the subnet is known.</summary>
    public ArrivalFacts Broadcast { get; }

    /// <summary>Facts of a packet sent to <paramref name="destination"/> (one of our addresses, or a relay's target).</summary>
    public ArrivalFacts Unicast(uint destination) =>
        unicast.TryGetValue(destination, out var facts)
            ? facts
            : new ArrivalFacts(Link.Name, Addresses, new Ipv4Address(destination), ViaBroadcast: false);

    /// <summary>Facts of a broadcast from a client of <paramref name="subnet"/>: the server identifier is settled here.</summary>
    public ArrivalFacts BroadcastIn(Subnet4 subnet)
    {
        if (configured is not null)
        {
            return Broadcast;
        }

        foreach (var address in Addresses)
        {
            if (subnet.Contains(address))
            {
                return broadcastByAddress[address.Value];
            }
        }

        return Broadcast;
    }

    /// <summary>Whether the link's addresses are the same as another view's.</summary>
    public bool SameAddresses(LinkInfo other) =>
        other.Index == Link.Index && other.Addresses.SequenceEqual(Link.Addresses) && other.HardwareAddress.AsSpan().SequenceEqual(Link.HardwareAddress);
}
