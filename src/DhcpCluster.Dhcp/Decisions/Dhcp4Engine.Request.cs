using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Decisions;

/// <summary>DHCPREQUEST, DHCPRELEASE, DHCPDECLINE and DHCPINFORM (RFC 2131 §4.3.2 to §4.3.5).</summary>
public sealed partial class Dhcp4Engine
{
    /// <summary>
    /// RFC 2131 §4.3.2: the client state comes from option 54, option 50 and ciaddr. SELECTING for another server
    /// withdraws our offer silently; otherwise the address is checked and bound (DHCPACK) or refused (DHCPNAK), or,
    /// when this server is not authoritative and has no record of the client, left unanswered.
    /// </summary>
    private void OnRequest(DhcpPacket request, ArrivalFacts arrival, in ClientIdentity client, long now)
    {
        var requested = request.RequestedAddress;
        var ciaddr = request.ClientAddress;
        if (request.ServerIdentifier is { } serverId)
        {
            decision.ClientState = ClientState.Selecting;
            if (!IsOurServerIdentifier(serverId, arrival))
            {
                WithdrawOffer(client);
                return;
            }

            var address = requested ?? ciaddr;
            if (address.IsAny)
            {
                Nak(request, DecisionOutcome.NakAddressUnavailable);
                return;
            }

            ConfirmAndBind(request, client, address, now, selecting: true);
        }
        else if (requested is { } rebootAddress && ciaddr.IsAny)
        {
            decision.ClientState = ClientState.InitReboot;
            ConfirmAndBind(request, client, rebootAddress, now, selecting: false);
        }
        else if (!ciaddr.IsAny)
        {
            decision.ClientState = arrival.ViaBroadcast || !request.RelayAddress.IsAny ? ClientState.Rebinding : ClientState.Renewing;
            ConfirmAndBind(request, client, ciaddr, now, selecting: false);
        }
        else
        {
            decision.Outcome = DecisionOutcome.DroppedInvalid;
        }
    }

    private void WithdrawOffer(in ClientIdentity client)
    {
        decision.Outcome = DecisionOutcome.OtherServerSelected;
        foreach (var candidate in candidates)
        {
            if (store.TryFindClientLease(candidate.Id, client, out var lease) && lease.State == LeaseState.Offered)
            {
                store.Remove(lease.Address);
                decision.Change = LeaseChangeKind.OfferWithdrawn;
                decision.Lease = lease;
                return;
            }
        }
    }

    private void ConfirmAndBind(DhcpPacket request, in ClientIdentity client, Ipv4Address address, long now, bool selecting)
    {
        var authoritative = candidates[0].Effective.Authoritative;
        var answer = selecting || authoritative;
        var subnet = CandidateContaining(address);
        if (subnet is null)
        {
            Refuse(request, answer, DecisionOutcome.NakWrongNetwork, DecisionOutcome.SilentWrongNetwork);
            return;
        }

        var hasRecord = TryFindClientLeaseInCandidates(client, out var mine);
        if (store.TryGetLease(address, out var holder) && holder.HoldsAddress(now) && !holder.BelongsTo(client))
        {
            Refuse(request, answer || hasRecord, DecisionOutcome.NakNotClientsLease, DecisionOutcome.SilentNoRecord);
            return;
        }

        var reservedElsewhere = decision.Reservation?.IpAddress is { } reserved && reserved != address
            && CandidateContaining(reserved) is { } reservedSubnet && IsUsableBy(reserved, reservedSubnet, client, now);
        if (reservedElsewhere || (hasRecord && mine.Address != address && mine.State == LeaseState.Bound && mine.HoldsAddress(now)))
        {
            Nak(request, DecisionOutcome.NakNotClientsLease);
            return;
        }

        if (!IsUsableBy(address, subnet, client, now))
        {
            Refuse(request, answer, DecisionOutcome.NakAddressUnavailable, DecisionOutcome.SilentNoRecord);
            return;
        }

        var known = (hasRecord && mine.Address == address) || decision.Reservation?.IpAddress == address;
        if (!known && !answer)
        {
            decision.Outcome = DecisionOutcome.SilentNoRecord;
            return;
        }

        if (hasRecord && mine.State == LeaseState.Offered && mine.Address != address)
        {
            store.Remove(mine.Address); // the client took another address than the one we offered
        }

        Bind(request, client, address, subnet, now);
    }

