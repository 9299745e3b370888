using System.Collections.Concurrent;
using DhcpCluster.Actors;
using DhcpCluster.Dhcp;
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
/// <remarks>
/// Under a load of new clients every client is a new actor that lives until it is passivated, so every garbage
/// collection meanwhile copies it: what it keeps is kept small (what all client actors share is in one
/// <see cref="Shared"/>, the last answer is inline fields, the decision deadline is rented only for a decision).
/// </remarks>
public sealed class ClientActor : UntypedActor, IWithUnboundedStash
{
    private readonly Shared shared;
    private readonly ILogger log;
    private ulong lastFingerprint;
    private int lastLength = -1;
    private long lastFrameAt;
    private Answer lastAnswer;
    private ulong answeredFingerprint;
    private int answeredLength = -1;
    private long answeredAt;
    private InboundPacket? inFlight;
    private long attempt;
    private string? clientText;
    private DecisionDeadline? decisionDeadline;

    /// <summary>Creates the actor; <paramref name="log"/> is shared by the client actors (null: the actor's own logger).</summary>
    public ClientActor(PoolOwnerDirectory owners, ServerSettings settings, ServerStatistics statistics, ILogger? log = null)
        : this(new Shared(owners, settings, statistics, log))
    {
    }

    private ClientActor(Shared shared)
    {
        this.shared = shared;
        log = shared.Log ?? Context.GetLogger();
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <summary>
    /// Props for a client actor. One actor is created per client (per DHCP exchange under a load of new clients), so
    /// what they share is made once: pass <paramref name="log"/> (a logger of this type) rather than have each actor
    /// create its own.
    /// </summary>
    public static Props Props(PoolOwnerDirectory owners, ServerSettings settings, ServerStatistics statistics, ILogger? log = null)
    {
        var common = new Shared(owners, settings, statistics, log);
        return Actors.Props.Create(() => new ClientActor(common));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (shared.Settings.PassivateIdleClientAfter is { } idle)
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
        var withoutSecs = FrameFingerprint.IgnoringSecs(frame);
        var fingerprint = FrameFingerprint.Of(frame, withoutSecs);
        if (lastLength == frame.Length && packet.ReceivedAt - lastFrameAt < shared.WindowMs && fingerprint == lastFingerprint)
        {
            shared.Statistics.CountDuplicateDropped();
            if (log.IsEnabled(LogLevel.Debug))
            {
                DhcpLog.DuplicateDropped(log, Client(packet), packet.TransactionId, packet.MessageType.ToString(), packet.ReceivedAt - lastFrameAt, packet.Arrival.InterfaceName);
            }

            return;
        }

        lastFingerprint = fingerprint;
        lastLength = frame.Length;
        lastFrameAt = packet.ReceivedAt;
        if (lastAnswer.PackedReply is not null && answeredLength == frame.Length && IsRetransmission(packet, withoutSecs))
        {
            shared.Statistics.CountRetransmissionAnswered();
            if (log.IsEnabled(LogLevel.Debug))
            {
                DhcpLog.RetransmissionAnswered(log, Client(packet), packet.TransactionId, packet.MessageType.ToString());
            }

            Send(packet, CompactFrame.Unpack(lastAnswer.PackedReply), lastAnswer);
            return;
        }

        var owner = shared.Owners.OwnerOf(packet.SubnetId);
        if (owner is null)
        {
            shared.Statistics.CountNoSubnet();
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
    private bool IsRetransmission(InboundPacket packet, ulong withoutSecs) =>
        packet.ReceivedAt - answeredAt <= RetransmissionReuseMs(lastAnswer.ReplyType)
        && withoutSecs != 0
        && withoutSecs == answeredFingerprint;

    private static long RetransmissionReuseMs(DhcpMessageType replyType) =>
        replyType == DhcpMessageType.Offer ? 30_000 : 10_000;

    private void OnDecided(PoolOwnerProtocol.Decided decided)
    {
        var packet = inFlight!;
        inFlight = null;
        DisarmDecisionTimer();
        var answer = new Answer(decided);
        lastAnswer = answer;
        answeredFingerprint = FrameFingerprint.IgnoringSecs(packet.Frame);
        answeredLength = packet.Frame.Length;
        answeredAt = packet.ReceivedAt;
        if (decided.Reply is { } reply)
        {
            Send(packet, reply, answer);
        }
        else if (log.IsEnabled(LogLevel.Debug))
        {
            LogUnanswered(packet, answer);
        }

        Stash.UnstashAll();
    }

    /// <inheritdoc />
    protected override void PostStop() => DisarmDecisionTimer();

    /// <summary>
    /// The decision timeout: a deadline on the scheduler's wheel, armed for each decision with the attempt it guards and
    /// rented from the free deadlines only while a decision is in flight (a timer per decision
    /// allocated a timer, its queue entry and a message for every packet; a deadline per actor cost ~64 B for its life).
    /// An expiry of an older attempt is ignored.
    /// </summary>
    private void ArmDecisionTimer() =>
        Context.System.Scheduler.Arm(decisionDeadline ??= DecisionDeadline.Rent(Self), shared.Settings.DecisionTimeout, attempt);

    /// <summary>
    /// Disarms the decision deadline and returns it to the free ones; one that could not be disarmed (expiring right
    /// now on the wheel's thread) is left to the collector, never reused.
    /// </summary>
    private void DisarmDecisionTimer()
    {
        if (decisionDeadline is { } deadline)
        {
            decisionDeadline = null;
            if (Context.System.Scheduler.Disarm(deadline))
            {
                deadline.Return();
            }
        }
    }

    private void OnDecisionTimedOut(DecisionTimedOut timedOut)
    {
        if (timedOut.Attempt != attempt || inFlight is null)
        {
            return;
        }

        shared.Statistics.CountDecisionTimeout();
        DhcpLog.DecisionTimeout(log, Client(inFlight), inFlight.TransactionId, (long)shared.Settings.DecisionTimeout.TotalMilliseconds);
        decisionDeadline = null; // it has expired: not armed, and not returned, as it has just told this actor
        inFlight = null;
        Stash.UnstashAll();
    }

    private void Send(InboundPacket packet, byte[] reply, in Answer decided)
    {
        if (log.IsEnabled(LogLevel.Debug))
        {
            LogAnswer(packet, decided);
        }

        if (packet.Replies is { } replies)
        {
            replies.Send(reply, decided.Destination, decided.ServerIdentifier, decided.ReplyType, packet.Key, packet.TransactionId);
        }
        else
        {
            packet.Socket.Tell(
                new InterfaceSocketProtocol.SendReply(reply, decided.Destination, decided.ServerIdentifier, decided.ReplyType, packet.Key, packet.TransactionId),
                Self);
        }
    }

    private void LogAnswer(InboundPacket packet, in Answer decided)
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

    private void LogUnanswered(InboundPacket packet, in Answer decided)
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

    /// <summary>What every client actor made by one <see cref="Props"/> shares, kept once instead of in each actor.</summary>
    private sealed class Shared(PoolOwnerDirectory owners, ServerSettings settings, ServerStatistics statistics, ILogger? log)
    {
        public PoolOwnerDirectory Owners { get; } = owners;

        public ServerSettings Settings { get; } = settings ?? throw new ArgumentNullException(nameof(settings));

        public ServerStatistics Statistics { get; } = statistics;

        /// <summary>The logger all of them use (null: each its own).</summary>
        public ILogger? Log { get; } = log;

        /// <summary>The duplicate window in milliseconds.</summary>
        public long WindowMs { get; } = (long)settings.DuplicateWindow.TotalMilliseconds;
    }

    /// <summary>
    /// The last decision's answer, as the actor keeps it to answer a retransmission: the reply packed (its zero sname,
    /// file and padding left out: about 110 of 300 bytes, which every collection until passivation copies), null when
    /// the decision had no reply.
    /// </summary>
    private readonly struct Answer(PoolOwnerProtocol.Decided decided)
    {
        public byte[]? PackedReply { get; } = decided.Reply is { } reply ? CompactFrame.Pack(reply) : null;

        public DhcpMessageType ReplyType { get; } = decided.ReplyType;

        public ReplyDestination Destination { get; } = decided.Destination;

        public Ipv4Address ServerIdentifier { get; } = decided.ServerIdentifier;

        public DecisionOutcome Outcome { get; } = decided.Outcome;

        public Ipv4Address Address { get; } = decided.Address;

        public uint LeaseTime { get; } = decided.LeaseTime;
    }

    /// <summary>
    /// A client actor's decision deadline: tells it which attempt timed out. The free ones are shared by all client
    /// actors (a decision is often armed on one thread and settled on another, the journal's): a lock-free queue, whose
    /// ring segment is reused, so nothing is allocated once warm. At most <see cref="MostFree"/> are kept.
    /// </summary>
    private sealed class DecisionDeadline : Deadline
    {
        private const int MostFree = 4096;
        private static readonly ConcurrentQueue<DecisionDeadline> Free = new();
        private static int freeCount;
        private IActorRef? client;

        public static DecisionDeadline Rent(IActorRef client)
        {
            if (Free.TryDequeue(out var deadline))
            {
                Interlocked.Decrement(ref freeCount);
            }
            else
            {
                deadline = new DecisionDeadline();
            }

            deadline.client = client;
            return deadline;
        }

        /// <summary>Back to the free ones; only once disarmed (never while the wheel may expire it).</summary>
        public void Return()
        {
            client = null;
            if (Interlocked.Increment(ref freeCount) <= MostFree)
            {
                Free.Enqueue(this);
            }
            else
            {
                Interlocked.Decrement(ref freeCount);
            }
        }

        protected override void Expired(long token) => client?.Tell(new DecisionTimedOut(token), ActorRefs.NoSender);
    }
}
