using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;

namespace DhcpCluster.Dhcp.Tests.Decisions;

/// <summary>Option handling and relay rules: RFC 2132, 3046, 3011, 3527, 5107, 6842, 4361, 3442.</summary>
public class OptionAndRelayDecisionTests
{
    private static readonly byte[] Mac = ClientMessage.MacOf(7);

    [Fact]
    public void Rfc2132_S9_8_options_follow_the_parameter_request_list_order()
    {
        var s = Scenario.Simple(o =>
        {
            o.SubnetOptions.Add(OptionDataItem.FromAddresses(3, Ipv4Address.Parse("192.0.2.1")));
            o.SubnetOptions.Add(OptionDataItem.FromAddresses(6, Ipv4Address.Parse("192.0.2.53")));
            o.SubnetOptions.Add(OptionDataItem.FromText(15, "example.org"));
            o.SubnetOptions.Add(OptionDataItem.FromAddresses(42, Ipv4Address.Parse("192.0.2.123")));
        });
        var r = s.Run(ClientMessage.Discover(Mac).WithPrl(42, 15, 6, 3, 1, 59, 58));

        // 54 and 51 first (MUST), then the list in the client's order, then what is sent unasked.
        Assert.Equal(new byte[] { 54, 51, 42, 15, 6, 3, 1, 59, 58 }, r.OptionOrder);
        Assert.Equal(new byte[] { 53, 54, 51, 42, 15, 6, 3, 1, 59, 58, 255 }, CodesOnWire(r));
    }

    [Fact]
    public void Rfc2132_S9_8_unrequested_options_are_not_sent_unless_always_send()
    {
        var s = Scenario.Simple(o =>
        {
            o.SubnetOptions.Add(OptionDataItem.FromAddresses(42, Ipv4Address.Parse("192.0.2.123")));
            o.SubnetOptions.Add(new OptionDataItem(119, new byte[] { 3, (byte)'l', (byte)'a', (byte)'b', 0 }, AlwaysSend: true));
        });
        var r = s.Run(ClientMessage.Discover(Mac).WithPrl(1));
        Assert.False(r.Packet!.HasOption(42));
        Assert.True(r.Packet.HasOption(119));
        Assert.True(r.Packet.HasOption(58)); // T1 and T2 are always sent with a lease
        Assert.True(r.Packet.HasOption(1));
    }

    [Fact]
    public void Rfc2132_S9_10_reply_never_exceeds_the_clients_maximum_message_size_and_keeps_mandatory_options()
    {
        var big = new byte[400];
        Array.Fill(big, (byte)'x');
        var s = Scenario.Simple(o =>
        {
            o.SubnetOptions.Add(new OptionDataItem(224, big));
            o.SubnetOptions.Add(new OptionDataItem(225, big));
        });
        var r = s.Run(ClientMessage.Discover(Mac).WithPrl(224, 225, 1).WithMaxSize(576));

        Assert.True(r.Length <= 576 - 28, $"reply of {r.Length} bytes");
        Assert.True(r.Packet!.HasOption(54));
        Assert.True(r.Packet.HasOption(51));
        Assert.Equal(ReplyKind.Offer, r.Reply);
    }

    [Fact]
    public void Rfc2132_S9_10_a_larger_maximum_lets_long_options_through_split_per_rfc3396()
    {
        var big = new byte[400];
        Array.Fill(big, (byte)'y');
        var s = Scenario.Simple(o => o.SubnetOptions.Add(new OptionDataItem(224, big)));
        var r = s.Run(ClientMessage.Discover(Mac).WithPrl(224).WithMaxSize(1500));
        Assert.True(r.Packet!.TryGetOption(224, out var value));
        Assert.Equal(big, value.ToArray());
    }

    [Fact]
    public void Rfc3046_S2_2_relay_agent_information_is_echoed_to_the_relay()
    {
        var s = Scenario.Simple();
        byte[] agent = [1, 4, (byte)'p', (byte)'o', (byte)'r', (byte)'t', 2, 2, 0xab, 0xcd];
        var r = s.Run(ClientMessage.Discover(Mac).Giaddr("192.0.2.5").With(82, agent));
        Assert.True(r.Packet!.TryGetOption(82, out var echoed));
        Assert.Equal(agent, echoed.ToArray());
    }

    [Fact]
    public void Rfc3046_S2_2_relay_agent_information_is_never_sent_to_a_client_directly()
    {
        var s = Scenario.Simple();
        var r = s.Run(ClientMessage.Discover(Mac).With(82, 1, 1, 9));
        Assert.False(r.Packet!.HasOption(82));
    }

    [Fact]
    public void Rfc6842_client_identifier_is_echoed()
    {
        var s = Scenario.Simple();
        byte[] id = [1, .. Mac];
        var offer = s.Run(ClientMessage.Discover(Mac).WithClientId(id));
        Assert.True(offer.Packet!.TryGetOption(61, out var echoed));
        Assert.Equal(id, echoed.ToArray());

        var nak = new Scenario(TwoSubnets(authoritative: true)).Run(ClientMessage.Request(Mac).WithClientId(id).With(50, "203.0.113.9"));
        Assert.Equal(ReplyKind.Nak, nak.Reply);
        Assert.True(nak.Packet!.TryGetOption(61, out var inNak));
        Assert.Equal(id, inNak.ToArray());
    }

