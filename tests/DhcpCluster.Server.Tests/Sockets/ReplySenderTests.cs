using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Server.Hosting;
using DhcpCluster.Server.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace DhcpCluster.Server.Tests.Sockets;

/// <summary>The direct send path: without bound sockets a reply is counted as a failed send, never thrown or sent elsewhere.</summary>
public sealed class ReplySenderTests
{
    [Fact]
    public void A_reply_through_an_unbound_interface_is_a_counted_failure()
    {
        var statistics = new ServerStatistics();
        var sender = new ReplySender("eth9", statistics, NullLogger.Instance);
        var relay = new ReplyDestination(ReplyDestinationKind.RelayAgent, Ipv4Address.Parse("192.0.2.2"), 67);
        sender.Send(new byte[300], relay, Ipv4Address.Parse("192.0.2.1"), DhcpMessageType.Offer, ClientKey.FromHardwareAddress(1, [1, 2, 3, 4, 5, 6]), 42);
        sender.Send(new byte[300], relay, Ipv4Address.Parse("192.0.2.1"), DhcpMessageType.Ack, ClientKey.FromHardwareAddress(1, [1, 2, 3, 4, 5, 6]), 43);
        Assert.Equal(2, statistics.SendFailed);
        Assert.Equal(0, statistics.OffersSent);
        Assert.Equal(0, statistics.AcksSent);
    }
}
