using DhcpCluster.Actors;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Server.Hosting;
using DhcpCluster.Server.Leases;
using DhcpCluster.Server.Logging;
using DhcpCluster.Server.Sockets;
using Microsoft.Extensions.Logging;
using static DhcpCluster.Server.Clients.ClientProtocol;

namespace DhcpCluster.Server.Clients;

/// <summary>
/// The one actor of one client (keyed by client identifier, else hardware address). It handles the client's
/// messages one at a time: a copy of a frame it handled within the duplicate window (heard through another socket,
/// address or node) is dropped and counted; a retransmission after the window gets the previous answer again (the
/// same offered address, whatever its <c>secs</c>); anything else goes to the pool owner of the client's subnet,
/// whose answer arrives once the lease change is durable, and is sent through the socket the message came from
/// (directly, through the interface's <see cref="ReplySender"/>, when the message came with it).
/// Messages arriving meanwhile are stashed. Idle for long enough, it asks its parent to stop it.
/// </summary>
public sealed class ClientActor : UntypedActor, IWithUnboundedStash
{
    private readonly PoolOwnerDirectory owners;
    private readonly ServerSettings settings;
    private readonly ServerStatistics statistics;
    private readonly ILogger log;
    private readonly long windowMs;
    private ulong lastFingerprint;
    private int lastLength = -1;
    private long lastFrameAt;
    private PoolOwnerProtocol.Decided? lastAnswer;
    private ulong answeredFingerprint;
    private int answeredLength = -1;
    private long answeredAt;
    private InboundPacket? inFlight;
    private long attempt;
    private string? clientText;
    private IScheduler? scheduler;
    private DecisionDeadline? decisionDeadline;

