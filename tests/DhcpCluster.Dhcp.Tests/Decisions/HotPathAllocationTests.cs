using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;

namespace DhcpCluster.Dhcp.Tests.Decisions;

/// <summary>The decide path of DISCOVER→OFFER and REQUEST→ACK allocates nothing once warm (parse, decide, write).</summary>
public class HotPathAllocationTests
{
    [Fact]
    public void Discover_offer_and_request_ack_allocate_nothing_once_warm()
    {
        var s = Scenario.Simple(o =>
        {
            o.Pool = "192.0.2.10 - 192.0.2.250";
            o.SubnetOptions.Add(OptionDataItem.FromAddresses(3, Ipv4Address.Parse("192.0.2.1")));
            o.SubnetOptions.Add(OptionDataItem.FromText(15, "example.org"));
            o.Classes = [new ClientClassDefinition("pxe") { Test = "substring(option[60].text, 0, 9) == 'PXEClient'", BootFileName = "ipxe.efi" }];
        });
        const int clients = 64;
        var discovers = new byte[clients][];
        var requests = new byte[clients][];
        var packet = new DhcpPacket();
        var reply = new byte[1500];
        for (var i = 0; i < clients; i++)
        {
            discovers[i] = ClientMessage.Discover(ClientMessage.MacOf(i)).WithClientId([1, .. ClientMessage.MacOf(i)]).WithPrl(1, 3, 6, 15, 51, 54, 58, 59).ToBytes();
            packet.Parse(discovers[i]);
            packet.Parse(reply.AsSpan(0, s.Engine.Process(packet, s.Arrival, s.Now, reply)));
            requests[i] = ClientMessage.Request(ClientMessage.MacOf(i)).WithClientId([1, .. ClientMessage.MacOf(i)])
                .With(54, Scenario.ServerAddress).With(50, packet.YourAddress).WithPrl(1, 3, 6, 15, 51, 54, 58, 59).ToBytes();
        }

        void Round()
        {
            for (var i = 0; i < clients; i++)
            {
                packet.Parse(discovers[i]);
                Assert.True(s.Engine.Process(packet, s.Arrival, s.Now, reply) > 0);
                packet.Parse(requests[i]);
                Assert.True(s.Engine.Process(packet, s.Arrival, s.Now, reply) > 0);
            }
        }

        Round();
        Round();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 20; round++)
        {
            Round();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
