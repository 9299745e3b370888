using System.Runtime.CompilerServices;
using DhcpCluster.Actors;
using DhcpCluster.Actors.Testing;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Server.Clients;
using DhcpCluster.Server.Hosting;
using DhcpCluster.Server.Leases;
using DhcpCluster.Server.Sockets;
using DhcpCluster.Server.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DhcpCluster.Server.Tests.Clients;

/// <summary>The client actor: duplicates dropped within the window, retransmissions answered the same, one at a time.</summary>
public sealed class ClientActorTests(ITestOutputHelper output) : ServerTestKit(output)
{
    private static readonly byte[] OfferBytes = [2, 1, 6, 0, 1, 2, 3, 4];

    private (IActorRef Client, TestProbe Owner, TestProbe Socket) Start(ServerSettings? settings = null)
    {
        var owner = CreateTestProbe("owner");
        var socket = CreateTestProbe("socket");
        var directory = new PoolOwnerDirectory(new Dictionary<uint, IActorRef> { [1] = owner.Ref });
        var client = Sys.ActorOf(ClientActor.Props(directory, settings ?? ServerOptions, Statistics));
        return (client, owner, socket);
    }

    private static PoolOwnerProtocol.Decided Offer(byte[] reply) =>
        new(reply, DhcpMessageType.Offer, new ReplyDestination(ReplyDestinationKind.Broadcast, Ipv4Address.Broadcast, 68), ServerAddress, DecisionOutcome.Offered, Ipv4Address.Parse("192.0.2.10"), 3600);

    [Fact]
    public void A_copy_within_the_duplicate_window_is_dropped_and_counted()
    {
        var (client, owner, socket) = Start();
        var frame = Frames.Discover(1);
        client.Tell(Packet(frame, socket.Ref, receivedAt: 10_000));
        owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        owner.Reply(Offer(OfferBytes));
        Assert.Equal(OfferBytes, socket.ExpectMsg<InterfaceSocketProtocol.SendReply>().Payload); // byte for byte: the actor keeps it packed

        client.Tell(Packet((byte[])frame.Clone(), socket.Ref, receivedAt: 10_001));
        client.Tell(Packet((byte[])frame.Clone(), socket.Ref, receivedAt: 10_200));
        owner.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        socket.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(2, Statistics.DuplicatesDropped);
    }

    [Fact]
    public void A_copy_arriving_while_the_first_is_decided_is_dropped_too()
    {
        var (client, owner, socket) = Start();
        var frame = Frames.Discover(1);
        client.Tell(Packet(frame, socket.Ref, receivedAt: 10_000));
        client.Tell(Packet((byte[])frame.Clone(), socket.Ref, receivedAt: 10_000));
        owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        owner.Reply(Offer(OfferBytes));
        socket.ExpectMsg<InterfaceSocketProtocol.SendReply>();
        socket.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        owner.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(1, Statistics.DuplicatesDropped);
    }

    [Theory]
    [InlineData((ushort)0)]
    [InlineData((ushort)4)]
    public void A_retransmission_after_the_window_gets_the_same_answer_without_a_new_decision(ushort secs)
    {
        var (client, owner, socket) = Start();
        var frame = Frames.Discover(1);
        client.Tell(Packet(frame, socket.Ref, receivedAt: 10_000));
        owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        owner.Reply(Offer(OfferBytes));
        socket.ExpectMsg<InterfaceSocketProtocol.SendReply>();

        client.Tell(Packet(Frames.WithSecs(frame, secs), socket.Ref, receivedAt: 11_000));
        Assert.Equal(OfferBytes, socket.ExpectMsg<InterfaceSocketProtocol.SendReply>().Payload); // byte for byte: the actor keeps it packed
        owner.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(1, Statistics.RetransmissionsAnswered);
        Assert.Equal(0, Statistics.DuplicatesDropped);
    }

    [Fact]
    public void The_next_message_waits_until_the_first_is_answered()
    {
        var (client, owner, socket) = Start();
        client.Tell(Packet(Frames.Discover(1), socket.Ref, receivedAt: 10_000));
        var first = owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        client.Tell(Packet(Frames.Select(1, Ipv4Address.Parse("192.0.2.10"), ServerAddress), socket.Ref, receivedAt: 10_010));
        owner.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        owner.Reply(Offer(OfferBytes));
        var second = owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        Assert.Equal(DhcpMessageType.Discover, first.Packet.MessageType);
        Assert.Equal(DhcpMessageType.Request, second.Packet.MessageType);
    }

    [Fact]
    public void A_silent_owner_is_given_up_after_the_decision_timeout()
    {
        var (client, owner, socket) = Start(ServerOptions with { DecisionTimeout = TimeSpan.FromMilliseconds(300) });
        client.Tell(Packet(Frames.Discover(1), socket.Ref, receivedAt: 10_000));
        owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        client.Tell(Packet(Frames.Discover(1, xid: 0x77), socket.Ref, receivedAt: 10_010));
        Assert.Equal(0x77u, owner.ExpectMsg<PoolOwnerProtocol.Decide>(TimeSpan.FromSeconds(5)).Packet.TransactionId);
        Assert.Equal(1, Statistics.DecisionTimeouts);
    }

