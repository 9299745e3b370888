using System.Text;
using System.Text.RegularExpressions;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Options;

namespace DhcpCluster.Dhcp.Tests.Golden;

/// <summary>
/// Packets sent by real clients (udhcpc 1.35, dhclient 4.4.3, dhcpcd 9.4.1, dhcrelay 4.4.3) and answered by
/// Kea 2.2, recorded by capture.sh. All are real: dhcpcd's DECLINE comes from its RFC 5227 ARP probe meeting an
/// address already in use, its INFORM from <c>dhcpcd --inform</c>.
/// </summary>
public class GoldenClientPacketTests
{
    private static readonly Ipv4Address Server = Ipv4Address.Parse("192.0.2.1");
    private static readonly Ipv4Network ClientSubnet = Ipv4Network.Parse("192.0.2.0/24");

    public static TheoryData<string> AllPackets => new(GoldenPacket.AllNames());

    [Theory]
    [MemberData(nameof(AllPackets))]
    public void Every_captured_packet_parses_without_overload_and_keeps_its_bytes(string name)
    {
        var bytes = GoldenPacket.Bytes(name);
        var packet = GoldenPacket.Parse(name);
        Assert.Equal(bytes, packet.Frame.ToArray());
        Assert.Equal(0, packet.Overload);
        Assert.Equal(name.StartsWith("kea-to-", StringComparison.Ordinal) ? DhcpOp.BootReply : DhcpOp.BootRequest, packet.Op);
        Assert.Equal(1, packet.HardwareType);
        Assert.Equal(6, packet.HardwareLength);
    }

    [Fact]
    public void Udhcpc_discover()
    {
        var p = GoldenPacket.Parse("udhcpc-discover");
        Assert.Equal(DhcpMessageType.Discover, p.MessageType);
        Assert.Equal(GoldenPacket.Mac(1), p.ClientHardwareAddress.ToArray());
        Assert.Equal([1, .. GoldenPacket.Mac(1)], p.ClientIdentifier.ToArray());
        Assert.True(p.ClientIdentifierOption.IsHardwareAddress);
        Assert.Equal(new byte[] { 1, 3, 6, 12, 15, 28, 42 }, p.ParameterRequestList.ToArray());
        Assert.Equal("golden-udhcpc", Encoding.ASCII.GetString(p.HostName));
        Assert.Equal("golden-vendor", Encoding.ASCII.GetString(p.VendorClass));
        Assert.Equal((ushort)576, p.MaxMessageSize);
        Assert.Equal(548, p.MaxReplyPayloadSize);
        Assert.Null(p.RequestedAddress);
        Assert.Null(p.ServerIdentifier);
        Assert.False(p.IsBroadcast);
        Assert.True(p.TryGetOption(DhcpOptionCode.LeaseTime, out var lease));
        Assert.Equal("900", OptionData.Decode(Definition(51), lease));

        // RFC 4702: udhcpc -F sends S=1 and the name in the deprecated ASCII form
        Assert.Equal(ClientFqdnOption.FlagServerUpdates, p.ClientFqdn.Flags);
        Assert.False(p.ClientFqdn.IsCanonicalEncoding);
        Assert.True(p.ClientFqdn.TryGetName(out var fqdn, out _));
        Assert.Equal("golden-udhcpc.example.test", fqdn);
    }

    [Fact]
    public void Udhcpc_request_release_follow_rfc2131_table_5()
    {
        var request = GoldenPacket.Parse("udhcpc-request");
        Assert.Equal(DhcpMessageType.Request, request.MessageType);
        Assert.Equal(Server, request.ServerIdentifier);                 // SELECTING: 54 and 50, ciaddr 0
        Assert.True(request.RequestedAddress is { } requested && ClientSubnet.Contains(requested));
        Assert.Equal(Ipv4Address.Any, request.ClientAddress);
        Assert.Equal(GoldenPacket.Parse("udhcpc-discover").TransactionId, request.TransactionId);

        var release = GoldenPacket.Parse("udhcpc-release");
        Assert.Equal(DhcpMessageType.Release, release.MessageType);
        Assert.Equal(request.RequestedAddress, release.ClientAddress);  // RELEASE: ciaddr set, 54 set, no 50
        Assert.Equal(Server, release.ServerIdentifier);
        Assert.Null(release.RequestedAddress);
        Assert.Equal(request.ClientIdentifier.ToArray(), release.ClientIdentifier.ToArray());
    }

