using System.Net;
using System.Net.Sockets;
using DhcpCluster.Sockets.Udp;

namespace DhcpCluster.EndToEnd.Tests.Sockets;

/// <summary>
/// The allocation-free paths of an interface socket on the loopback device (root, no namespace): a batch receive
/// (<c>recvmmsg</c>) returns every queued datagram with its source, IP_PKTINFO destination and interface, a timed-out
/// receive returns 0, a datagram longer than a slot is reported truncated, and <c>sendto</c> reaches its destination.
/// </summary>
public sealed class BatchReceiveTests
{
    private const uint Loopback = 0x7F000001;

    [Fact]
    public void A_batch_receive_returns_every_queued_datagram_with_its_arrival_facts()
    {
        var port = FreeUdpPort();
        using var socket = InterfaceSocket.Open("lo", port);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var senderPort = ((IPEndPoint)sender.LocalEndPoint!).Port;
        using var batch = new ReceiveBatch(capacity: 4, slotSize: 600);

        Assert.Equal(0, socket.Receive(batch, timeoutMilliseconds: 10));
        for (var i = 0; i < 6; i++)
        {
            sender.SendTo(Enumerable.Repeat((byte)i, 300 + i).ToArray(), new IPEndPoint(IPAddress.Loopback, port));
        }

        sender.SendTo(new byte[700], new IPEndPoint(IPAddress.Loopback, port));
        var sentBy = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;
        var received = new List<(byte[] Payload, ReceivedDatagram Datagram, bool Truncated)>();
        for (var attempt = 0; attempt < 20 && received.Count < 7; attempt++)
        {
            var count = socket.Receive(batch, timeoutMilliseconds: 500);
            Assert.InRange(count, 0, 4);
            for (var i = 0; i < count; i++)
            {
                received.Add((batch.Payload(i).ToArray(), batch.Datagram(i), batch.IsTruncated(i)));
            }
        }

        Assert.Equal(7, received.Count);
        for (var i = 0; i < 6; i++)
        {
            var (payload, datagram, truncated) = received[i];
            Assert.False(truncated);
            Assert.Equal(Enumerable.Repeat((byte)i, 300 + i), payload);
            Assert.Equal(300 + i, datagram.Length);
            Assert.Equal(Loopback, datagram.SourceAddress);
            Assert.Equal(senderPort, datagram.SourcePort);
            Assert.Equal(Loopback, datagram.DestinationAddress);
            Assert.Equal(1, datagram.InterfaceIndex);
            Assert.False(datagram.IsBroadcast);

            // The kernel's receive time: before the sends ended (plus clock granularity), not when the batch was read.
            Assert.InRange(datagram.ReceivedUnixMicroseconds, sentBy - 60_000_000, sentBy + 1_000);
        }

        Assert.True(received[6].Truncated);
        Assert.Equal(600, received[6].Payload.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Payload(4));
    }

    [Fact]
    public void SendTo_delivers_the_payload_to_the_address_and_port()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.ReceiveTimeout = 5000;
        var port = FreeUdpPort();
        using var socket = InterfaceSocket.Open("lo", port);

        socket.SendTo([1, 2, 3, 4, 5], Loopback, ((IPEndPoint)listener.LocalEndPoint!).Port);

        var buffer = new byte[16];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        var length = listener.ReceiveFrom(buffer, ref from);
        Assert.Equal([1, 2, 3, 4, 5], buffer[..length]);
        Assert.Equal(port, ((IPEndPoint)from).Port);
    }

    [Fact]
    public void A_closed_socket_refuses_a_receive_with_ObjectDisposedException()
    {
        var socket = InterfaceSocket.Open("lo", FreeUdpPort());
        using var batch = new ReceiveBatch();
        socket.Dispose();
        Assert.Throws<ObjectDisposedException>(() => socket.Receive(batch, 10));
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
