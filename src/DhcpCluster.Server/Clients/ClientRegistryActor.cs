using DhcpCluster.Actors;
using DhcpCluster.Dhcp.Identity;

namespace DhcpCluster.Server.Clients;

/// <summary>
/// Keeps one <see cref="ClientActor"/> per client key on this node: creates it on the first message, forwards every
/// message of that client to it, and stops it when it asks to be passivated. After a wave of passivations (at least
/// <see cref="TrimAfterPassivations"/> since the last one, leaving at most half of the peak alive) it has the runtime
/// return the freed memory to the system (its own maps shrink to their content, then a compacting collection runs):
/// an idle server allocates nothing, so no collection would otherwise run and
/// the resident size would stay at its peak.
/// </summary>
public sealed class ClientRegistryActor : ReceiveActor
{
    /// <summary>Passivations after which a shrunken registry trims the process's memory.</summary>
    public const int TrimAfterPassivations = 1000;
    private readonly Props clientProps;
    private int passivatedSinceTrim;
    private int peakSinceTrim;
    private readonly Dictionary<ClientKey, IActorRef> byKey = [];
    private readonly Dictionary<IActorRef, ClientKey> byActor = [];

    /// <summary>Creates the registry; <paramref name="clientProps"/> makes one client actor.</summary>
    public ClientRegistryActor(Props clientProps)
    {
        this.clientProps = clientProps;
        Receive<ClientProtocol.InboundPacket>(OnPacket);
        Receive<ClientRegistryProtocol.Passivate>(OnPassivate);
        Receive<ClientRegistryProtocol.GetClientCount>(_ => Sender.Tell(byKey.Count, Self));
        Receive<Terminated>(OnTerminated);
    }

    /// <summary>Props for the registry.</summary>
    public static Props Props(Props clientProps) => Actors.Props.Create(() => new ClientRegistryActor(clientProps));

    private void OnPacket(ClientProtocol.InboundPacket packet)
    {
        if (!byKey.TryGetValue(packet.Key, out var client))
        {
            client = Context.ActorOf(clientProps);
            Context.Watch(client);
            byKey[packet.Key] = client;
            byActor[client] = packet.Key;
            peakSinceTrim = Math.Max(peakSinceTrim, byKey.Count);
        }

        client.Tell(packet, Sender);
    }

    private void OnPassivate(ClientRegistryProtocol.Passivate passivate)
    {
        // Later messages of that client go to a new actor; the stopping one only finishes what it holds.
        Forget(passivate.Client);
        Context.Stop(passivate.Client);
        if (++passivatedSinceTrim >= TrimAfterPassivations && byKey.Count <= peakSinceTrim / 2)
        {
            passivatedSinceTrim = 0;
            peakSinceTrim = byKey.Count;
            byKey.TrimExcess();
            byActor.TrimExcess();
            TrimMemory();
        }
    }

    /// <summary>
    /// A compacting full collection that decommits what it frees, run off the dispatcher threads (it pauses the
    /// process once, for the time of one collection of the remaining live heap).
    /// </summary>
    private static void TrimMemory() =>
        _ = Task.Run(() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true));

    private void OnTerminated(Terminated terminated) => Forget(terminated.ActorRef);

    private void Forget(IActorRef client)
    {
        if (byActor.Remove(client, out var key) && byKey.TryGetValue(key, out var current) && current.Equals(client))
        {
            byKey.Remove(key);
        }
    }
}