    [Fact]
    public void Dhclient_discover_request_release()
    {
        var discover = GoldenPacket.Parse("dhclient-discover");
        Assert.Equal(DhcpMessageType.Discover, discover.MessageType);
        Assert.Equal("golden-dhclient", Encoding.ASCII.GetString(discover.HostName));
        Assert.Equal("golden-dhclient-vendor", Encoding.ASCII.GetString(discover.VendorClass));
        Assert.Equal([1, .. GoldenPacket.Mac(2)], discover.ClientIdentifier.ToArray());
        Assert.Equal(new byte[] { 1, 28, 2, 3, 15, 6, 12, 26, 42 }, discover.ParameterRequestList.ToArray());
        Assert.Null(discover.MaxMessageSize);
        Assert.Equal(576, discover.EffectiveMaxMessageSize);
        Assert.Equal(new byte[] { 53, 12, 55, 60, 61 }, discover.OptionCodes.ToArray());

        var request = GoldenPacket.Parse("dhclient-request");
        Assert.Equal(DhcpMessageType.Request, request.MessageType);
        Assert.Equal(Server, request.ServerIdentifier);
        Assert.True(request.RequestedAddress is { } a && ClientSubnet.Contains(a));

        var release = GoldenPacket.Parse("dhclient-release");
        Assert.Equal(DhcpMessageType.Release, release.MessageType);
        Assert.Equal(request.RequestedAddress, release.ClientAddress);
        Assert.Equal(Server, release.ServerIdentifier);
        Assert.Equal(300, release.Length);
    }

    [Fact]
    public void Dhcpcd_discover_uses_an_rfc4361_client_identifier()
    {
        var p = GoldenPacket.Parse("dhcpcd-discover");
        Assert.Equal(DhcpMessageType.Discover, p.MessageType);
        var id = p.ClientIdentifierOption;
        Assert.True(id.IsRfc4361);
        Assert.Equal(0x00000A03u, id.Iaid);        // dhcpcd's IAID: the last 4 bytes of the MAC
        Assert.Equal((ushort)1, id.DuidType);      // DUID-LLT: type, hardware type 1, time, link-layer address
        Assert.Equal(14, id.Duid.Length);
        Assert.Equal(new byte[] { 0, 1 }, id.Duid.Slice(2, 2).ToArray());

        // one DUID per host, one IAID per interface (RFC 4361 §6.1)
        var other = GoldenPacket.Parse("dhcpcd-inform-inform").ClientIdentifierOption;
        Assert.Equal(id.Duid.ToArray(), other.Duid.ToArray());
        Assert.Equal(0x00000A05u, other.Iaid);
        Assert.Equal((ushort)1472, p.MaxMessageSize);
        Assert.Equal(1472 - 28, p.MaxReplyPayloadSize);
        Assert.Equal(new byte[] { 1, 3, 28, 33, 51, 58, 59 }, p.ParameterRequestList.ToArray());
        Assert.Equal("golden-dhcpcd", Encoding.ASCII.GetString(p.HostName));
        Assert.Equal("golden-dhcpcd-vendor", Encoding.ASCII.GetString(p.VendorClass));
        Assert.True(p.HasOption(145)); // RFC 6704 forcerenew nonce capable
    }

    [Fact]
    public void Dhcpcd_request_and_release()
    {
        var request = GoldenPacket.Parse("dhcpcd-request");
        Assert.Equal(DhcpMessageType.Request, request.MessageType);
        Assert.Equal(Server, request.ServerIdentifier);
        Assert.Equal(new byte[] { 50, 53, 54, 55, 57, 61, 60, 12, 145 }, request.OptionCodes.ToArray());

        var release = GoldenPacket.Parse("dhcpcd-release");
        Assert.Equal(DhcpMessageType.Release, release.MessageType);
        Assert.Equal(request.RequestedAddress, release.ClientAddress);
        Assert.Equal(request.ClientIdentifier.ToArray(), release.ClientIdentifier.ToArray());
    }

