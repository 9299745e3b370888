using DhcpCluster.Actors;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Server.Hosting;

namespace DhcpCluster.Server.Clients;

/// <summary>
/// Keeps one <see cref="ClientActor"/> per client key on this node: creates it on the first message, forwards every
/// message of that client to it, and stops it when it asks to be passivated.
/// </summary>
public sealed class ClientRegistryActor : ReceiveActor
{
    private readonly Props clientProps;
    private readonly ServerStatistics? statistics;
    private readonly Dictionary<ClientKey, IActorRef> byKey = [];
    private readonly Dictionary<IActorRef, ClientKey> byActor = [];

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
        if (!byKey.TryGetValue(packet.Key, out var client))
        {
            client = Context.ActorOf(clientProps);
            Context.Watch(client);
            byKey[packet.Key] = client;
            byActor[client] = packet.Key;
            statistics?.CountClientActorStarted();
        }

        client.Tell(packet, Sender);
    }

    private void OnPassivate(ClientRegistryProtocol.Passivate passivate)
    {
        // Later messages of that client go to a new actor; the stopping one only finishes what it holds.
        Forget(passivate.Client);
        Context.Stop(passivate.Client);
    }

    private void OnTerminated(Terminated terminated) => Forget(terminated.ActorRef);

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
