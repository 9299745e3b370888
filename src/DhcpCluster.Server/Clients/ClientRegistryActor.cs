using DhcpCluster.Actors;
using DhcpCluster.Dhcp.Identity;
using DhcpCluster.Server.Hosting;

namespace DhcpCluster.Server.Clients;

/// <summary>
/// Keeps one <see cref="ClientActor"/> per client key on this node: creates it on the first message, forwards every
/// message of that client to it, and passivates it when it asks (idle): the actor is told to stop once it has handled
/// what already reached its mailbox, the client's messages that arrive meanwhile are held here (up to
/// <see cref="BufferPerPassivatingClient"/>; DHCP clients retransmit), and handed in order to a fresh actor once the
/// old one has stopped. No message that reached the registry is lost to a passivation. After a wave of passivations
/// (at least <see cref="TrimAfterPassivations"/> since the last one, leaving at most half of the peak alive) it has
/// the runtime return the freed memory to the system (its own maps shrink to their content, then a compacting
/// collection runs): an idle server allocates nothing, so no collection would otherwise run and the resident size
/// would stay at its peak. The end of a wave (no passivation for <see cref="DefaultWaveEndQuiet"/>) trims once more, so what
/// the wave's tail freed below the last halving is returned too (counted in <see cref="ServerStatistics.MemoryTrims"/>).
/// </summary>
public sealed class ClientRegistryActor : ReceiveActor, IWithTimers
{
    /// <summary>Passivations after which a shrunken registry trims the process's memory.</summary>
    public const int TrimAfterPassivations = 1000;

    /// <summary>Time without a passivation after which a wave counts as over, unless the registry is given another.</summary>
    public static readonly TimeSpan DefaultWaveEndQuiet = TimeSpan.FromSeconds(10);
    private const string WaveEndTimerKey = "wave-end";
    private const int TrimAtWaveEndAfterPassivations = 100;
    private readonly Props clientProps;
    private readonly ServerStatistics? statistics;
    private readonly Action? releaseCaches;
    private readonly Dictionary<ClientKey, IActorRef> byKey = [];
    private readonly Dictionary<IActorRef, ClientKey> byActor = [];
    private readonly Dictionary<ClientKey, List<(ClientProtocol.InboundPacket Packet, IActorRef Sender)>> passivating = [];
    private int passivatedSinceTrim;
    private int peakSinceTrim;
    private readonly TimeSpan waveEndQuiet;
    private long lastPassivationTicks;

    /// <summary>Most messages held for one client while its actor passivates.</summary>
    public const int BufferPerPassivatingClient = 64;

    /// <summary>
    /// Creates the registry; <paramref name="clientProps"/> makes one client actor; <paramref name="statistics"/> counts them
    /// (client-actors-alive); <paramref name="waveEndQuiet"/> replaces <see cref="DefaultWaveEndQuiet"/>;
    /// <paramref name="releaseCaches"/> runs at each trim, before the collection (e.g. closing idle database connections).
    /// </summary>
    public ClientRegistryActor(Props clientProps, ServerStatistics? statistics = null, TimeSpan? waveEndQuiet = null, Action? releaseCaches = null)
    {
        this.clientProps = clientProps;
        this.statistics = statistics;
        this.releaseCaches = releaseCaches;
        this.waveEndQuiet = waveEndQuiet ?? DefaultWaveEndQuiet;
        Receive<ClientProtocol.InboundPacket>(OnPacket);
        Receive<ClientRegistryProtocol.Passivate>(OnPassivate);
        Receive<ClientRegistryProtocol.GetClientCount>(_ => Sender.Tell(byKey.Count, Self));
        Receive<Terminated>(OnTerminated);
        Receive<ClientRegistryProtocol.WaveEndCheck>(_ => OnWaveEndCheck());
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for the registry.</summary>
    public static Props Props(Props clientProps, ServerStatistics? statistics = null, TimeSpan? waveEndQuiet = null, Action? releaseCaches = null) =>
        Actors.Props.Create(() => new ClientRegistryActor(clientProps, statistics, waveEndQuiet, releaseCaches));

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
            peakSinceTrim = Math.Max(peakSinceTrim, byKey.Count);
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

            TrimAfterWave();
        }
    }

    private void TrimAfterWave()
    {
        lastPassivationTicks = Environment.TickCount64;
        if (++passivatedSinceTrim >= TrimAfterPassivations && byKey.Count <= peakSinceTrim / 2)
        {
            Trim();
        }
        else if (!Timers.IsTimerActive(WaveEndTimerKey))
        {
            Timers.StartSingleTimer(WaveEndTimerKey, ClientRegistryProtocol.WaveEndCheck.Instance, waveEndQuiet);
        }
    }

    /// <summary>Trims once the wave is over (no passivation for <see cref="DefaultWaveEndQuiet"/>), if it freed enough to matter.</summary>
    private void OnWaveEndCheck()
    {
        var quietFor = TimeSpan.FromMilliseconds(Environment.TickCount64 - lastPassivationTicks);
        if (quietFor < waveEndQuiet)
        {
            Timers.StartSingleTimer(WaveEndTimerKey, ClientRegistryProtocol.WaveEndCheck.Instance, waveEndQuiet - quietFor);
        }
        else if (passivatedSinceTrim >= TrimAtWaveEndAfterPassivations)
        {
            Trim();
        }
    }

    private void Trim()
    {
        Timers.Cancel(WaveEndTimerKey);
        passivatedSinceTrim = 0;
        peakSinceTrim = byKey.Count;
        byKey.TrimExcess();
        byActor.TrimExcess();
        statistics?.CountMemoryTrim();
        TrimMemory(releaseCaches);
    }

    /// <summary>
    /// The caches given (idle database connections), a compacting full collection that decommits what it frees,
    /// then the C library's free pages back to the system, run off the dispatcher threads (it pauses the process
    /// once, for the time of one collection of the remaining live heap).
    /// </summary>
    private static void TrimMemory(Action? releaseCaches) =>
        _ = Task.Run(() =>
        {
            releaseCaches?.Invoke();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            NativeHeap.ReturnFreePages();
        });

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
