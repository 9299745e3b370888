using DhcpCluster.Actors;
using DhcpCluster.Actors.Persistence.Health;
using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.PersistentActors;
using DhcpCluster.Dhcp;
using DhcpCluster.Dhcp.Codec;
using DhcpCluster.Dhcp.Configuration;
using DhcpCluster.Dhcp.Decisions;
using DhcpCluster.Dhcp.Leases;
using DhcpCluster.Server.Hosting;
using DhcpCluster.Server.Leases.Events;
using DhcpCluster.Server.Logging;
using Microsoft.Extensions.Logging;
using static DhcpCluster.Actors.Persistence.PersistentActors.PersistenceProtocol;
using static DhcpCluster.Server.Leases.PoolOwnerProtocol;

namespace DhcpCluster.Server.Leases;

/// <summary>
/// The single owner of the addresses of one allocation domain (a subnet, or a shared network): it runs the
/// decision engine over its own lease store and persists every lease change as an event, with the lease row, before
/// it answers (RFC 2131 §3.1). Writes are pipelined (many clients in flight, batched by the journal's group commit).
/// An offer holds its address in memory only. Its persistence id fences it: a stale second owner's write collides
/// on the sequence number and that owner stops. It is rebuilt from its snapshot and journal at start, reclaims
/// expired leases on a timer, and when a write fails (database outage) it answers known clients only up to their
/// durable expiry and hands out no new address until writes succeed again.
/// </summary>
public sealed partial class PoolOwnerActor : ReceivePersistentActor, IWithTimers
{
    private const string ReclaimTimerKey = "reclaim";
    private const string JournalProbeTimerKey = "journal-probe";

    /// <summary>
    /// While writes are refused, how often the owner looks at the database's health: a write can fail on a stale
    /// pooled connection while the database is reachable (the health stays Connected and publishes no change), and
    /// an owner that refuses new clients would otherwise never write again to find out.
    /// </summary>
    /// <summary>
    /// A snapshot writes every lease, so an owner snapshots at most once per this fraction of its lease count in events
    /// (and at least snapshot-every events apart): the snapshot's cost per event stays at most this many lease records
    /// however many leases the owner holds, and a restart replays at most that many events after the snapshot.
    /// </summary>
    internal const int SnapshotLeaseFraction = 4;

    private static readonly TimeSpan JournalProbeInterval = TimeSpan.FromSeconds(1);
    private readonly AllocationDomain domain;
    private readonly Dhcp4Configuration configuration;
    private readonly ServerSettings settings;
    private readonly ServerStatistics statistics;
    private readonly LeaseStore store;
    private readonly Dhcp4Engine engine;
    private readonly DhcpPacket request = new();
    private readonly byte[] replyBuffer = new byte[DhcpConstants.MaxPayloadSize(ushort.MaxValue)];
    private readonly DurableLeases durable;
    private readonly Queue<PendingWrite> pending = new();
    private readonly List<Lease> reclaimed = [];
    private readonly Action<Lease, bool> onReclaimed;
    private readonly Action<Lease> applyDurable;
    private readonly ILogger log;
    private IDisposable? healthSubscription;
    private bool journalDown;
    private long failuresWhileDown;
    private long lastWriteFailureTicks;
    private int eventsSinceSnapshot;

