using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Benchmarks;

/// <summary>
/// Parse + decide + write with the real decision engine: 1024 clients (client identifier, parameter request list of
/// 13 codes, host name) of a /16 pool with routers, DNS, domain name, NTP and one client class. Each call answers one
/// packet of the next client in turn, and the clock advances one second per round of clients; the leases exist
/// after construction, so this is the steady state of retransmissions and renewals (a DISCOVER of a bound client is
/// offered its address again, a SELECTING REQUEST extends the lease: a new lease value stored every time).
/// </summary>
public sealed class DecisionScenario
{
    /// <summary>Number of distinct clients cycled through.</summary>
    public const int Clients = 1024;

    private static readonly Ipv4Address Server = Ipv4Address.Parse("10.0.0.1");

    private readonly DhcpPacket packet = new();
    private readonly byte[] reply = new byte[1500];
    private readonly ArrivalFacts arrival = new("eth0", [Server], Server, ViaBroadcast: true);
    private readonly byte[][] discovers = new byte[Clients][];
    private readonly byte[][] requests = new byte[Clients][];
    private readonly Dhcp4Engine engine;
    private long now = 1_800_000_000;
    private int nextDiscover;
    private int nextRequest;

    /// <summary>Builds the configuration and runs every client through DISCOVER and REQUEST once.</summary>
    public DecisionScenario()
    {
        var configuration = new Dhcp4Configuration
        {
            OptionData = new OptionDataSet(
            [
                OptionDataItem.FromAddresses(6, Ipv4Address.Parse("10.0.0.53"), Ipv4Address.Parse("10.0.0.54")),
                OptionDataItem.FromText(15, "example.org"),
                OptionDataItem.FromAddresses(42, Ipv4Address.Parse("10.0.0.123")),
            ]),
            ClientClasses = [new ClientClassDefinition("pxe") { Test = "substring(option[60].text, 0, 9) == 'PXEClient'", BootFileName = "ipxe.efi" }],
            Subnets =
            [
                new Subnet4(1, "10.0.0.0/16")
                {
                    Pools = [Pool4.Parse("10.0.1.0 - 10.0.255.254")],
                    OptionData = new OptionDataSet([OptionDataItem.FromAddresses(3, Ipv4Address.Parse("10.0.0.1"))]),
                },
            ],
        }.Build();
        engine = new Dhcp4Engine(new LeaseStore(configuration, [Server]));
        for (var i = 0; i < Clients; i++)
        {
            discovers[i] = Frame(DhcpMessageType.Discover, i, requested: null);
            var length = Process(discovers[i]);
            packet.Parse(reply.AsSpan(0, length));
            requests[i] = Frame(DhcpMessageType.Request, i, requested: packet.YourAddress);
            if (Process(requests[i]) == 0)
            {
                throw new InvalidOperationException("the benchmark REQUEST was not acknowledged");
            }
        }
    }

    /// <summary>Answers the next client's DISCOVER; returns the reply length.</summary>
    public int DiscoverToOffer()
    {
        var i = nextDiscover;
        nextDiscover = (i + 1) & (Clients - 1);
        now += nextDiscover == 0 ? 1 : 0;
        return Process(discovers[i]);
    }

    /// <summary>Answers the next client's REQUEST; returns the reply length.</summary>
    public int RequestToAck()
    {
        var i = nextRequest;
        nextRequest = (i + 1) & (Clients - 1);
        now += nextRequest == 0 ? 1 : 0;
        return Process(requests[i]);
    }

    private int Process(byte[] frame)
    {
        packet.Parse(frame);
        var decision = engine.Decide(packet, arrival, now);
        return ReplyWriter.Write(decision, packet, reply);
    }

    private static byte[] Frame(DhcpMessageType type, int client, Ipv4Address? requested)
    {
        var buffer = new byte[600];
        var writer = new DhcpPacketWriter(buffer, 600);
        writer.Op = DhcpOp.BootRequest;
        writer.HardwareType = 1;
        writer.TransactionId = (uint)client;
        byte[] mac = [0x02, 0x00, 0x00, 0x00, (byte)(client >> 8), (byte)client];
        writer.SetClientHardwareAddress(mac);
        writer.WriteMessageType(type);
        writer.WriteOption(DhcpOptionCode.ClientIdentifier, [1, .. mac]);
        if (requested is { } address)
        {
            writer.WriteOption(DhcpOptionCode.ServerIdentifier, Server);
            writer.WriteOption(DhcpOptionCode.RequestedAddress, address);
        }

        writer.WriteUInt16Option(DhcpOptionCode.MaxMessageSize, 1500);
        writer.WriteOption(DhcpOptionCode.ParameterRequestList, [1, 3, 6, 15, 26, 28, 42, 51, 54, 58, 59, 119, 121]);
        writer.WriteOption(DhcpOptionCode.HostName, "bench-client"u8);
        return buffer[..writer.Finish()];
    }
}
