using System.Globalization;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Sockets.Interfaces;
using DhcpCluster.Sockets.Packet;
using DhcpCluster.Sockets.Udp;

namespace DhcpCluster.StatelessResponder;

/// <summary>One interface's receive-answer loop; replies go where RFC 2131 §4.1 says.</summary>
internal sealed class ResponderLoop : IDisposable
{
    private const ushort ServerPort = 67;
    private const ushort ClientPort = 68;
    private static ReadOnlySpan<byte> BroadcastMac => [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
    private readonly LinkInfo link;
    private readonly IReadOnlyList<Ipv4Network> subnets;
    private readonly bool verbose;
    private readonly InterfaceSocket socket;
    private readonly RawFrameSocket frames;
    private readonly DhcpPacket request = new();
    private const int ReceiveSlotSize = 4096;
    private readonly byte[] replyBuffer = new byte[1500];

    public ResponderLoop(LinkInfo link, IReadOnlyList<Ipv4Network> subnets, bool verbose)
    {
        this.link = link;
        this.subnets = subnets;
        this.verbose = verbose;
        socket = InterfaceSocket.Open(link.Name);
        frames = RawFrameSocket.Open(link);
    }

    public long Received { get; private set; }

    public long Answered { get; private set; }

    public long Dropped { get; private set; }

    /// <summary>Runs the loop on a thread of its own (batch receive, as dhcp-node's interface sockets do) until cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken cancellationToken)
    {
        using var batch = new ReceiveBatch(32, ReceiveSlotSize);
        while (!cancellationToken.IsCancellationRequested)
        {
            var count = socket.Receive(batch, 250);
            for (var i = 0; i < count; i++)
            {
                Handle(batch.Payload(i), batch.Datagram(i));
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> frame, ReceivedDatagram datagram)
    {
        Received++;
        if (!DhcpPacket.TryParse(frame, request, out var error))
        {
            Dropped++;
            if (verbose)
            {
                Console.WriteLine($"DROP if={link.Name} reason={error}");
            }

            return;
        }

        if (verbose)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"RECV if={link.Name} type={request.MessageType} xid=0x{request.TransactionId:x8} dst={new Ipv4Address(datagram.DestinationAddress)}"));
        }

        Answer(datagram);
    }

    public void Dispose()
    {
        socket.Dispose();
        frames.Dispose();
    }

    private void Answer(ReceivedDatagram datagram)
    {
        var relay = request.RelayAddress;
        var anchor = relay.IsAny ? FirstLinkAddress() : relay;
        if (!TryFindSubnet(anchor, out var subnet))
        {
            Dropped++;
            return;
        }

        var serverIdentifier = ServerIdentifierFor(subnet, datagram);
        var length = StatelessAnswer.Write(request, serverIdentifier, subnet, replyBuffer, out var yourAddress);
        if (length == 0)
        {
            Dropped++;
            return;
        }

        var reply = replyBuffer.AsSpan(0, length);
        if (!relay.IsAny)
        {
            socket.SendTo(reply, relay.Value, ServerPort);
        }
        else if (!request.ClientAddress.IsAny)
        {
            socket.SendTo(reply, request.ClientAddress.Value, ClientPort);
        }
        else if (request.IsBroadcast || request.HardwareLength != 6)
        {
            frames.SendUdp(BroadcastMac, serverIdentifier.Value, uint.MaxValue, ServerPort, ClientPort, reply);
        }
        else
        {
            frames.SendUdp(request.ClientHardwareAddress, serverIdentifier.Value, yourAddress.Value, ServerPort, ClientPort, reply);
        }

        Answered++;
        if (verbose)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SEND if={link.Name} xid=0x{request.TransactionId:x8} yiaddr={yourAddress}"));
        }
    }

    private Ipv4Address FirstLinkAddress() => link.Addresses.Count > 0 ? new Ipv4Address(link.Addresses[0].Address) : Ipv4Address.Any;

    private Ipv4Address ServerIdentifierFor(Ipv4Network subnet, ReceivedDatagram datagram)
    {
        // A unicast request names the address it was sent to; otherwise the interface's first address in the subnet.
        if (!datagram.IsBroadcast && link.AddressOnLinkWith(datagram.DestinationAddress) is not null)
        {
            return new Ipv4Address(datagram.DestinationAddress);
        }

        foreach (var address in link.Addresses)
        {
            if (subnet.Contains(new Ipv4Address(address.Address)))
            {
                return new Ipv4Address(address.Address);
            }
        }

        return FirstLinkAddress();
    }

    private bool TryFindSubnet(Ipv4Address address, out Ipv4Network subnet)
    {
        foreach (var candidate in subnets)
        {
            if (candidate.Contains(address))
            {
                subnet = candidate;
                return true;
            }
        }

        subnet = default;
        return false;
    }
}
