using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Leases;

namespace DhcpCluster.Dhcp.Tests.Decisions;

/// <summary>A configured engine plus helpers to run messages through it and parse the replies.</summary>
internal sealed class Scenario
{
    public static readonly Ipv4Address ServerAddress = Ipv4Address.Parse("192.0.2.1");

    public Scenario(Dhcp4Configuration configuration)
    {
        Configuration = configuration.Build();
        Store = new LeaseStore(Configuration, [ServerAddress]);
        Engine = new Dhcp4Engine(Store);
    }

    public Dhcp4Configuration Configuration { get; }

    public LeaseStore Store { get; }

    public Dhcp4Engine Engine { get; }

    public long Now { get; set; } = 1_800_000_000;

    public ArrivalFacts Arrival { get; set; } = new("eth0", [ServerAddress], ServerAddress, ViaBroadcast: true);

    public static Scenario Simple(Action<Subnet4Options>? configure = null)
    {
        var options = new Subnet4Options();
        configure?.Invoke(options);
        var subnet = new Subnet4(1, "192.0.2.0/24")
        {
            Pools = [Pool4.Parse(options.Pool)],
            Reservations = options.Reservations,
            OptionData = new OptionDataSet(options.SubnetOptions),
            ValidLifetime = options.ValidLifetime,
            RenewTimer = options.RenewTimer,
            RebindTimer = options.RebindTimer,
            Authoritative = options.Authoritative,
            MatchClientId = options.MatchClientId,
            Allocator = options.Allocator,
            NextServer = options.NextServer,
            BootFileName = options.BootFileName,
        };
        return new Scenario(new Dhcp4Configuration
        {
            Subnets = [subnet],
            ClientClasses = options.Classes,
            DeclineProbationPeriod = options.DeclineProbationPeriod,
            OptionData = new OptionDataSet(options.GlobalOptions),
        });
    }

    public Dhcp4Decision Decide(ClientMessage message) => Engine.Decide(message.ToPacket(), Arrival, Now);

    /// <summary>Decides and writes; returns the decision's key facts and the parsed reply.</summary>
    public Result Run(ClientMessage message)
    {
        var request = message.ToPacket();
        var decision = Engine.Decide(request, Arrival, Now);
        var buffer = new byte[1500];
        var length = ReplyWriter.Write(decision, request, buffer);
        DhcpPacket? reply = null;
        if (length > 0)
        {
            reply = new DhcpPacket();
            Assert.True(DhcpPacket.TryParse(buffer.AsSpan(0, length), reply, out var error), error.ToString());
        }

        return new Result(decision.Outcome, decision.Reply, decision.ClientState, decision.Destination, decision.Change, decision.Lease, reply, length,
            decision.OptionOrder.ToArray());
    }

    /// <summary>DISCOVER then REQUEST (SELECTING); returns the bound address.</summary>
    public Ipv4Address Dora(byte[] mac, byte[]? clientId = null)
    {
        var discover = ClientMessage.Discover(mac);
        if (clientId is not null)
        {
            discover.WithClientId(clientId);
        }

        var offer = Run(discover);
        Assert.Equal(ReplyKind.Offer, offer.Reply);
        var request = ClientMessage.Request(mac).With(54, ServerAddress).With(50, offer.Packet!.YourAddress);
        if (clientId is not null)
        {
            request.WithClientId(clientId);
        }

        var ack = Run(request);
        Assert.Equal(ReplyKind.Ack, ack.Reply);
        return ack.Packet!.YourAddress;
    }

    internal sealed record Result(
        DecisionOutcome Outcome,
        ReplyKind Reply,
        ClientState State,
        ReplyDestination Destination,
        LeaseChangeKind Change,
        Lease Lease,
        DhcpPacket? Packet,
        int Length,
        byte[] OptionOrder);

    internal sealed class Subnet4Options
    {
        public string Pool { get; set; } = "192.0.2.10 - 192.0.2.20";

        public IReadOnlyList<HostReservation> Reservations { get; set; } = [];

        public List<OptionDataItem> SubnetOptions { get; } = [];

        public List<OptionDataItem> GlobalOptions { get; } = [];

        public IReadOnlyList<ClientClassDefinition> Classes { get; set; } = [];

        public uint? ValidLifetime { get; set; } = 3600;

        public uint? RenewTimer { get; set; }

        public uint? RebindTimer { get; set; }

        public bool? Authoritative { get; set; }

        public bool? MatchClientId { get; set; }

        public AllocatorKind? Allocator { get; set; }

        public Ipv4Address? NextServer { get; set; }

        public string? BootFileName { get; set; }

        public uint DeclineProbationPeriod { get; set; } = 86400;
    }
}