    [Fact]
    public void Rfc3011_subnet_selection_option_chooses_the_subnet()
    {
        var s = new Scenario(TwoSubnets());
        var r = s.Run(ClientMessage.Discover(Mac).With(118, "198.51.100.0"));
        Assert.Equal(2u, r.Lease.SubnetId);
        Assert.Equal(Ipv4Address.Parse("198.51.100.10"), r.Packet!.YourAddress);
    }

    [Fact]
    public void Rfc3527_link_selection_sub_option_wins_over_giaddr()
    {
        var s = new Scenario(TwoSubnets());
        var r = s.Run(ClientMessage.Discover(Mac).Giaddr("192.0.2.5").With(82, 5, 4, 198, 51, 100, 1));
        Assert.Equal(2u, r.Lease.SubnetId);
        Assert.Equal(ReplyDestinationKind.RelayAgent, r.Destination.Kind);
        Assert.Equal(Ipv4Address.Parse("192.0.2.5"), r.Destination.Address);
    }

    [Fact]
    public void Rfc2131_S4_3_1_giaddr_selects_the_subnet_and_relay_ip_addresses_select_theirs()
    {
        var s = new Scenario(TwoSubnets());
        Assert.Equal(2u, s.Run(ClientMessage.Discover(Mac).Giaddr("198.51.100.1")).Lease.SubnetId);
        Assert.Equal(2u, s.Run(ClientMessage.Discover(ClientMessage.MacOf(8)).Giaddr("10.9.9.9")).Lease.SubnetId);
        Assert.Equal(DecisionOutcome.DroppedNoSubnet, s.Run(ClientMessage.Discover(ClientMessage.MacOf(9)).Giaddr("10.1.1.1")).Outcome);
    }

    [Fact]
    public void Rfc5107_server_identifier_override_is_used_and_accepted()
    {
        var s = Scenario.Simple();
        byte[] agent = [11, 4, 203, 0, 113, 1];
        var offer = s.Run(ClientMessage.Discover(Mac).Giaddr("192.0.2.5").With(82, agent));
        Assert.Equal(Ipv4Address.Parse("203.0.113.1"), offer.Packet!.ServerIdentifier);

        var ack = s.Run(ClientMessage.Request(Mac).Giaddr("192.0.2.5").With(82, agent).With(54, "203.0.113.1").With(50, offer.Packet.YourAddress));
        Assert.Equal(ReplyKind.Ack, ack.Reply);
        Assert.Equal(Ipv4Address.Parse("203.0.113.1"), ack.Packet!.ServerIdentifier);
    }

    [Fact]
    public void Rfc4361_identifiers_with_different_duids_on_one_mac_are_different_clients()
    {
        var s = Scenario.Simple();
        byte[] os = [255, 0, 0, 0, 1, 0, 4, 0xaa, 0xbb, 0xcc, 0xdd];
        byte[] firmware = [1, .. Mac];
        var a = s.Dora(Mac, firmware);
        var b = s.Dora(Mac, os);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Rfc4361_match_client_id_false_makes_one_mac_one_client()
    {
        var s = Scenario.Simple(o => o.MatchClientId = false);
        byte[] os = [255, 0, 0, 0, 1, 0, 4, 0xaa, 0xbb, 0xcc, 0xdd];
        byte[] firmware = [1, .. Mac];
        Assert.Equal(s.Dora(Mac, firmware), s.Dora(Mac, os));
    }

    [Fact]
    public void Rfc2131_S4_2_client_without_identifier_owns_the_lease_of_its_mac_when_it_starts_sending_one()
    {
        // Kea's rule: when one side has no client identifier, the hardware address decides.
        var s = Scenario.Simple();
        var a = s.Dora(Mac);
        Assert.Equal(a, s.Dora(Mac, [255, 0, 0, 0, 1, 0, 4, 1, 2, 3, 4]));
    }

    [Fact]
    public void Rfc3442_classless_static_routes_are_sent_as_configured_when_requested()
    {
        byte[] routes = [24, 10, 0, 1, 192, 0, 2, 1, 0, 192, 0, 2, 1];
        var s = Scenario.Simple(o => o.SubnetOptions.Add(new OptionDataItem(121, routes)));
        var r = s.Run(ClientMessage.Discover(Mac).WithPrl(121, 3));
        Assert.True(r.Packet!.TryGetOption(121, out var value));
        Assert.Equal(routes, value.ToArray());
    }

    internal static Dhcp4Configuration TwoSubnets(bool authoritative = false) => new()
    {
        Authoritative = authoritative,
        Subnets =
        [
            new Subnet4(1, "192.0.2.0/24") { Pools = [Pool4.Parse("192.0.2.10 - 192.0.2.20")] },
            new Subnet4(2, "198.51.100.0/24")
            {
                Pools = [Pool4.Parse("198.51.100.10 - 198.51.100.20")],
                RelayAddresses = [Ipv4Address.Parse("10.9.9.9")],
            },
        ],
    };

    private static byte[] CodesOnWire(Scenario.Result r)
    {
        var codes = new List<byte>();
        var frame = r.Packet!.Frame;
        var i = 240;
        while (i < frame.Length)
        {
            var code = frame[i];
            codes.Add(code);
            if (code == 255)
            {
                break;
            }

            i += code == 0 ? 1 : 2 + frame[i + 1];
        }

        return [.. codes];
    }
}
