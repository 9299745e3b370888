using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Dhcp.Options;

namespace DhcpCluster.Dhcp.Tests.Decisions;

/// <summary>
/// End to end on real client bytes (udhcpc, dhclient, dhcpcd, and udhcpc behind dhcrelay, captured by
/// Golden/capture.sh): parse, decide, write, parse our reply, and compare it with what Kea 2.2 answered to the
/// same packet under the same configuration (Golden/capture.sh's kea.json, rebuilt here through the option table).
/// </summary>
public class GoldenExchangeTests
{
    private static readonly Ipv4Address Server = Ipv4Address.Parse("192.0.2.1");

    [Theory]
    [InlineData("udhcpc-discover", "kea-to-udhcpc-offer")]
    [InlineData("udhcpc-request", "kea-to-udhcpc-ack")]
    [InlineData("dhclient-discover", "kea-to-dhclient-offer")]
    [InlineData("dhclient-request", "kea-to-dhclient-ack")]
    [InlineData("dhcpcd-discover", "kea-to-dhcpcd-offer")]
    [InlineData("dhcpcd-request", "kea-to-dhcpcd-ack")]
    [InlineData("dhcpcd-decline-discover", "kea-to-dhcpcd-decline-offer")]
    [InlineData("dhcpcd-decline-request", "kea-to-dhcpcd-decline-ack")]
    [InlineData("udhcpc-relayed-discover", "kea-to-udhcpc-relayed-offer")]
    [InlineData("udhcpc-relayed-request", "kea-to-udhcpc-relayed-ack")]
    [InlineData("dhcpcd-inform-inform", "kea-to-dhcpcd-inform-ack")]
    public void Our_reply_to_a_real_client_carries_what_Kea_answered(string requestFile, string keaFile)
    {
        var engine = Engine(out _);
        var request = Parse(requestFile);
        var kea = Parse(keaFile);
        var buffer = new byte[1500];
        var length = engine.Process(request, Arrival(), 1_800_000_000, buffer);
        Assert.True(length > 0, $"no reply to {requestFile}");
        var ours = new DhcpPacket();
        Assert.True(DhcpPacket.TryParse(buffer.AsSpan(0, length), ours, out var error), error.ToString());

        Assert.Equal(kea.MessageType, ours.MessageType);
        Assert.Equal(kea.TransactionId, ours.TransactionId);
        Assert.Equal(kea.Flags, ours.Flags);
        Assert.Equal(kea.ClientAddress, ours.ClientAddress);
        Assert.Equal(kea.RelayAddress, ours.RelayAddress);
        Assert.Equal(kea.ClientHardwareAddress.ToArray(), ours.ClientHardwareAddress.ToArray());
        Assert.True(length <= request.MaxReplyPayloadSize);
        if (request.MessageType == DhcpMessageType.Request || kea.YourAddress == Ipv4Address.Parse("192.0.2.150"))
        {
            Assert.Equal(kea.YourAddress, ours.YourAddress);
        }
        else
        {
            Assert.Equal(kea.YourAddress.Value & 0xffffff00, ours.YourAddress.Value & 0xffffff00);
        }

        foreach (var code in kea.OptionCodes)
        {
            if (code == 1 && request.MessageType == DhcpMessageType.Inform)
            {
                continue;
            }

            Assert.True(ours.TryGetOption(code, out var value), $"option {code} missing from our reply to {requestFile}");
            Assert.True(kea.TryGetOption(code, out var expected));
            Assert.True(expected.SequenceEqual(value), $"option {code}: Kea {Convert.ToHexString(expected)}, ours {Convert.ToHexString(value)}");
        }
    }

    [Theory]
    [InlineData("udhcpc-discover", "udhcpc-request", "udhcpc-release", DecisionOutcome.Released)]
    [InlineData("dhclient-discover", "dhclient-request", "dhclient-release", DecisionOutcome.Released)]
    [InlineData("dhcpcd-discover", "dhcpcd-request", "dhcpcd-release", DecisionOutcome.Released)]
    [InlineData("dhcpcd-decline-discover", "dhcpcd-decline-request", "dhcpcd-decline-decline", DecisionOutcome.Declined)]
    public void Real_clients_release_and_decline_what_they_were_given(string discover, string request, string last, DecisionOutcome outcome)
    {
        var engine = Engine(out var store);
        var now = 1_800_000_000L;
        var buffer = new byte[1500];
        Assert.True(engine.Process(Parse(discover), Arrival(), now, buffer) > 0);
        var requestPacket = Parse(request);
        Assert.True(engine.Process(requestPacket, Arrival(), now, buffer) > 0);
        var address = requestPacket.RequestedAddress!.Value;
        Assert.True(store.TryGetLease(address, out var bound));
        Assert.Equal(LeaseState.Bound, bound.State);

        var decision = engine.Decide(Parse(last), Arrival(), now + 5);
        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(ReplyKind.None, decision.Reply);
        Assert.True(store.TryGetLease(address, out var after));
        Assert.Equal(outcome == DecisionOutcome.Released ? LeaseState.Released : LeaseState.Declined, after.State);
    }

    [Fact]
    public void Real_client_host_names_and_fqdn_are_recorded_in_the_lease()
    {
        var engine = Engine(out _);
        Assert.Equal("golden-dhclient", engine.Decide(Parse("dhclient-request"), Arrival(), 1_800_000_000).Lease.Hostname);
        Assert.Equal("golden-udhcpc.example.test.", engine.Decide(Parse("udhcpc-request"), Arrival(), 1_800_000_000).Lease.Hostname);
    }

    private static ArrivalFacts Arrival() => new("br0", [Server], Server, ViaBroadcast: true);

    private static Dhcp4Engine Engine(out LeaseStore store)
    {
        var configuration = new Dhcp4Configuration
        {
            ValidLifetime = 600,
            RenewTimer = 300,
            RebindTimer = 525,
            DeclineProbationPeriod = 5,
            OptionData = new OptionDataSet([Kea("domain-name-servers", "192.0.2.1"), Kea("domain-name", "example.test"), Kea("routers", "192.0.2.1")]),
            Subnets =
            [
                new Subnet4(2, "198.51.100.0/24")
                {
                    Pools = [Pool4.Parse("198.51.100.100 - 198.51.100.140")],
                    OptionData = new OptionDataSet([Kea("routers", "198.51.100.1")]),
                },
                new Subnet4(1, "192.0.2.0/24")
                {
                    Pools = [Pool4.Parse("192.0.2.100 - 192.0.2.140")],
                    Reservations = [new HostReservation { HwAddress = HostReservation.ParseHexIdentifier("02:00:00:00:0a:04"), IpAddress = Ipv4Address.Parse("192.0.2.150") }],
                },
            ],
        }.Build();
        store = new LeaseStore(configuration, [Server]);
        return new Dhcp4Engine(store);
    }

    private static OptionDataItem Kea(string name, string data)
    {
        Assert.True(StandardOptions.TryGet(name, out var definition));
        return new OptionDataItem(definition.Code, OptionData.Encode(definition, data));
    }

    private static DhcpPacket Parse(string name)
    {
        var hex = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "data", name + ".hex")).Trim();
        var packet = new DhcpPacket();
        Assert.True(DhcpPacket.TryParse(Convert.FromHexString(hex), packet, out var error), $"{name}: {error}");
        return packet;
    }
}
