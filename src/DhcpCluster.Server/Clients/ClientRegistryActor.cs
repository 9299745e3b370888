using DhcpCluster.Actors;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Server.Hosting;

namespace DhcpCluster.Server.Clients;

/// <summary>
/// Keeps one <see cref="ClientActor"/> per client key on this node: creates it on the first message, forwards every
/// message of that client to it, and passivates it when it asks (idle): the actor is told to stop once it has handled
/// what already reached its mailbox, the client's messages that arrive meanwhile are held here (up to
/// <see cref="BufferPerPassivatingClient"/>; DHCP clients retransmit), and handed in order to a fresh actor once the
/// old one has stopped. No message that reached the registry is lost to a passivation.
/// </summary>
public sealed class ClientRegistryActor : ReceiveActor
{
    private readonly Props clientProps;
    private readonly ServerStatistics? statistics;
    private readonly Dictionary<ClientKey, IActorRef> byKey = [];
    private readonly Dictionary<IActorRef, ClientKey> byActor = [];
    private readonly Dictionary<ClientKey, List<(ClientProtocol.InboundPacket Packet, IActorRef Sender)>> passivating = [];

    /// <summary>Most messages held for one client while its actor passivates.</summary>
    public const int BufferPerPassivatingClient = 64;

    /// <summary>Creates the registry; <paramref name="clientProps"/> makes one client actor; <paramref name="statistics"/> counts them (client-actors-alive).</summary>
    public ClientRegistryActor(Props clientProps, ServerStatistics? statistics = null)
    {
        this.clientProps = clientProps;
        this.statistics = statistics;
        Receive<ClientProtocol.InboundPacket>(OnPacket);
        Receive<ClientRegistryProtocol.Passivate>(OnPassivate);
        Receive<ClientRegistryProtocol.GetClientCount>(_ => Sender.Tell(byKey.Count, Self));
        Receive<Terminated>(OnTerminated);
    }

    /// <summary>Props for the registry.</summary>
    public static Props Props(Props clientProps, ServerStatistics? statistics = null) => Actors.Props.Create(() => new ClientRegistryActor(clientProps, statistics));

    private void OnPacket(ClientProtocol.InboundPacket packet)
    {
        if (passivating.TryGetValue(packet.Key, out var held))
        {
            if (held.Count < BufferPerPassivatingClient)
            {
                held.Add((packet, Sender));
            }

            return;
        }

        Deliver(packet, Sender);
    }

    private void Deliver(ClientProtocol.InboundPacket packet, IActorRef sender)
    {
        if (!byKey.TryGetValue(packet.Key, out var client))
        {
            client = Context.ActorOf(clientProps);
            Context.Watch(client);
            byKey[packet.Key] = client;
            byActor[client] = packet.Key;
            statistics?.CountClientActorStarted();
        }

        client.Tell(packet, sender);
    }

    private void OnPassivate(ClientRegistryProtocol.Passivate passivate)
    {
        // Asked again while already stopping (the idle timeout repeats), or by an actor that has gone: nothing to do.
        if (byActor.TryGetValue(passivate.Client, out var key) && passivating.TryAdd(key, []))
        {
            passivate.Client.Tell(ClientProtocol.StopWhenIdle.Instance, Self);
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!byActor.TryGetValue(terminated.ActorRef, out var key))
        {
            return;
        }

        Forget(terminated.ActorRef);
        if (passivating.Remove(key, out var held))
        {
            foreach (var (packet, sender) in held)
            {
                Deliver(packet, sender);
            }
        }
    }

    private void Forget(IActorRef client)
    {
        if (!byActor.Remove(client, out var key))
        {
            return;
        }

        statistics?.CountClientActorStopped();
        if (byKey.TryGetValue(key, out var current) && current.Equals(client))
        {
            byKey.Remove(key);
        }
    }
}
