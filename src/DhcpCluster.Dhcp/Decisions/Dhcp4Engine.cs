using DhcpCluster.Dhcp.Classification;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Decisions;

/// <summary>
/// Decides the answer to one DHCPv4 client message as a function of the configuration, the lease store, the
/// message, how it arrived and the time (seconds since the Unix epoch): subnet selection, classification, client
/// identity and reservation, the RFC 2131 rules for each message type, allocation, and the reply with its options
/// and destination. The lease change is applied to the store and reported in the decision for persistence. Reuses
/// its buffers: deciding allocates nothing once warm. Not thread-safe: one engine per owner.
/// </summary>
public sealed partial class Dhcp4Engine
{
    private readonly Dhcp4Configuration configuration;
    private readonly LeaseStore store;
    private readonly EvaluationContext evaluation;
    private readonly PacketClassificationInput input = new();
    private readonly Dhcp4Decision decision = new();
    private readonly List<Subnet4> candidates = new(8);
    private readonly Dictionary<string, byte[]> textCache = new(StringComparer.Ordinal);

    /// <summary>Creates an engine over a lease store (and its configuration).</summary>
    public Dhcp4Engine(LeaseStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        configuration = store.Configuration;
        evaluation = new EvaluationContext(configuration.Classes.Classes.Count);
    }

    /// <summary>The lease store decisions are applied to.</summary>
    public LeaseStore Leases => store;

    /// <summary>
    /// Decides on one request. The returned object is the engine's own and is valid until the next call; write the
    /// reply with <see cref="ReplyWriter.Write"/>.
    /// </summary>
    public Dhcp4Decision Decide(DhcpPacket request, ArrivalFacts arrival, long now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(arrival);
        decision.Reset();
        if (!request.IsValid || request.Op != DhcpOp.BootRequest)
        {
            decision.Outcome = DecisionOutcome.DroppedInvalid;
            return decision;
        }

        decision.RequestType = request.MessageType;
        input.Packet = request;
        evaluation.Reset(input);
        configuration.Classes.EvaluateBeforeHostLookup(evaluation);
        if (!SelectSubnets(request, arrival))
        {
            decision.Outcome = DecisionOutcome.DroppedNoSubnet;
            return decision;
        }

        var client = ClientIdentity.Of(request, candidates[0].Effective.MatchClientId);
        decision.Client = client;
        FindReservation(request);
        configuration.Classes.EvaluateAfterHostLookup(evaluation, decision.Reservation);
        decision.ServerIdentifier = ServerIdentifierFor(request, arrival, candidates[0]);
        switch (request.MessageType)
        {
            case DhcpMessageType.Discover:
                OnDiscover(request, client, now);
                break;
            case DhcpMessageType.Request:
                OnRequest(request, arrival, client, now);
                break;
            case DhcpMessageType.Release:
                OnRelease(request, arrival, client, now);
                break;
            case DhcpMessageType.Decline:
                OnDecline(request, arrival, client, now);
                break;
            case DhcpMessageType.Inform:
                OnInform(request);
                break;
            default:
                decision.Outcome = DecisionOutcome.DroppedInvalid;
                break;
        }

        return decision;
    }

    /// <summary>
    /// Selects the subnet a request belongs to, as <see cref="Decide"/> does first (options 118 and 82.5, giaddr, the
    /// receiving interface, client classes): the caller routes the request to the owner of that subnet's allocation
    /// domain (the subnet, or its shared network). Null when no subnet matches. Touches no lease.
    /// </summary>
    public Subnet4? SelectSubnet(DhcpPacket request, ArrivalFacts arrival)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(arrival);
        if (!request.IsValid || request.Op != DhcpOp.BootRequest)
        {
            return null;
        }