    [Fact]
    public void Dhcpcd_declines_an_address_found_in_use_rfc2131_table_5()
    {
        var decline = GoldenPacket.Parse("dhcpcd-decline-decline");
        Assert.Equal(DhcpMessageType.Decline, decline.MessageType);
        Assert.Equal(Ipv4Address.Parse("192.0.2.150"), decline.RequestedAddress); // 50 MUST, ciaddr 0
        Assert.Equal(Ipv4Address.Any, decline.ClientAddress);
        Assert.Equal(Server, decline.ServerIdentifier);
        Assert.Equal(GoldenPacket.Mac(4), decline.ClientHardwareAddress.ToArray());
        Assert.Equal(0x00000A04u, decline.ClientIdentifierOption.Iaid);
        Assert.True(decline.ParameterRequestList.IsEmpty);
        Assert.Equal(GoldenPacket.Parse("dhcpcd-decline-request").RequestedAddress, decline.RequestedAddress);
    }

    [Fact]
    public void Dhcpcd_inform_has_ciaddr_and_no_requested_address_or_server_id()
    {
        var inform = GoldenPacket.Parse("dhcpcd-inform-inform");
        Assert.Equal(DhcpMessageType.Inform, inform.MessageType);
        Assert.Equal(Ipv4Address.Parse("192.0.2.60"), inform.ClientAddress);
        Assert.Null(inform.RequestedAddress);
        Assert.Null(inform.ServerIdentifier);
        Assert.Equal("golden-inform", Encoding.ASCII.GetString(inform.HostName));
        Assert.Equal(new byte[] { 1, 3, 28, 33, 51 }, inform.ParameterRequestList.ToArray());
    }

    [Fact]
    public void Relayed_discover_carries_giaddr_hops_and_option_82_appended_by_dhcrelay()
    {
        var p = GoldenPacket.Parse("udhcpc-relayed-discover");
        Assert.Equal(DhcpMessageType.Discover, p.MessageType);
        Assert.Equal(Ipv4Address.Parse("198.51.100.1"), p.RelayAddress);
        Assert.Equal(1, p.Hops);
        Assert.Equal((byte)82, p.OptionCodes[^1]); // RFC 3046 §2.1: the relay adds 82 after the client's options
        var agent = p.RelayAgentInformation;
        Assert.True(agent.IsPresent);
        Assert.True(agent.IsWellFormed);
        Assert.Matches(new Regex("^dg[0-9]+rd$", RegexOptions.None, TimeSpan.FromSeconds(1)), Encoding.ASCII.GetString(agent.CircuitId));
        Assert.Null(agent.LinkSelection);
        Assert.Equal("golden-relayed", Encoding.ASCII.GetString(p.HostName));
    }

    [Theory]
    [InlineData("udhcpc")]
    [InlineData("dhclient")]
    [InlineData("dhcpcd")]
    [InlineData("dhcpcd-decline")]
    [InlineData("udhcpc-relayed")]
    public void Kea_offer_and_ack_echo_the_client_and_carry_the_configured_options(string client)
    {
        var discover = GoldenPacket.Parse(client + "-discover");
        var request = GoldenPacket.Parse(client + "-request");
        var offer = GoldenPacket.Parse("kea-to-" + client + "-offer");
        var ack = GoldenPacket.Parse("kea-to-" + client + "-ack");
        var relayed = client.EndsWith("relayed", StringComparison.Ordinal);

        foreach (var (reply, query, type) in new[] { (offer, discover, DhcpMessageType.Offer), (ack, request, DhcpMessageType.Ack) })
        {
            Assert.Equal(type, reply.MessageType);
            Assert.Equal(query.TransactionId, reply.TransactionId);
            Assert.Equal(query.ClientHardwareAddress.ToArray(), reply.ClientHardwareAddress.ToArray());
            Assert.Equal(query.RelayAddress, reply.RelayAddress);
            Assert.Equal(Server, reply.ServerIdentifier);
            Assert.Equal(query.ClientIdentifier.ToArray(), reply.ClientIdentifier.ToArray()); // RFC 6842
            Assert.Equal("600", Text(reply, 51));
            Assert.Equal("300", Text(reply, 58));
            Assert.Equal("525", Text(reply, 59));
            Assert.Equal("example.test", Text(reply, 15));
            Assert.Equal(relayed ? "198.51.100.1" : "192.0.2.1", Text(reply, 3));
            Assert.True(reply.Length <= query.MaxReplyPayloadSize);
            Assert.True((relayed ? Ipv4Network.Parse("198.51.100.0/24") : ClientSubnet).Contains(reply.YourAddress));
            Assert.Equal(relayed, reply.RelayAgentInformation.IsPresent); // RFC 3046 §2.2: 82 echoed to the relay
            if (relayed)
            {
                Assert.Equal(query.RelayAgentInformation.Data.ToArray(), reply.RelayAgentInformation.Data.ToArray());
            }
        }

        Assert.Equal(request.RequestedAddress, ack.YourAddress);
        Assert.Equal(offer.YourAddress, request.RequestedAddress);
    }

