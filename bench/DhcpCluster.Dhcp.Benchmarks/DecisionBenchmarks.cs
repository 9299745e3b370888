using BenchmarkDotNet.Attributes;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Benchmarks;

/// <summary>
/// Parse + decide + write on one core for DISCOVER→OFFER and REQUEST→ACK, over 1024 clients of a /16 pool with
/// the usual options (routers, DNS, domain name, NTP) and one client class; each operation is one packet.
/// Run: <c>dotnet run -c Release --project bench/DhcpCluster.Dhcp.Benchmarks -- --filter *DecisionBenchmarks*</c>.
/// </summary>
[MemoryDiagnoser]
[OperationsPerSecond]
public class DecisionBenchmarks
{
    private const int Clients = 1024;
    private static readonly Ipv4Address Server = Ipv4Address.Parse("10.0.0.1");

    private readonly DhcpPacket packet = new();
    private readonly byte[] reply = new byte[1500];
    private readonly ArrivalFacts arrival = new("eth0", [Server], Server, ViaBroadcast: true);
    private byte[][] discovers = [];
    private byte[][] requests = [];
    private Dhcp4Engine engine = null!;
    private long now;

    [GlobalSetup]
    public void Setup()
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
        now = 1_800_000_000;
        discovers = new byte[Clients][];
        requests = new byte[Clients][];
        for (var i = 0; i < Clients; i++)
        {
            discovers[i] = Frame(DhcpMessageType.Discover, i, requested: null);
            var length = Process(discovers[i]);
            packet.Parse(reply.AsSpan(0, length));
            requests[i] = Frame(DhcpMessageType.Request, i, requested: packet.YourAddress);
            Process(requests[i]);
        }
    }

    [Benchmark(OperationsPerInvoke = Clients)]
    public int DiscoverToOffer()
    {
        var total = 0;
        for (var i = 0; i < Clients; i++)
        {
            total += Process(discovers[i]);
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Clients)]
    public int RequestToAck()
    {
        var total = 0;
        for (var i = 0; i < Clients; i++)
        {
            total += Process(requests[i]);
        }

        return total;
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