    /// <summary>Creates the owner of <paramref name="domain"/>.</summary>
    public PoolOwnerActor(Dhcp4Configuration configuration, AllocationDomain domain, IReadOnlyList<Ipv4Address> serverAddresses, ServerSettings settings, ServerStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(domain);
        this.configuration = configuration;
        this.domain = domain;
        this.settings = settings;
        this.statistics = statistics;
        store = new LeaseStore(configuration, serverAddresses, StableSeed(domain.Id), domain.Owns);
        engine = new Dhcp4Engine(store);
        durable = new DurableLeases(store);
        onReclaimed = (lease, _) => reclaimed.Add(lease);
        applyDurable = ApplyDurable;
        log = Context.GetLogger();

        Recover<SnapshotOffer>(offer => RecoverSnapshot((PoolOwnerSnapshot)offer.Snapshot));
        Recover<LeaseBound>(e => ApplyDurable(e.Lease));
        Recover<LeaseRenewed>(e => ApplyDurable(e.Lease));
        Recover<LeaseReleased>(e => ApplyDurable(e.Lease));
        Recover<LeaseDeclined>(e => ApplyDurable(e.Lease));
        Recover<LeaseExpired>(e => ApplyDurable(e.Lease));
        Recover<LeaseSetByCommand>(e => ApplyDurable(e.Lease));
        Recover<LeaseDeletedByCommand>(e => RecoverDeleted(e.Lease));
        Recover<RecoveryCompleted>(_ => OnRecovered());

        Command<Decide>(OnDecide);
        Command<ReclaimExpired>(_ => Reclaim());
        Command<GetLeases>(_ => Sender.Tell(new LeaseList([.. store.AllLeases], durable.All()), Self));
        Command<AddLease>(OnAddLease);
        Command<UpdateLease>(OnUpdateLease);
        Command<DeleteLease>(OnDeleteLease);
        Command<WipeLeases>(OnWipeLeases);
        Command<DatabaseHealth>(OnHealth);
        Command<JournalProbe>(_ => OnJournalProbe());
        Command<ImportLeases>(OnImport);
        Command<SaveSnapshotSuccess>(_ => { });
        Command<SaveSnapshotFailure>(f => log.LogWarning(f.Cause, "Snapshot of {PersistenceId} failed: {Message}", PersistenceId, f.Cause.Message));
    }

    /// <inheritdoc />
    public override string PersistenceId => domain.PersistenceId;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private OnFailAction OnFail => PersistenceExtension.Get(Context.System).Store.Health.Settings.OnFail;

    /// <summary>Props for the owner of <paramref name="domain"/>.</summary>
    public static Props Props(Dhcp4Configuration configuration, AllocationDomain domain, IReadOnlyList<Ipv4Address> serverAddresses, ServerSettings settings, ServerStatistics statistics) =>
        Actors.Props.Create(() => new PoolOwnerActor(configuration, domain, serverAddresses, settings, statistics));

    /// <inheritdoc />
    protected override void PostStop()
    {
        healthSubscription?.Dispose();
        base.PostStop();
    }

    /// <inheritdoc />
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        var write = pending.Dequeue();
        if (cause is JournalWriteRejectedException { IsDuplicateSequenceNr: true })
        {
            DhcpLog.OwnerFenced(log, PersistenceId, sequenceNr);
            write.ReplyTo?.Tell(Unanswered(DecisionOutcome.DroppedNoAddress, write.Lease.Address), Self);
            write.Command?.Failed($"the owner {PersistenceId} was fenced by another writer and stops", Self);
            Context.Stop(Self);
            return;
        }

