using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Tests.Decisions;

/// <summary>RFC 2131 rules, one test per rule; each name carries its section.</summary>
public class Rfc2131DecisionTests
{
    private static readonly byte[] MacA = ClientMessage.MacOf(1);
    private static readonly byte[] MacB = ClientMessage.MacOf(2);

    [Fact]
    public void Rfc2131_S4_3_1_discover_is_offered_a_pool_address_with_mandatory_options()
    {
        var s = Scenario.Simple();
        var r = s.Run(ClientMessage.Discover(MacA));

        Assert.Equal(ReplyKind.Offer, r.Reply);
        Assert.Equal(LeaseChangeKind.Offered, r.Change);
        Assert.Equal(DhcpMessageType.Offer, r.Packet!.MessageType);
        Assert.Equal(Ipv4Address.Parse("192.0.2.10"), r.Packet.YourAddress);
        Assert.Equal(Scenario.ServerAddress, r.Packet.ServerIdentifier);
        Assert.True(r.Packet.TryGetOption(51, out var leaseTime));
        Assert.Equal(new byte[] { 0, 0, 0x0e, 0x10 }, leaseTime.ToArray());
        Assert.Equal(Ipv4Address.Any, r.Packet.ClientAddress);
        Assert.Equal(MacA, r.Packet.ClientHardwareAddress.ToArray());
    }