    [Fact]
    public void Kea_answers_udhcpc_fqdn_with_the_o_and_n_flags()
    {
        var fqdn = GoldenPacket.Parse("kea-to-udhcpc-ack").ClientFqdn;
        Assert.Equal(ClientFqdnOption.FlagOverride | ClientFqdnOption.FlagNoUpdates, fqdn.Flags);
        Assert.True(fqdn.TryGetName(out var name, out var fullyQualified));
        Assert.Equal("golden-udhcpc.example.test.", name);
        Assert.True(fullyQualified);
        Assert.Equal("10, 0, 0, golden-udhcpc.example.test.", OptionData.Decode(Definition(81), fqdn.Data));
    }

    [Fact]
    public void Kea_ack_to_inform_has_no_address_and_no_lease_time_rfc2131_s4_3_5()
    {
        var inform = GoldenPacket.Parse("dhcpcd-inform-inform");
        var ack = GoldenPacket.Parse("kea-to-dhcpcd-inform-ack");
        Assert.Equal(DhcpMessageType.Ack, ack.MessageType);
        Assert.Equal(inform.TransactionId, ack.TransactionId);
        Assert.Equal(Ipv4Address.Any, ack.YourAddress);
        Assert.Equal(inform.ClientAddress, ack.ClientAddress);
        Assert.False(ack.HasOption(DhcpOptionCode.LeaseTime));
        Assert.False(ack.HasOption(DhcpOptionCode.RenewalTime));
        Assert.Equal(297, ack.Length); // Kea does not pad to the 300-byte BOOTP minimum; we do
    }

    [Theory]
    [MemberData(nameof(AllPackets))]
    public void Rewriting_a_captured_packet_with_our_writer_gives_the_same_fields_and_options(string name)
    {
        var original = GoldenPacket.Parse(name);
        var buffer = new byte[1500];
        var writer = new DhcpPacketWriter(buffer, 1500);
        writer.Op = original.Op;
        writer.HardwareType = original.HardwareType;
        writer.SetClientHardwareAddress(original.ClientHardwareAddress);
        writer.Hops = original.Hops;
        writer.TransactionId = original.TransactionId;
        writer.Secs = original.Secs;
        writer.Flags = original.Flags;
        writer.ClientAddress = original.ClientAddress;
        writer.YourAddress = original.YourAddress;
        writer.ServerAddress = original.ServerAddress;
        writer.RelayAddress = original.RelayAddress;
        foreach (var code in original.OptionCodes)
        {
            Assert.True(original.TryGetOption(code, out var value));
            Assert.True(writer.WriteOption(code, value));
        }

        var length = writer.Finish();
        var copy = new DhcpPacket();
        Assert.Equal(DhcpParseError.None, copy.Parse(buffer.AsSpan(0, length)));
        Assert.Equal(original.OptionCodes.ToArray(), copy.OptionCodes.ToArray());
        Assert.Equal(original.Frame[..236].ToArray(), copy.Frame[..236].ToArray());
        Assert.Equal(Math.Max(original.Length, 300), length); // same layout: every real packet ends with End then pads
    }

    private static OptionDefinition Definition(byte code)
    {
        Assert.True(StandardOptions.TryGet(code, out var definition));
        return definition;
    }

    private static string Text(DhcpPacket packet, byte code)
    {
        Assert.True(packet.TryGetOption(code, out var value), $"option {code}");
        return OptionData.Decode(Definition(code), value);
    }
}