        statistics.CountJournalFailure();
        lastWriteFailureTicks = Environment.TickCount64;
        MarkJournalDown(cause.GetBaseException().Message);
        failuresWhileDown++;
        FailWrite(write);
    }

    /// <inheritdoc />
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        var write = pending.Dequeue();
        log.LogError(cause, "Lease write of {PersistenceId} for {Address} was rejected: {Message}", PersistenceId, write.Lease.Address, cause.Message);
        FailWrite(write);
    }

    private static ulong StableSeed(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private void OnRecovered()
    {
        DhcpLog.OwnerRecovered(log, PersistenceId, durable.Count, LastSequenceNr);
        Timers.StartPeriodicTimer(ReclaimTimerKey, ReclaimExpired.Instance, settings.ReclaimInterval);
        var self = Self;
        healthSubscription = PersistenceExtension.Get(Context.System).Store.Health.Subscribe(new HealthForwarder(self));
    }

    private void OnHealth(DatabaseHealth health)
    {
        if (health.Status == DatabaseStatus.Connected)
        {
            MarkJournalUp();
        }
        else if (health.Status is DatabaseStatus.Reconnecting or DatabaseStatus.LostServing or DatabaseStatus.Failed)
        {
            MarkJournalDown(health.LastError ?? health.Status.ToString());
        }
    }

    /// <summary>The database is reachable and no write has failed for a probe interval: the last failure was not an outage.</summary>
    private void OnJournalProbe()
    {
        if (journalDown && PersistenceExtension.Get(Context.System).Store.Health.Current.Status == DatabaseStatus.Connected
            && Environment.TickCount64 - lastWriteFailureTicks >= (long)JournalProbeInterval.TotalMilliseconds)
        {
            MarkJournalUp();
        }
    }

    private void MarkJournalDown(string error)
    {
        if (!journalDown)
        {
            journalDown = true;
            failuresWhileDown = 0;
            DhcpLog.JournalLost(log, PersistenceId, error);
            Timers.StartPeriodicTimer(JournalProbeTimerKey, JournalProbe.Instance, JournalProbeInterval);
        }
    }

    private void MarkJournalUp()
    {
        if (journalDown)
        {
            journalDown = false;
            Timers.Cancel(JournalProbeTimerKey);
            DhcpLog.JournalRecovered(log, PersistenceId, failuresWhileDown);
        }
    }

    private void OnDecide(Decide decide)
    {
        var packet = decide.Packet;
        if (!DhcpPacket.TryParse(packet.Frame, request, out _))
        {
            Sender.Tell(Unanswered(DecisionOutcome.DroppedInvalid, default), Self);
            return;
        }

        var now = settings.Clock();
        var decision = engine.Decide(request, packet.Arrival, now);
        switch (decision.Change)
        {
            case LeaseChangeKind.Bound:
                PersistChange(decision, decision.Lease, Answer(decision), WriteKind.Bind, now);
                break;
            case LeaseChangeKind.Released:
                statistics.CountLeaseReleased();
                PersistChange(decision, decision.Lease, Answer(decision), WriteKind.Release, now);
                break;
            case LeaseChangeKind.Declined:
                statistics.CountLeaseDeclined();
                DhcpLog.Decline(log, packet.Key.ToString(), packet.TransactionId, decision.Lease.Address, decision.Lease.Expires - now);
                PersistChange(decision, decision.Lease, Answer(decision), WriteKind.Decline, now);
                break;
            default:
                if (decision.Reply == ReplyKind.Offer && journalDown && !MayOfferDuringOutage(decision, now))
                {
                    Revert(decision.YourAddress);
                    statistics.CountRefusedDuringOutage();
                    Sender.Tell(Unanswered(DecisionOutcome.DroppedNoAddress, decision.YourAddress), Self);
                    return;
                }

                Sender.Tell(Answer(decision), Self);
                break;
        }
    }

    /// <summary>Adopts a Kea lease file's leases, once: only into an empty journal (a restart finds its events and skips).</summary>
    private void OnImport(ImportLeases import)
    {
        if (LastSequenceNr > 0 || durable.Count > 0)
        {
            DhcpLog.LeaseImportSkipped(log, PersistenceId, LastSequenceNr, import.File);
            return;
        }

        var now = settings.Clock();
        var imported = 0;
        foreach (var lease in import.Leases)
        {
            if (lease.State is not (LeaseState.Bound or LeaseState.Declined) || lease.Expires <= now
                || configuration.FindSubnet(lease.SubnetId) is not { } subnet || !domain.Owns(subnet) || !subnet.Contains(lease.Address))
            {
                continue;
            }

            store.Put(lease);
            pending.Enqueue(new PendingWrite(null, null, lease, WriteKind.Import));
            object @event = lease.State == LeaseState.Bound
                ? new LeaseBound { Lease = LeaseRecords.ToRecord(lease) }
                : new LeaseDeclined { Lease = LeaseRecords.ToRecord(lease) };
            PersistAsync(@event, [LeaseReadModel.ChangeFor(lease)], OnPersisted);
            imported++;
        }

        DhcpLog.LeasesImported(log, PersistenceId, imported, import.File, import.Leases.Count - imported);
    }

    /// <summary>While writes fail, only a client's own durable, unexpired lease is offered, and only up to its expiry.</summary>
    private bool MayOfferDuringOutage(Dhcp4Decision decision, long now)
    {
        if (OnFail == OnFailAction.StopRetryExit || !durable.TryGet(decision.YourAddress, out var lease)
            || lease.State != LeaseState.Bound || !lease.BelongsTo(decision.Client) || lease.Expires <= now)
        {
            return false;
        }

        decision.LimitLeaseTime((uint)(lease.Expires - now));
        return true;
    }

    private Decided Answer(Dhcp4Decision decision)
    {
        byte[]? reply = null;
        if (decision.Reply != ReplyKind.None)
        {
            var length = ReplyWriter.Write(decision, request, replyBuffer);
            reply = replyBuffer.AsSpan(0, length).ToArray();
        }

        var type = decision.Reply switch
        {
            ReplyKind.Offer => DhcpMessageType.Offer,
            ReplyKind.Ack or ReplyKind.InformAck => DhcpMessageType.Ack,
            ReplyKind.Nak => DhcpMessageType.Nak,
            _ => DhcpMessageType.None,
        };
        var address = decision.Change != LeaseChangeKind.None ? decision.Lease.Address : decision.YourAddress;
        return new Decided(reply, type, decision.Destination, decision.ServerIdentifier, decision.Outcome, address, decision.LeaseTime);
    }

    private static Decided Unanswered(DecisionOutcome outcome, Ipv4Address address) =>
        new(null, DhcpMessageType.None, default, default, outcome, address, 0);

    private void PersistChange(Dhcp4Decision decision, Lease lease, Decided answer, WriteKind kind, long now)
    {
        object @event = kind switch
        {
            WriteKind.Bind when durable.TryGet(lease.Address, out var before) && before.State == LeaseState.Bound
                && before.Expires > now && before.BelongsTo(decision.Client) => new LeaseRenewed { Lease = LeaseRecords.ToRecord(lease) },
            WriteKind.Bind => new LeaseBound { Lease = LeaseRecords.ToRecord(lease) },
            WriteKind.Release => new LeaseReleased { Lease = LeaseRecords.ToRecord(lease) },
            WriteKind.Decline => new LeaseDeclined { Lease = LeaseRecords.ToRecord(lease) },
            _ => new LeaseExpired { Lease = LeaseRecords.ToRecord(lease) },
        };
        pending.Enqueue(new PendingWrite(Sender, answer, lease, kind));
        PersistAsync(@event, [LeaseReadModel.ChangeFor(lease)], OnPersisted);
    }

    private void OnPersisted(object @event)
    {
        var write = pending.Dequeue();
        if (write.Kind == WriteKind.Delete)
        {
            RemoveDurable(write.Lease.Address);
        }
        else
        {
            SetDurable(write.Lease);
        }

        MarkJournalUp();

        if (write.Kind == WriteKind.Bind)
        {
            statistics.CountLeaseBound();
        }
        else if (write.Kind == WriteKind.Expire)
        {
            statistics.CountLeaseExpired();
        }

        if (write.Answer is not null)
        {
            write.ReplyTo?.Tell(write.Answer, Self);
        }

        write.Command?.Succeeded(write.Lease, Self);

        if (settings.SnapshotEvery > 0 && ++eventsSinceSnapshot >= Math.Max(settings.SnapshotEvery, durable.Count / SnapshotLeaseFraction))
        {
            eventsSinceSnapshot = 0;
            SaveSnapshot(LeaseSnapshots.Pack(durable.Enumerate(), durable.Count));
        }
    }

    /// <summary>
    /// A write failed: the in-memory lease goes back to its durable state, and the client is answered only if it
    /// holds that address durably (lease times cut to the durable expiry) and on-fail lets the server serve.
    /// </summary>
    private void FailWrite(PendingWrite write)
    {
        var address = write.Lease.Address;
        Revert(address);
        if (write.Command is { } command)
        {
            command.Failed($"the lease journal did not write the change of {address}", Self);
            return;
        }

        var now = settings.Clock();
        var answer = write.Answer;
        if (write.Kind == WriteKind.Bind && answer?.Reply is not null && answer.ReplyType == DhcpMessageType.Ack && OnFail != OnFailAction.StopRetryExit
            && durable.TryGet(address, out var held) && held.State == LeaseState.Bound && held.Expires > now
            && held.Owner == write.Lease.Owner)
        {
            var remaining = (uint)(held.Expires - now);
            ReplyLeaseTimes.Limit(answer.Reply, remaining);
            statistics.CountAnsweredFromDurableState();
            DhcpLog.AnsweredFromDurableState(log, held.Owner.ToString(), 0, address, remaining);
            write.ReplyTo?.Tell(answer with { LeaseTime = Math.Min(answer.LeaseTime, remaining) }, Self);
            return;
        }

        if (write.Kind == WriteKind.Bind)
        {
            statistics.CountRefusedDuringOutage();
        }

        write.ReplyTo?.Tell(Unanswered(DecisionOutcome.DroppedNoAddress, address), Self);
    }

    private void Revert(Ipv4Address address)
    {
        if (durable.TryGet(address, out var lease))
        {
            store.Put(lease);
        }
        else
        {
            store.Remove(address);
        }

        durable.Settle(address);
    }

    private void Reclaim()
    {
        var now = settings.Clock();
        reclaimed.Clear();
        store.Reclaim(now, onReclaimed);
        durable.SettleAll();
        if (pending.Count == 0)
        {
            pending.TrimExcess(); // a burst of writes grew it; nothing is in flight now
        }
        foreach (var lease in reclaimed)
        {
            if (lease.State == LeaseState.Offered)
            {
                continue; // offers were never written
            }

            if (lease.State == LeaseState.Declined)
            {
                statistics.CountDeclinedReclaimed();
            }

            var expired = lease with { State = LeaseState.Expired };
            if (log.IsEnabled(LogLevel.Debug))
            {
                DhcpLog.LeaseReclaimed(log, lease.Owner.ToString(), lease.Address);
            }

            pending.Enqueue(new PendingWrite(null, null, expired, WriteKind.Expire));
            PersistAsync(new LeaseExpired { Lease = LeaseRecords.ToRecord(expired) }, [LeaseReadModel.ChangeFor(expired)], OnPersisted);
        }
    }

    private void RecoverSnapshot(PoolOwnerSnapshot snapshot) => LeaseSnapshots.Unpack(snapshot, applyDurable);

    private void ApplyDurable(LeaseRecord record) => ApplyDurable(LeaseRecords.FromRecord(record));

    private void ApplyDurable(Lease lease)
    {
        if (configuration.FindSubnet(lease.SubnetId) is { } subnet && !domain.Owns(subnet))
        {
            return; // the configuration moved this subnet to another domain
        }

        statistics.Leases.Changed(durable.Recover(lease), lease);
    }

    private void SetDurable(in Lease lease)
    {
        statistics.Leases.Changed(durable.TryGet(lease.Address, out var before) ? before : null, lease);
        durable.Set(lease);
    }

    private void RemoveDurable(Ipv4Address address)
    {
        if (durable.TryGet(address, out var before))
        {
            statistics.Leases.Changed(before, null);
            durable.Remove(address);
        }
    }

    private enum WriteKind
    {
        Bind,
        Release,
        Decline,
        Expire,
        Import,
        Set,
        Delete,
    }

    private readonly record struct PendingWrite(IActorRef? ReplyTo, Decided? Answer, Lease Lease, WriteKind Kind, LeaseCommandProgress? Command = null);

    private sealed class HealthForwarder(IActorRef owner) : IObserver<DatabaseHealth>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(DatabaseHealth value) => owner.Tell(value, ActorRefs.NoSender);
    }
}