    [Fact]
    public void Rfc2131_S4_3_1_a_second_discover_gets_the_same_offer_and_another_client_another_address()
    {
        var s = Scenario.Simple();
        var first = s.Run(ClientMessage.Discover(MacA)).Packet!.YourAddress;
        var again = s.Run(ClientMessage.Discover(MacA)).Packet!.YourAddress;
        var other = s.Run(ClientMessage.Discover(MacB)).Packet!.YourAddress;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Rfc2131_S4_3_1_requested_address_is_honoured_when_valid_and_free()
    {
        var s = Scenario.Simple();
        var r = s.Run(ClientMessage.Discover(MacA).With(50, "192.0.2.15"));
        Assert.Equal(Ipv4Address.Parse("192.0.2.15"), r.Packet!.YourAddress);

        var taken = s.Run(ClientMessage.Discover(MacB).With(50, "192.0.2.15"));
        Assert.NotEqual(Ipv4Address.Parse("192.0.2.15"), taken.Packet!.YourAddress);

        var outside = s.Run(ClientMessage.Discover(ClientMessage.MacOf(3)).With(50, "192.0.2.100"));
        Assert.NotEqual(Ipv4Address.Parse("192.0.2.100"), outside.Packet!.YourAddress);
    }

    [Fact]
    public void Rfc2131_S4_3_1_previous_address_comes_back_after_release_while_free()
    {
        var s = Scenario.Simple();
        var bound = s.Dora(MacA);
        var release = new ClientMessage(DhcpMessageType.Release, MacA).Ciaddr(bound.ToString()).With(54, Scenario.ServerAddress);
        Assert.Equal(DecisionOutcome.Released, s.Run(release).Outcome);

        s.Now += 100;
        Assert.Equal(bound, s.Run(ClientMessage.Discover(MacA)).Packet!.YourAddress);
    }

    [Fact]
    public void Rfc2131_S4_3_2_selecting_request_for_this_server_is_acked_with_default_T1_T2_of_Rfc2131_S4_4_5()
    {
        var s = Scenario.Simple();
        var offer = s.Run(ClientMessage.Discover(MacA)).Packet!.YourAddress;
        var r = s.Run(ClientMessage.Request(MacA).With(54, Scenario.ServerAddress).With(50, offer));

        Assert.Equal(ClientState.Selecting, r.State);
        Assert.Equal(ReplyKind.Ack, r.Reply);
        Assert.Equal(LeaseChangeKind.Bound, r.Change);
        Assert.Equal(LeaseState.Bound, r.Lease.State);
        Assert.Equal(s.Now + 3600, r.Lease.Expires);
        Assert.Equal(offer, r.Packet!.YourAddress);
        Assert.True(r.Packet.TryGetOption(58, out var t1));
        Assert.True(r.Packet.TryGetOption(59, out var t2));
        Assert.Equal(1800u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(t1));
        Assert.Equal(3150u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(t2));
    }

    [Fact]
    public void Rfc2131_S4_4_5_and_Rfc2132_S9_11_S9_12_configured_renew_and_rebind_timers_replace_the_defaults()
    {
        var s = Scenario.Simple(o =>
        {
            o.RenewTimer = 1000;
            o.RebindTimer = 2000;
        });
        s.Dora(MacA);
        var r = s.Run(ClientMessage.Request(MacA).Ciaddr("192.0.2.10"));
        Assert.True(r.Packet!.TryGetOption(58, out var t1));
        Assert.Equal(1000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(t1));
        Assert.True(r.Packet.TryGetOption(59, out var t2));
        Assert.Equal(2000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(t2));
    }

    [Fact]
    public void Rfc2131_S4_3_2_selecting_another_server_releases_our_offer_silently()
    {
        var s = Scenario.Simple(o => o.Pool = "192.0.2.10 - 192.0.2.10");
        var offer = s.Run(ClientMessage.Discover(MacA)).Packet!.YourAddress;
        Assert.Equal(DecisionOutcome.DroppedNoAddress, s.Run(ClientMessage.Discover(MacB)).Outcome);

        var r = s.Run(ClientMessage.Request(MacA).With(54, "192.0.2.254").With(50, offer));
        Assert.Equal(DecisionOutcome.OtherServerSelected, r.Outcome);
        Assert.Equal(ReplyKind.None, r.Reply);
        Assert.Equal(LeaseChangeKind.OfferWithdrawn, r.Change);
        Assert.Equal(offer, s.Run(ClientMessage.Discover(MacB)).Packet!.YourAddress);
    }

    [Fact]
    public void Rfc2131_S4_3_2_selecting_an_address_held_by_another_client_is_naked()
    {
        var s = Scenario.Simple();
        var a = s.Dora(MacA);
        var r = s.Run(ClientMessage.Request(MacB).With(54, Scenario.ServerAddress).With(50, a));
        Assert.Equal(ReplyKind.Nak, r.Reply);
        Assert.Equal(DecisionOutcome.NakNotClientsLease, r.Outcome);
        Assert.Equal(DhcpMessageType.Nak, r.Packet!.MessageType);
        Assert.Equal(Ipv4Address.Any, r.Packet.YourAddress);
        Assert.False(r.Packet.HasOption(51));
    }

    [Theory]
    [InlineData(true, ReplyKind.Nak, DecisionOutcome.NakWrongNetwork)]
    [InlineData(false, ReplyKind.None, DecisionOutcome.SilentWrongNetwork)]
    [InlineData(null, ReplyKind.None, DecisionOutcome.SilentWrongNetwork)]
    public void Rfc2131_S4_3_2_init_reboot_on_the_wrong_network(bool? authoritative, ReplyKind reply, DecisionOutcome outcome)
    {
        var s = Scenario.Simple(o => o.Authoritative = authoritative);
        var r = s.Run(ClientMessage.Request(MacA).With(50, "198.51.100.7"));
        Assert.Equal(ClientState.InitReboot, r.State);
        Assert.Equal(reply, r.Reply);
        Assert.Equal(outcome, r.Outcome);
    }

    [Fact]
    public void Rfc2131_S4_3_2_init_reboot_with_the_clients_lease_is_acked()
    {
        var s = Scenario.Simple();
        var a = s.Dora(MacA);
        s.Now += 600;
        var r = s.Run(ClientMessage.Request(MacA).With(50, a));
        Assert.Equal(ClientState.InitReboot, r.State);
        Assert.Equal(ReplyKind.Ack, r.Reply);
        Assert.Equal(s.Now + 3600, r.Lease.Expires);
    }

    [Fact]
    public void Rfc2131_S4_3_2_init_reboot_for_another_address_than_the_clients_lease_is_naked()
    {
        var s = Scenario.Simple();
        s.Dora(MacA);
        var r = s.Run(ClientMessage.Request(MacA).With(50, "192.0.2.19"));
        Assert.Equal(ReplyKind.Nak, r.Reply);
        Assert.Equal(DecisionOutcome.NakNotClientsLease, r.Outcome);
    }

    [Theory]
    [InlineData(false, ReplyKind.None, DecisionOutcome.SilentNoRecord)]
    [InlineData(true, ReplyKind.Ack, DecisionOutcome.Acknowledged)]
    public void Rfc2131_S4_3_2_init_reboot_without_a_record_is_silent_unless_authoritative(bool authoritative, ReplyKind reply, DecisionOutcome outcome)
    {
        var s = Scenario.Simple(o => o.Authoritative = authoritative);
        var r = s.Run(ClientMessage.Request(MacA).With(50, "192.0.2.12"));
        Assert.Equal(reply, r.Reply);
        Assert.Equal(outcome, r.Outcome);
    }

    [Theory]
    [InlineData(false, ReplyKind.None)]
    [InlineData(true, ReplyKind.Nak)]
    public void Rfc2131_S4_3_2_init_reboot_for_an_address_held_by_another_client(bool authoritative, ReplyKind reply)
    {
        var s = Scenario.Simple(o => o.Authoritative = authoritative);
        var a = s.Dora(MacA);
        Assert.Equal(reply, s.Run(ClientMessage.Request(MacB).With(50, a)).Reply);
    }

    [Fact]
    public void Rfc2131_S4_3_2_renewing_is_acked_by_unicast_to_ciaddr()
    {
        var s = Scenario.Simple();
        var a = s.Dora(MacA);
        s.Arrival = s.Arrival with { ViaBroadcast = false };
        s.Now += 1800;
        var r = s.Run(ClientMessage.Request(MacA).Ciaddr(a.ToString()));

        Assert.Equal(ClientState.Renewing, r.State);
        Assert.Equal(ReplyKind.Ack, r.Reply);
        Assert.Equal(a, r.Packet!.ClientAddress);
        Assert.Equal(a, r.Packet.YourAddress);
        Assert.Equal(new ReplyDestination(ReplyDestinationKind.ClientAddress, a, 68), r.Destination);
        Assert.Equal(s.Now + 3600, r.Lease.Expires);
    }

    [Fact]
    public void Rfc2131_S4_3_2_rebinding_is_recognised_by_broadcast_and_acked()
    {
        var s = Scenario.Simple();
        var a = s.Dora(MacA);
        var r = s.Run(ClientMessage.Request(MacA).Ciaddr(a.ToString()).WithBroadcast());
        Assert.Equal(ClientState.Rebinding, r.State);
        Assert.Equal(ReplyKind.Ack, r.Reply);
    }

    [Theory]
    [InlineData(false, ReplyKind.None)]
    [InlineData(true, ReplyKind.Nak)]
    public void Rfc2131_S4_3_2_renewing_an_address_of_another_network(bool authoritative, ReplyKind reply)
    {
        var s = Scenario.Simple(o => o.Authoritative = authoritative);
        s.Arrival = s.Arrival with { ViaBroadcast = false };
        var r = s.Run(ClientMessage.Request(MacA).Ciaddr("192.0.2.200"));
        Assert.Equal(ClientState.Renewing, r.State);
        Assert.Equal(reply, r.Reply);
    }

    [Fact]
    public void Rfc2131_S4_1_reply_to_a_relay_goes_to_giaddr_port_67()
    {
        var s = Scenario.Simple();
        var r = s.Run(ClientMessage.Discover(MacA).Giaddr("192.0.2.5"));
        Assert.Equal(new ReplyDestination(ReplyDestinationKind.RelayAgent, Ipv4Address.Parse("192.0.2.5"), 67), r.Destination);
        Assert.Equal(Ipv4Address.Parse("192.0.2.5"), r.Packet!.RelayAddress);
    }

    [Fact]
    public void Rfc2131_S4_1_broadcast_flag_means_reply_to_255_255_255_255()
    {
        var s = Scenario.Simple();
        var r = s.Run(ClientMessage.Discover(MacA).WithBroadcast());
        Assert.Equal(new ReplyDestination(ReplyDestinationKind.Broadcast, Ipv4Address.Broadcast, 68), r.Destination);
        Assert.True(r.Packet!.IsBroadcast);
    }

    [Fact]
    public void Rfc2131_S4_1_without_broadcast_flag_reply_is_unicast_to_yiaddr_at_chaddr()
    {
        var s = Scenario.Simple();
        var r = s.Run(ClientMessage.Discover(MacA));
        Assert.Equal(ReplyDestinationKind.ClientHardwareAddress, r.Destination.Kind);
        Assert.Equal(r.Packet!.YourAddress, r.Destination.Address);
        Assert.True(r.Destination.RequiresLinkLayerAddress);
    }

    [Fact]
    public void Rfc2131_S4_1_nak_is_broadcast_unless_relayed_and_a_relayed_nak_carries_the_broadcast_flag()
    {
        var s = Scenario.Simple(o => o.Authoritative = true);
        var direct = s.Run(ClientMessage.Request(MacA).With(50, "198.51.100.7"));
        Assert.Equal(ReplyDestinationKind.Broadcast, direct.Destination.Kind);

        var relayed = s.Run(ClientMessage.Request(MacA).With(50, "198.51.100.7").Giaddr("192.0.2.5"));
        Assert.Equal(ReplyKind.Nak, relayed.Reply);
        Assert.Equal(ReplyDestinationKind.RelayAgent, relayed.Destination.Kind);
        Assert.True(relayed.Packet!.IsBroadcast);
    }

    [Fact]
    public void Rfc2131_S4_3_3_decline_puts_the_address_on_probation_until_the_period_ends()
    {
        var s = Scenario.Simple(o =>
        {
            o.Pool = "192.0.2.10 - 192.0.2.10";
            o.DeclineProbationPeriod = 600;
        });
        var a = s.Dora(MacA);
        var decline = new ClientMessage(DhcpMessageType.Decline, MacA).With(50, a).With(54, Scenario.ServerAddress);
        var r = s.Run(decline);
        Assert.Equal(DecisionOutcome.Declined, r.Outcome);
        Assert.Equal(ReplyKind.None, r.Reply);
        Assert.Equal(LeaseState.Declined, r.Lease.State);
        Assert.Equal(s.Now + 600, r.Lease.Expires);

        s.Now += 599;
        Assert.Equal(DecisionOutcome.DroppedNoAddress, s.Run(ClientMessage.Discover(MacB)).Outcome);
        Assert.Equal(DecisionOutcome.DroppedNoAddress, s.Run(ClientMessage.Discover(MacA)).Outcome);
        s.Now += 1;
        Assert.Equal(a, s.Run(ClientMessage.Discover(MacB)).Packet!.YourAddress);
    }

    [Fact]
    public void Rfc2131_S4_3_4_release_frees_the_address_for_other_clients()
    {
        var s = Scenario.Simple(o => o.Pool = "192.0.2.10 - 192.0.2.10");
        var a = s.Dora(MacA);
        Assert.Equal(DecisionOutcome.DroppedNoAddress, s.Run(ClientMessage.Discover(MacB)).Outcome);
        var release = new ClientMessage(DhcpMessageType.Release, MacA).Ciaddr(a.ToString()).With(54, Scenario.ServerAddress);
        var r = s.Run(release);
        Assert.Equal(LeaseChangeKind.Released, r.Change);
        Assert.Equal(ReplyKind.None, r.Reply);
        Assert.Equal(a, s.Run(ClientMessage.Discover(MacB)).Packet!.YourAddress);
    }

    [Fact]
    public void Rfc2131_S4_3_4_release_by_another_client_is_ignored()
    {
        var s = Scenario.Simple();
        var a = s.Dora(MacA);
        var r = s.Run(new ClientMessage(DhcpMessageType.Release, MacB).Ciaddr(a.ToString()));
        Assert.Equal(DecisionOutcome.DroppedNoLease, r.Outcome);
        Assert.True(s.Store.TryGetLease(a, out var lease));
        Assert.Equal(LeaseState.Bound, lease.State);
    }

    [Fact]
    public void Rfc2131_S4_3_5_inform_is_answered_without_lease_or_yiaddr_by_unicast_to_ciaddr()
    {
        var s = Scenario.Simple(o => o.SubnetOptions.Add(OptionDataItem.FromAddresses(6, Ipv4Address.Parse("192.0.2.53"))));
        var r = s.Run(new ClientMessage(DhcpMessageType.Inform, MacA).Ciaddr("192.0.2.77").WithPrl(1, 6, 51, 58));

        Assert.Equal(ReplyKind.InformAck, r.Reply);
        Assert.Equal(LeaseChangeKind.None, r.Change);
        Assert.Equal(DhcpMessageType.Ack, r.Packet!.MessageType);
        Assert.Equal(Ipv4Address.Any, r.Packet.YourAddress);
        Assert.Equal(Ipv4Address.Parse("192.0.2.77"), r.Packet.ClientAddress);
        Assert.False(r.Packet.HasOption(51));
        Assert.False(r.Packet.HasOption(58));
        Assert.False(r.Packet.HasOption(59));
        Assert.True(r.Packet.HasOption(6));
        Assert.Equal(new ReplyDestination(ReplyDestinationKind.ClientAddress, Ipv4Address.Parse("192.0.2.77"), 68), r.Destination);
        Assert.Empty(s.Store.AllLeases);
    }

    [Fact]
    public void Rfc2131_S3_1_offer_lifetime_ends_and_the_address_returns_to_the_pool()
    {
        var s = Scenario.Simple(o => o.Pool = "192.0.2.10 - 192.0.2.10");
        s.Run(ClientMessage.Discover(MacA));
        Assert.Equal(DecisionOutcome.DroppedNoAddress, s.Run(ClientMessage.Discover(MacB)).Outcome);
        s.Now += s.Configuration.OfferLifetime;
        Assert.Equal(ReplyKind.Offer, s.Run(ClientMessage.Discover(MacB)).Reply);
    }

    [Fact]
    public void Rfc2131_S3_1_lease_expiry_is_reclaimed_and_the_same_client_gets_its_address_back_first()
    {
        var s = Scenario.Simple();
        var a = s.Dora(MacA);
        s.Now += 3600;
        var changes = new List<Lease>();
        Assert.Equal(1, s.Store.Reclaim(s.Now, (lease, _) => changes.Add(lease)));
        Assert.Equal(LeaseState.Expired, Assert.Single(changes).State);
        Assert.Equal(a, s.Run(ClientMessage.Discover(MacA)).Packet!.YourAddress);
    }

    [Fact]
    public void Rfc2131_S4_3_1_pool_exhaustion_drops_the_discover()
    {
        var s = Scenario.Simple(o => o.Pool = "192.0.2.10 - 192.0.2.11");
        s.Dora(MacA);
        s.Dora(MacB);
        Assert.Equal(DecisionOutcome.DroppedNoAddress, s.Run(ClientMessage.Discover(ClientMessage.MacOf(3))).Outcome);
    }

    [Fact]
    public void Rfc2131_S4_3_3_decline_of_an_address_the_client_does_not_hold_is_ignored()
    {
        var s = Scenario.Simple();
        var a = s.Dora(MacA);
        var r = s.Run(new ClientMessage(DhcpMessageType.Decline, MacB).With(50, a).With(54, Scenario.ServerAddress));
        Assert.Equal(DecisionOutcome.DroppedNoLease, r.Outcome);
        Assert.True(s.Store.TryGetLease(a, out var lease));
        Assert.Equal(LeaseState.Bound, lease.State);
    }

    [Fact]
    public void Rfc2131_S4_3_4_release_addressed_to_another_server_is_ignored()
    {
        var s = Scenario.Simple();
        var a = s.Dora(MacA);
        var r = s.Run(new ClientMessage(DhcpMessageType.Release, MacA).Ciaddr(a.ToString()).With(54, "203.0.113.200"));
        Assert.Equal(DecisionOutcome.DroppedNoLease, r.Outcome);
    }

    [Fact]
    public void Rfc2131_S4_3_2_selecting_a_free_address_other_than_the_offer_binds_it_and_drops_the_offer()
    {
        var s = Scenario.Simple();
        var offered = s.Run(ClientMessage.Discover(MacA)).Packet!.YourAddress;
        var r = s.Run(ClientMessage.Request(MacA).With(54, Scenario.ServerAddress).With(50, "192.0.2.18"));
        Assert.Equal(ReplyKind.Ack, r.Reply);
        Assert.Equal(Ipv4Address.Parse("192.0.2.18"), r.Packet!.YourAddress);
        Assert.False(s.Store.TryGetLease(offered, out _));
    }

    [Theory]
    [InlineData(DhcpMessageType.Offer)]
    [InlineData(DhcpMessageType.Ack)]
    [InlineData(DhcpMessageType.Nak)]
    [InlineData(DhcpMessageType.LeaseQuery)]
    public void Rfc2131_S4_3_messages_a_server_does_not_answer_are_dropped(DhcpMessageType type)
    {
        var s = Scenario.Simple();
        var r = s.Run(new ClientMessage(type, MacA));
        Assert.Equal(DecisionOutcome.DroppedInvalid, r.Outcome);
        Assert.Equal(ReplyKind.None, r.Reply);
        Assert.Equal(0, r.Length);
    }

    [Fact]
    public void Rfc2131_S4_3_2_request_without_server_id_requested_address_or_ciaddr_is_dropped()
    {
        var s = Scenario.Simple(o => o.Authoritative = true);
        var r = s.Run(ClientMessage.Request(MacA));
        Assert.Equal(ClientState.None, r.State);
        Assert.Equal(DecisionOutcome.DroppedInvalid, r.Outcome);
    }

    [Fact]
    public void Rfc2131_S4_3_2_a_packet_that_does_not_parse_is_dropped_not_thrown()
    {
        var s = Scenario.Simple();
        var broken = new DhcpPacket();
        broken.Parse(new byte[100]);
        Assert.Equal(DecisionOutcome.DroppedInvalid, s.Engine.Decide(broken, s.Arrival, s.Now).Outcome);
        Assert.Equal(0, s.Engine.Process(broken, s.Arrival, s.Now, new byte[600]));
    }
}