        input.Packet = request;
        evaluation.Reset(input);
        configuration.Classes.EvaluateBeforeHostLookup(evaluation);
        return SelectSubnets(request, arrival) ? candidates[0] : null;
    }

    /// <summary>Decides and writes the reply into <paramref name="reply"/>; returns its length, 0 when there is none.</summary>
    public int Process(DhcpPacket request, ArrivalFacts arrival, long now, Span<byte> reply)
    {
        var result = Decide(request, arrival, now);
        return result.Reply == ReplyKind.None ? 0 : ReplyWriter.Write(result, request, reply);
    }

    /// <summary>
    /// Subnet selection in Kea's order: option 118 (RFC 3011), then relay agent link selection (82 sub-option 5,
    /// RFC 3527), then giaddr (a subnet's <c>relay.ip-addresses</c>, then the subnet containing giaddr), then for
    /// direct traffic ciaddr, the receiving interface's subnet and its addresses. A shared network makes all its
    /// subnets candidates (the selected one first); client-class restrictions filter them.
    /// </summary>
    private bool SelectSubnets(DhcpPacket request, ArrivalFacts arrival)
    {
        candidates.Clear();
        Subnet4? selected;
        if (request.SubnetSelection is { } selection)
        {
            selected = configuration.FindSubnetContaining(selection);
        }
        else if (request.RelayAgentInformation.LinkSelection is { } link)
        {
            selected = configuration.FindSubnetContaining(link);
        }
        else if (!request.RelayAddress.IsAny)
        {
            selected = FirstPermitted(configuration.FindSubnetsByRelay(request.RelayAddress))
                ?? configuration.FindSubnetContaining(request.RelayAddress);
        }
        else
        {
            selected = SelectDirect(request, arrival);
        }

        if (selected is null)
        {
            return false;
        }

        if (selected.SharedNetwork is { } network)
        {
            if (SubnetPermitted(selected))
            {
                candidates.Add(selected);
            }

            var siblings = network.Subnets;
            for (var i = 0; i < siblings.Count; i++)
            {
                var sibling = siblings[i];
                if (!ReferenceEquals(sibling, selected) && SubnetPermitted(sibling))
                {
                    candidates.Add(sibling);
                }
            }
        }
        else if (SubnetPermitted(selected))
        {
            candidates.Add(selected);
        }

        return candidates.Count > 0;
    }

    private Subnet4? SelectDirect(DhcpPacket request, ArrivalFacts arrival)
    {
        if (!request.ClientAddress.IsAny && configuration.FindSubnetContaining(request.ClientAddress) is { } byClientAddress)
        {
            return byClientAddress;
        }

        if (configuration.FindSubnetByInterface(arrival.InterfaceName) is { } byInterface)
        {
            return byInterface;
        }

        if (configuration.FindSubnetContaining(arrival.LocalAddress) is { } byLocal)
        {
            return byLocal;
        }

        for (var i = 0; i < arrival.InterfaceAddresses.Count; i++)
        {
            if (configuration.FindSubnetContaining(arrival.InterfaceAddresses[i]) is { } byAddress)
            {
                return byAddress;
            }
        }

        return null;
    }

    private Subnet4? FirstPermitted(IReadOnlyList<Subnet4> subnets)
    {
        for (var i = 0; i < subnets.Count; i++)
        {
            if (SubnetPermitted(subnets[i]))
            {
                return subnets[i];
            }
        }

        return subnets.Count > 0 ? subnets[0] : null;
    }

    private bool SubnetPermitted(Subnet4 subnet) =>
        (subnet.ClientClassReference?.EvaluateBoolean(evaluation) ?? true)
        && (subnet.SharedNetwork?.ClientClassReference?.EvaluateBoolean(evaluation) ?? true);

    private bool PoolPermitted(Pool4 pool) => pool.ClientClassReference?.EvaluateBoolean(evaluation) ?? true;

    /// <summary>Looks the client's reservation up in the candidate subnets; its subnet becomes the first candidate.</summary>
    private void FindReservation(DhcpPacket request)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var subnet = candidates[i];
            if (subnet.ReservationIndex.Count == 0)
            {
                continue;
            }

            if (ClientIdentity.FindReservation(request, subnet.ReservationIndex, configuration.HostReservationIdentifiers) is { } found)
            {
                decision.Reservation = found;
                if (i > 0)
                {
                    candidates.RemoveAt(i);
                    candidates.Insert(0, subnet);
                }

                return;
            }
        }
    }

    /// <summary>
    /// Option 54: configured <c>dhcp-server-identifier</c> option-data, else the relay's server identifier override
    /// (82 sub-option 11, RFC 5107), else the local address the request arrived on.
    /// </summary>
    private Ipv4Address ServerIdentifierFor(DhcpPacket request, ArrivalFacts arrival, Subnet4 subnet)
    {
        var configured = subnet.OptionData.Get(54) ?? subnet.SharedNetwork?.OptionData.Get(54) ?? configuration.OptionData.Get(54);
        if (configured is { } item && item.Value.Length == 4)
        {
            return Ipv4Address.Read(item.Value.Span);
        }

        if (request.RelayAgentInformation.ServerIdentifierOverride is { } overridden)
        {
            return overridden;
        }

        if (!arrival.LocalAddress.IsAny || arrival.InterfaceAddresses.Count == 0)
        {
            return arrival.LocalAddress;
        }

        return arrival.InterfaceAddresses[0];
    }

    private bool IsOurServerIdentifier(Ipv4Address address, ArrivalFacts arrival) =>
        address == decision.ServerIdentifier || arrival.IsLocalAddress(address);

    private ReadOnlyMemory<byte> Text(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        if (!textCache.TryGetValue(text, out var bytes))
        {
            bytes = System.Text.Encoding.ASCII.GetBytes(text);
            textCache[text] = bytes;
        }

        return bytes;
    }
}