    [Fact]
    public void An_answered_decision_never_times_out_the_next_one_early()
    {
        var (client, owner, socket) = Start(ServerOptions with { DecisionTimeout = TimeSpan.FromMilliseconds(600) });
        client.Tell(Packet(Frames.Discover(1), socket.Ref, receivedAt: 10_000));
        owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        Thread.Sleep(400);
        owner.Reply(Offer(OfferBytes));
        socket.ExpectMsg<InterfaceSocketProtocol.SendReply>();

        // The second decision is armed just before the first one's deadline and is left unanswered.
        client.Tell(Packet(Frames.Discover(1, xid: 0x78), socket.Ref, receivedAt: 10_500));
        owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        Thread.Sleep(450);
        Assert.Equal(0, Statistics.DecisionTimeouts);
        AwaitCondition(() => Statistics.DecisionTimeouts == 1, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void The_registry_creates_one_actor_per_client_and_passivates_idle_ones()
    {
        var owner = CreateTestProbe("owner");
        var socket = CreateTestProbe("socket");
        var directory = new PoolOwnerDirectory(new Dictionary<uint, IActorRef> { [1] = owner.Ref });
        var settings = ServerOptions with { PassivateIdleClientAfter = TimeSpan.FromMilliseconds(500) };
        var registry = Sys.ActorOf(ClientRegistryActor.Props(ClientActor.Props(directory, settings, Statistics)));
        var router = new LocalClientRouter(registry);
        router.Route(Packet(Frames.Discover(1), socket.Ref, 10_000));
        router.Route(Packet(Frames.Discover(2), socket.Ref, 10_000));
        owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        owner.Reply(Offer(OfferBytes));
        owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        owner.Reply(Offer(OfferBytes));
        registry.Tell(ClientRegistryProtocol.GetClientCount.Instance, TestActor);
        Assert.Equal(2, ExpectMsg<int>());
        AwaitAssert(
            () =>
            {
                registry.Tell(ClientRegistryProtocol.GetClientCount.Instance, TestActor);
                Assert.Equal(0, ExpectMsg<int>());
            },
            TimeSpan.FromSeconds(10),
            TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Passivation_loses_no_message_that_reached_the_client_or_the_registry_while_it_stops()
    {
        var owner = CreateTestProbe("owner");
        var socket = CreateTestProbe("socket");
        var directory = new PoolOwnerDirectory(new Dictionary<uint, IActorRef> { [1] = owner.Ref });
        var registry = Sys.ActorOf(ClientRegistryActor.Props(ClientActor.Props(directory, ServerOptions, Statistics)));
        var router = new LocalClientRouter(registry);
        router.Route(Packet(Frames.Discover(1), socket.Ref, 10_000));
        owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        var first = owner.LastSender;
        owner.Reply(Offer(OfferBytes));
        socket.ExpectMsg<InterfaceSocketProtocol.SendReply>();

        // A message reaches the actor's mailbox just before the registry acts on its passivation request, and
        // another reaches the registry while the actor stops.
        router.Route(Packet(Frames.Discover(1, xid: 0x2001), socket.Ref, 20_000));
        registry.Tell(new ClientRegistryProtocol.Passivate(first), first);
        router.Route(Packet(Frames.Discover(1, xid: 0x2002), socket.Ref, 30_000));

        var inMailbox = owner.ExpectMsg<PoolOwnerProtocol.Decide>();
        Assert.Equal(0x2001u, inMailbox.Packet.TransactionId);
        Assert.Equal(first, owner.LastSender);
        owner.Reply(Offer(OfferBytes));
        socket.ExpectMsg<InterfaceSocketProtocol.SendReply>();

        var held = owner.ExpectMsg<PoolOwnerProtocol.Decide>(TimeSpan.FromSeconds(5));
        Assert.Equal(0x2002u, held.Packet.TransactionId);
        Assert.NotEqual(first, owner.LastSender);
        registry.Tell(ClientRegistryProtocol.GetClientCount.Instance, TestActor);
        Assert.Equal(1, ExpectMsg<int>());
    }

    [Fact]
    public void The_end_of_a_passivation_wave_too_small_to_halve_the_registry_still_returns_the_memory()
    {
        const int clients = 120; // below TrimAfterPassivations: no halving trim happens during this wave
        var owner = CreateTestProbe("owner");
        var socket = CreateTestProbe("socket");
        var directory = new PoolOwnerDirectory(new Dictionary<uint, IActorRef> { [1] = owner.Ref });
        var settings = ServerOptions with { PassivateIdleClientAfter = TimeSpan.FromMilliseconds(300) };
        var cachesReleased = new StrongBox<int>();
        var registry = Sys.ActorOf(ClientRegistryActor.Props(
            ClientActor.Props(directory, settings, Statistics), Statistics, TimeSpan.FromMilliseconds(500), () => Interlocked.Increment(ref cachesReleased.Value)));
        var router = new LocalClientRouter(registry);
        for (var i = 1; i <= clients; i++)
        {
            router.Route(Packet(Frames.Discover(i, xid: (uint)i), socket.Ref, 10_000));
        }

        for (var i = 0; i < clients; i++)
        {
            owner.ExpectMsg<PoolOwnerProtocol.Decide>();
            owner.Reply(Offer(OfferBytes));
        }

        Assert.Equal(0, Statistics.MemoryTrims);
        Assert.Equal(0, Volatile.Read(ref cachesReleased.Value));
        AwaitAssert(
            () =>
            {
                registry.Tell(ClientRegistryProtocol.GetClientCount.Instance, TestActor);
                Assert.Equal(0, ExpectMsg<int>());
                Assert.Equal(1, Statistics.MemoryTrims);
                Assert.Equal(1, Volatile.Read(ref cachesReleased.Value)); // the trim also released the caches given
            },
            TimeSpan.FromSeconds(15),
            TimeSpan.FromMilliseconds(200));
    }
}
