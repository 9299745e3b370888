using DhcpCluster.Actors;
using DhcpCluster.Actors.Persistence;
using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Actors.Persistence.PersistentActors;
using DhcpCluster.Actors.Persistence.Serialization;
using DhcpCluster.Actors.Testing;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Server.Clients;
using DhcpCluster.Server.Hosting;
using DhcpCluster.Server.Leases;
using Xunit;
using Xunit.Abstractions;

namespace DhcpCluster.Server.Tests.Infrastructure;

/// <summary>
/// A TestKit with a SQLite persistence store (in a temp directory) whose journal the test can hold or fail, a
/// controllable clock, and helpers to build the server's messages.
/// </summary>
public abstract class ServerTestKit : TestKit, IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "dhcp-server-test-" + Guid.NewGuid().ToString("N")[..12]);
    private PersistenceStore? store;
    private long now = 1_800_000_000;

    protected ServerTestKit(ITestOutputHelper output)
        : base(output)
    {
        Directory.CreateDirectory(directory);
        ServerOptions = new ServerSettings { Clock = () => Interlocked.Read(ref now), ReclaimInterval = TimeSpan.FromHours(1) };
    }

    public static Ipv4Address ServerAddress { get; } = Ipv4Address.Parse("192.0.2.1");

    public static ArrivalFacts Arrival { get; } = new("eth0", [ServerAddress], ServerAddress, ViaBroadcast: true);

    internal ControllableJournal Journal { get; private set; } = null!;

    protected ServerSettings ServerOptions { get; set; }

    protected ServerStatistics Statistics { get; } = new();

    protected string DatabasePath => Path.Combine(directory, "leases.db");

    protected virtual OnFailAction OnFail => OnFailAction.ServeRetryContinue;

    public async Task InitializeAsync()
    {
        store = await PersistenceStore.StartAsync(new PersistenceStoreOptions
        {
            Provider = StorageProvider.Sqlite,
            ConnectionString = $"Data Source={DatabasePath}",
            Serializers = LeaseEventSerializers.Register(new SerializerRegistry()),
            ReadModelTables = [LeaseReadModel.Table],
            Reconnect = new ReconnectSettings(0, TimeSpan.Zero, OnFail, RetryOnStartup: false),
        }).ConfigureAwait(false);
        PersistenceExtension.Get(Sys).Use(store, inner => Journal = new ControllableJournal(inner));
    }

    public async Task DisposeAsync()
    {
        await Sys.Terminate().ConfigureAwait(false);
        if (store is not null)
        {
            await store.DisposeAsync().ConfigureAwait(false);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    protected void Advance(TimeSpan by) => Interlocked.Add(ref now, (long)by.TotalSeconds);

    protected long Now => Interlocked.Read(ref now);

    /// <summary>One /24 with a pool of <paramref name="poolSize"/> addresses from .10.</summary>
    protected static Dhcp4Configuration Configuration(int poolSize = 10, uint validLifetime = 3600, uint offerLifetime = 60, uint declineProbation = 600) =>
        new Dhcp4Configuration
        {
            Subnets =
            [
                new Subnet4(1, "192.0.2.0/24")
                {
                    Pools = [new Pool4(Ipv4Address.Parse("192.0.2.10"), Ipv4Address.Parse("192.0.2.10") + (poolSize - 1))],
                },
            ],
            ValidLifetime = validLifetime,
            OfferLifetime = offerLifetime,
            DeclineProbationPeriod = declineProbation,
        }.Build();

    protected IActorRef Owner(Dhcp4Configuration configuration) =>
        Sys.ActorOf(PoolOwnerActor.Props(configuration, AllocationDomain.Partition(configuration)[0], [ServerAddress], ServerOptions, Statistics));

    protected static ClientProtocol.InboundPacket Packet(byte[] frame, IActorRef socket, long receivedAt = 0)
    {
        var packet = new DhcpPacket();
        Assert.True(DhcpPacket.TryParse(frame, packet, out var error), error.ToString());
        var key = ClientIdentity.Of(packet, matchClientId: true).Key;
        return new ClientProtocol.InboundPacket(frame, Arrival, socket, key, 1, packet.MessageType, packet.TransactionId, receivedAt);
    }

    /// <summary>Asks the owner to decide and returns its answer.</summary>
    protected PoolOwnerProtocol.Decided Decide(IActorRef owner, byte[] frame, TimeSpan? timeout = null)
    {
        owner.Tell(new PoolOwnerProtocol.Decide(Packet(frame, TestActor)), TestActor);
        return ExpectMsg<PoolOwnerProtocol.Decided>(timeout ?? TimeSpan.FromSeconds(10));
    }

    /// <summary>DISCOVER then REQUEST: the bound address.</summary>
    protected Ipv4Address Bind(IActorRef owner, int client)
    {
        var offer = Decide(owner, Frames.Discover(client));
        Assert.Equal(DhcpMessageType.Offer, offer.ReplyType);
        var ack = Decide(owner, Frames.Select(client, offer.Address, ServerAddress));
        Assert.Equal(DhcpMessageType.Ack, ack.ReplyType);
        return ack.Address;
    }

    protected PoolOwnerProtocol.LeaseList Leases(IActorRef owner)
    {
        owner.Tell(PoolOwnerProtocol.GetLeases.Instance, TestActor);
        return ExpectMsg<PoolOwnerProtocol.LeaseList>(TimeSpan.FromSeconds(10));
    }
}
