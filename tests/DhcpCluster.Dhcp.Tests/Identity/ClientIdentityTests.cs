using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Dhcp.Tests.Decisions;

namespace DhcpCluster.Dhcp.Tests.Identity;

public class ClientIdentityTests
{
    private static readonly byte[] Mac = [0x02, 0x00, 0x5e, 0x10, 0x20, 0x30];

    [Fact]
    public void Rfc2131_S4_2_identity_is_the_client_identifier_when_present_else_htype_and_chaddr()
    {
        var withId = ClientIdentity.Of(ClientMessage.Discover(Mac).WithClientId(1, 9, 9).ToPacket(), matchClientId: true);
        Assert.Equal(ClientKeyKind.ClientIdentifier, withId.Key.Kind);
        Assert.Equal("id:01:09:09", withId.Key.ToString());
        Assert.Equal("hw:01:02:00:5e:10:20:30", withId.HardwareAddress.ToString());

        var withoutId = ClientIdentity.Of(ClientMessage.Discover(Mac).ToPacket(), matchClientId: true);
        Assert.Equal(ClientKeyKind.HardwareAddress, withoutId.Key.Kind);
        Assert.Null(withoutId.ClientIdentifier);

        var ignored = ClientIdentity.Of(ClientMessage.Discover(Mac).WithClientId(1, 9, 9).ToPacket(), matchClientId: false);
        Assert.Equal(withoutId.Key, ignored.Key);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 255, 0, 0, 0, 1, 0, 4, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99 })]
    public void Client_keys_round_trip_through_their_stable_text(byte[] id)
    {
        var key = ClientKey.FromClientIdentifier(id);
        var parsed = ClientKey.Parse(key.ToString());
        Assert.Equal(key, parsed);
        Assert.Equal(key.GetHashCode(), parsed.GetHashCode());
        Assert.Equal(id, parsed.ToArray());
        Assert.True(parsed.BytesEqual(id));
    }

    [Fact]
    public void Long_client_identifiers_beyond_the_inline_capacity_compare_by_content()
    {
        var bytes = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        var a = ClientKey.FromClientIdentifier(bytes);
        var b = ClientKey.FromClientIdentifier(bytes.ToArray());
        var c = ClientKey.FromClientIdentifier([.. bytes[..199], 7]);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(a, ClientKey.Parse(a.ToString()));
    }

    [Fact]
    public void Kinds_never_collide_even_with_equal_bytes()
    {
        var hw = ClientKey.FromHardwareAddress(1, [2, 3]);
        var id = ClientKey.FromClientIdentifier([1, 2, 3]);
        Assert.NotEqual(hw, id);
        Assert.True(hw.BytesEqual([1, 2, 3]));
    }

    [Theory]
    [InlineData("xx:01")]
    [InlineData("id:")]
    [InlineData("id:1:2")]
    [InlineData("hw:zz")]
    public void Bad_key_text_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => ClientKey.Parse(text));
    }

    [Fact]
    public void Comparing_keys_allocates_nothing()
    {
        var a = ClientKey.FromHardwareAddress(1, Mac);
        var b = ClientKey.FromHardwareAddress(1, Mac);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var equal = 0;
        for (var i = 0; i < 1000; i++)
        {
            equal += a == ClientKey.FromHardwareAddress(1, Mac) && a.GetHashCode() == b.GetHashCode() ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, equal);
    }

    [Fact]
    public void Reservation_lookup_follows_host_reservation_identifiers()
    {
        byte[] duid = [0, 4, 7, 7];
        var subnet = new Subnet4(1, "192.0.2.0/24")
        {
            Reservations =
            [
                new HostReservation { HwAddress = Mac, Hostname = "by-mac" },
                new HostReservation { Duid = duid, Hostname = "by-duid" },
                new HostReservation { CircuitId = new byte[] { 0x70, 0x31 }, Hostname = "by-circuit" },
                new HostReservation { ClientId = new byte[] { 255, 0, 0, 0, 1, 0, 4, 7, 7 }, Hostname = "by-client-id" },
            ],
        };
        new Dhcp4Configuration { Subnets = [subnet] }.Build();
        var packet = ClientMessage.Discover(Mac).WithClientId(255, 0, 0, 0, 1, 0, 4, 7, 7).With(82, 1, 2, 0x70, 0x31).ToPacket();

        string? Find(params HostReservationIdentifier[] order) => ClientIdentity.FindReservation(packet, subnet.ReservationIndex, order)?.Hostname;

        Assert.Equal("by-mac", Find(HostReservationIdentifier.HwAddress, HostReservationIdentifier.Duid));
        Assert.Equal("by-duid", Find(HostReservationIdentifier.Duid, HostReservationIdentifier.HwAddress));
        Assert.Equal("by-circuit", Find(HostReservationIdentifier.CircuitId));
        Assert.Equal("by-client-id", Find(HostReservationIdentifier.ClientId));
        Assert.Null(Find());
    }
}