    /// <summary>Creates the actor; <paramref name="log"/> is shared by the client actors (null: the actor's own logger).</summary>
    public ClientActor(PoolOwnerDirectory owners, ServerSettings settings, ServerStatistics statistics, ILogger? log = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.owners = owners;
        this.settings = settings;
        this.statistics = statistics;
        windowMs = (long)settings.DuplicateWindow.TotalMilliseconds;
        this.log = log ?? Context.GetLogger();
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <summary>
    /// Props for a client actor. One actor is created per client (per DHCP exchange under a load of new clients), so
    /// what they share is made once: pass <paramref name="log"/> (a logger of this type) rather than have each actor
    /// create its own.
    /// </summary>
    public static Props Props(PoolOwnerDirectory owners, ServerSettings settings, ServerStatistics statistics, ILogger? log = null) =>
        Actors.Props.Create(() => new ClientActor(owners, settings, statistics, log));

    /// <inheritdoc />
    protected override void PreStart()
    {
        scheduler = Context.System.Scheduler;
        if (settings.PassivateIdleClientAfter is { } idle)
        {
            Context.SetReceiveTimeout(idle);
        }
    }

    /// <summary>
    /// Two states without a behaviour switch (a switch would build handler objects per message): ready, or waiting
    /// for the pool owner's decision on <see cref="inFlight"/>, when client messages and a stop are stashed.
    /// </summary>
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case InboundPacket packet when inFlight is null:
                OnPacket(packet);
                break;
            case InboundPacket or ClientProtocol.StopWhenIdle when inFlight is not null:
                Stash.Stash();
                break;
            case PoolOwnerProtocol.Decided decided:
                if (inFlight is not null)
                {
                    OnDecided(decided);
                }

                break; // else a late answer after a timeout: the client retransmits
            case DecisionTimedOut timedOut:
                OnDecisionTimedOut(timedOut);
                break;
            case ReceiveTimeout:
                if (inFlight is null)
                {
                    Context.Parent.Tell(new ClientRegistryProtocol.Passivate(Self), Self);
                }

                break;
            case ClientProtocol.StopWhenIdle:
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private string Client(InboundPacket packet) => clientText ??= packet.Key.ToString();

    private void OnPacket(InboundPacket packet)
    {
        var frame = packet.Frame;
        var fingerprint = FrameFingerprint.Of(frame);
        if (lastLength == frame.Length && packet.ReceivedAt - lastFrameAt < windowMs && fingerprint == lastFingerprint)
        {
            statistics.CountDuplicateDropped();
            if (log.IsEnabled(LogLevel.Debug))
            {
                DhcpLog.DuplicateDropped(log, Client(packet), packet.TransactionId, packet.MessageType.ToString(), packet.ReceivedAt - lastFrameAt, packet.Arrival.InterfaceName);
            }

            return;
        }

        lastFingerprint = fingerprint;
        lastLength = frame.Length;
        lastFrameAt = packet.ReceivedAt;
        if (lastAnswer is { Reply: not null } previous && answeredLength == frame.Length && IsRetransmission(packet, previous))
        {
            statistics.CountRetransmissionAnswered();
            if (log.IsEnabled(LogLevel.Debug))
            {
                DhcpLog.RetransmissionAnswered(log, Client(packet), packet.TransactionId, packet.MessageType.ToString());
            }

            Send(packet, previous);
            return;
        }

        var owner = owners.OwnerOf(packet.SubnetId);
        if (owner is null)
        {
            statistics.CountNoSubnet();
            return;
        }

        inFlight = packet;
        attempt++;
        owner.Tell(new PoolOwnerProtocol.Decide(packet), Self);
        ArmDecisionTimer();
    }

    /// <summary>
    /// The same message again (same bytes apart from <c>secs</c>, which retrying clients raise or leave at 0), not
    /// older than the offer lifetime of its answer: it gets the same answer, without a second decision.
    /// </summary>
    private bool IsRetransmission(InboundPacket packet, PoolOwnerProtocol.Decided previous) =>
        packet.ReceivedAt - answeredAt <= RetransmissionReuseMs(previous)
        && FrameFingerprint.IgnoringSecs(packet.Frame) is var fingerprint and not 0
        && fingerprint == answeredFingerprint;

    private static long RetransmissionReuseMs(PoolOwnerProtocol.Decided previous) =>
        previous.ReplyType == DhcpMessageType.Offer ? 30_000 : 10_000;

    private void OnDecided(PoolOwnerProtocol.Decided decided)
    {
        var packet = inFlight!;
        inFlight = null;
        DisarmDecisionTimer();
        lastAnswer = decided;
        answeredFingerprint = FrameFingerprint.IgnoringSecs(packet.Frame);
        answeredLength = packet.Frame.Length;
        answeredAt = packet.ReceivedAt;
        if (decided.Reply is not null)
        {
            Send(packet, decided);
        }
        else if (log.IsEnabled(LogLevel.Debug))
        {
            LogUnanswered(packet, decided);
        }

        Stash.UnstashAll();
    }

    /// <inheritdoc />
    protected override void PostStop() => DisarmDecisionTimer();

    /// <summary>
    /// The decision timeout: one reusable deadline per actor on the scheduler's wheel, armed for each decision with the
    /// attempt it guards (a timer per decision allocated a timer, its queue entry and a message for every packet, and a
    /// .NET timer per actor cost ~150 B and a finalizer for the actor's life). An expiry of an older attempt is ignored.
    /// </summary>
    private void ArmDecisionTimer() =>
        scheduler!.Arm(decisionDeadline ??= new DecisionDeadline(Self), settings.DecisionTimeout, attempt);

    private void DisarmDecisionTimer()
    {
        if (decisionDeadline is not null)
        {
            scheduler!.Disarm(decisionDeadline);
        }
    }

    private void OnDecisionTimedOut(DecisionTimedOut timedOut)
    {
        if (timedOut.Attempt != attempt || inFlight is null)
        {
            return;
        }

        statistics.CountDecisionTimeout();
        DhcpLog.DecisionTimeout(log, Client(inFlight), inFlight.TransactionId, (long)settings.DecisionTimeout.TotalMilliseconds);
        inFlight = null;
        Stash.UnstashAll();
    }

    private void Send(InboundPacket packet, PoolOwnerProtocol.Decided decided)
    {
        if (log.IsEnabled(LogLevel.Debug))
        {
            LogAnswer(packet, decided);
        }

        if (packet.Replies is { } replies)
        {
            replies.Send(decided.Reply!, decided.Destination, decided.ServerIdentifier, decided.ReplyType, packet.Key, packet.TransactionId);
        }
        else
        {
            packet.Socket.Tell(
                new InterfaceSocketProtocol.SendReply(decided.Reply!, decided.Destination, decided.ServerIdentifier, decided.ReplyType, packet.Key, packet.TransactionId),
                Self);
        }
    }

    private void LogAnswer(InboundPacket packet, PoolOwnerProtocol.Decided decided)
    {
        var client = Client(packet);
        switch (decided.Outcome)
        {
            case DecisionOutcome.Offered:
                DhcpLog.LeaseOffer(log, client, packet.TransactionId, decided.Address);
                break;
            case DecisionOutcome.Acknowledged:
                DhcpLog.LeaseAlloc(log, client, packet.TransactionId, decided.Address, decided.LeaseTime);
                break;
            case DecisionOutcome.Informed:
                DhcpLog.Inform(log, client, packet.TransactionId);
                break;
            default:
                if (decided.ReplyType == DhcpMessageType.Nak)
                {
                    DhcpLog.Nak(log, client, packet.TransactionId, decided.Outcome.ToString());
                }

                break;
        }
    }

    private void LogUnanswered(InboundPacket packet, PoolOwnerProtocol.Decided decided)
    {
        var client = Client(packet);
        switch (decided.Outcome)
        {
            case DecisionOutcome.Released:
                DhcpLog.Release(log, client, packet.TransactionId, decided.Address);
                break;
            case DecisionOutcome.Declined:
                break; // logged at info by the owner, with the probation
            default:
                DhcpLog.NotAnswered(log, client, packet.TransactionId, packet.MessageType.ToString(), decided.Outcome.ToString());
                break;
        }
    }

    /// <summary>The client actor's decision deadline: tells it which attempt timed out.</summary>
    private sealed class DecisionDeadline(IActorRef client) : Deadline
    {
        protected override void Expired(long token) => client.Tell(new DecisionTimedOut(token), ActorRefs.NoSender);
    }
}