    private bool TryFindClientLeaseInCandidates(in ClientIdentity client, out Lease lease)
    {
        foreach (var candidate in candidates)
        {
            if (store.TryFindClientLease(candidate.Id, client, out lease))
            {
                return true;
            }
        }

        lease = default;
        return false;
    }

    private void Bind(DhcpPacket request, in ClientIdentity client, Ipv4Address address, Subnet4 subnet, long now)
    {
        var lifetime = LifetimeFor(subnet);
        var bound = new Lease(
            address, subnet.Id, client.HardwareAddress, client.ClientIdentifier, LeaseState.Bound,
            now, now + lifetime, lifetime, LeaseHostname(request));
        store.Put(bound);
        decision.Lease = bound;
        decision.Change = LeaseChangeKind.Bound;
        decision.Outcome = DecisionOutcome.Acknowledged;
        decision.ClientAddress = request.ClientAddress;
        FillReply(request, ReplyKind.Ack, subnet, address, lifetime);
    }

    private void Refuse(DhcpPacket request, bool answer, DecisionOutcome nak, DecisionOutcome silent)
    {
        if (answer)
        {
            Nak(request, nak);
        }
        else
        {
            decision.Outcome = silent;
        }
    }

    /// <summary>RFC 2131 §4.3.4: a RELEASE of the client's lease frees the address; no reply.</summary>
    private void OnRelease(DhcpPacket request, ArrivalFacts arrival, in ClientIdentity client, long now)
    {
        var address = request.ClientAddress;
        if (request.ServerIdentifier is { } serverId && !IsOurServerIdentifier(serverId, arrival))
        {
            decision.Outcome = DecisionOutcome.DroppedNoLease;
            return;
        }

        if (!address.IsAny && store.TryGetLease(address, out var lease) && lease.BelongsTo(client)
            && lease.State is LeaseState.Bound or LeaseState.Offered)
        {
            var released = lease with { State = LeaseState.Released, Start = now, Expires = now };
            store.Put(released);
            decision.Lease = released;
            decision.Change = LeaseChangeKind.Released;
            decision.Outcome = DecisionOutcome.Released;
            return;
        }

        decision.Outcome = DecisionOutcome.DroppedNoLease;
    }

    /// <summary>
    /// RFC 2131 §4.3.3: a DECLINE (address in option 50) marks the address unusable; it stays on probation for
    /// <c>decline-probation-period</c> and belongs to no client meanwhile; no reply.
    /// </summary>
    private void OnDecline(DhcpPacket request, ArrivalFacts arrival, in ClientIdentity client, long now)
    {
        var address = request.RequestedAddress ?? request.ClientAddress;
        if (request.ServerIdentifier is { } serverId && !IsOurServerIdentifier(serverId, arrival))
        {
            decision.Outcome = DecisionOutcome.DroppedNoLease;
            return;
        }

        if (!address.IsAny && store.TryGetLease(address, out var lease) && lease.BelongsTo(client)
            && lease.State is LeaseState.Bound or LeaseState.Offered)
        {
            var declined = new Lease(
                address, lease.SubnetId, default, null, LeaseState.Declined, now, now + configuration.DeclineProbationPeriod, 0, null);
            store.Put(declined);
            decision.Lease = declined;
            decision.Change = LeaseChangeKind.Declined;
            decision.Outcome = DecisionOutcome.Declined;
            return;
        }

        decision.Outcome = DecisionOutcome.DroppedNoLease;
    }

    /// <summary>RFC 2131 §4.3.5: DHCPACK with the configuration options, no lease, no yiaddr, no lease times.</summary>
    private void OnInform(DhcpPacket request)
    {
        var subnet = candidates[0];
        decision.ClientAddress = request.ClientAddress;
        decision.Outcome = DecisionOutcome.Informed;
        FillReply(request, ReplyKind.InformAck, subnet, default, 0);
    }
}
