using DhcpCluster.Actors.Persistence.Journal;
using DhcpCluster.Actors.Persistence.Snapshots;
using Microsoft.Extensions.Logging;
using static DhcpCluster.Actors.Persistence.PersistentActors.PersistenceProtocol;

namespace DhcpCluster.Actors.Persistence.PersistentActors;

/// <summary>
/// An event-sourced actor (Akka's <c>ReceivePersistentActor</c>): commands are handled by <c>Command</c> handlers,
/// which <c>Persist</c> events; each event's handler runs only once the event is durably committed, and while a
/// <c>Persist</c>/<c>PersistAll</c> is in flight no other command is handled (they wait in the mailbox, in order).
/// At start (and restart) the actor recovers: latest snapshot, then the events after it, through the <c>Recover</c>
/// handlers, then <see cref="RecoveryCompleted"/>. A failed write stops the actor (its supervisor may restart it with
/// backoff); a rejected write (read-model constraint) calls <see cref="OnPersistRejected"/>; a write is never reported as done
/// unless it was committed.
/// </summary>
public abstract class ReceivePersistentActor : ReceiveActor
{
    private readonly List<RecoverHandler> _recoverHandlers = [];
    private readonly Queue<Invocation> _pendingInvocations = new();
    private readonly List<AtomicWrite> _eventBatch = [];
    private readonly List<IActorRef?> _eventBatchSenders = [];
    private PersistenceExtension? _persistence;
    private long _nextSequenceNr;
    private int _stashingInvocations;
    private int _inFlightWrites;
    private bool _recovering;
    private bool _holding;
    private bool _writeInFlight;
    private Dispatcher? _dispatcher;
    private bool _inCommand;

    /// <summary>The persistence id: unique per entity, stable across restarts and nodes.</summary>
    public abstract string PersistenceId { get; }

    /// <summary>Sequence number of the last event persisted (handler run) or recovered.</summary>
    public long LastSequenceNr { get; private set; }

    /// <summary>True while recovering.</summary>
    public bool IsRecovering => _recovering;

    /// <summary>How to recover (default: latest snapshot and all later events).</summary>
    protected virtual Recovery Recovery => Recovery.Default;

    private PersistenceExtension Persistence => _persistence ??= PersistenceExtension.Get(Context.System);

    /// <summary>Handles commands of type <typeparamref name="T"/>.</summary>
    protected void Command<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => Receive(handler, shouldHandle);

    /// <summary>Handles commands of type <typeparamref name="T"/> for which the handler returns true.</summary>
    protected void Command<T>(Func<T, bool> handler) => Receive(handler);

    /// <summary>Handles commands of type <typeparamref name="T"/> asynchronously (no other command runs until the task completes).</summary>
    protected void CommandAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) => ReceiveAsync(handler, shouldHandle);

    /// <summary>Handles any command (register last).</summary>
    protected void CommandAny(Action<object> handler) => ReceiveAny(handler);

    /// <summary>Applies recovered events (and <see cref="SnapshotOffer"/>, <see cref="RecoveryCompleted"/>) of type <typeparamref name="T"/>.</summary>
    protected void Recover<T>(Action<T> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _recoverHandlers.Add(new RecoverHandler<T>(handler, shouldHandle));
    }

    /// <summary>Persists one event; <paramref name="handler"/> runs once it is committed. Commands wait meanwhile.</summary>
    protected void Persist<TEvent>(TEvent @event, Action<TEvent> handler, IReadOnlyList<string>? tags = null)
        where TEvent : notnull =>
        Enqueue([@event], handler, stashing: true, tags, readModelChanges: null);

    /// <summary>Persists one event with read-model rows committed in the same transaction.</summary>
    protected void Persist<TEvent>(TEvent @event, IReadOnlyList<ReadModels.ReadModelChange> readModelChanges, Action<TEvent> handler, IReadOnlyList<string>? tags = null)
        where TEvent : notnull =>
        Enqueue([@event], handler, stashing: true, tags, readModelChanges);

    /// <summary>Persists events atomically (all or none); <paramref name="handler"/> runs for each once they are committed. Commands wait meanwhile.</summary>
    protected void PersistAll<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler, IReadOnlyList<string>? tags = null)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        Enqueue(events.ToArray(), handler, stashing: true, tags, readModelChanges: null);
    }

    /// <summary>
    /// Persists one event with read-model changes committed in the same transaction; <paramref name="handler"/> runs
    /// once both are committed, while commands keep flowing (writes of many commands are batched by group commit).
    /// </summary>
    protected void PersistAsync<TEvent>(TEvent @event, IReadOnlyList<ReadModels.ReadModelChange> readModelChanges, Action<TEvent> handler, IReadOnlyList<string>? tags = null)
        where TEvent : notnull =>
        Enqueue([@event], handler, stashing: false, tags, readModelChanges);

    /// <summary>Persists one event; <paramref name="handler"/> runs once it is committed, while commands keep flowing.</summary>
    protected void PersistAsync<TEvent>(TEvent @event, Action<TEvent> handler, IReadOnlyList<string>? tags = null)
        where TEvent : notnull =>
        Enqueue([@event], handler, stashing: false, tags, readModelChanges: null);

    /// <summary>Persists events atomically; handlers run once they are committed, while commands keep flowing.</summary>
    protected void PersistAllAsync<TEvent>(IEnumerable<TEvent> events, Action<TEvent> handler, IReadOnlyList<string>? tags = null)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        Enqueue(events.ToArray(), handler, stashing: false, tags, readModelChanges: null);
    }

    /// <summary>Runs <paramref name="handler"/> after every earlier persist handler (at once when none is pending); nothing is written.</summary>
    protected void DeferAsync<TEvent>(TEvent @event, Action<TEvent> handler)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_pendingInvocations.Count == 0)
        {
            handler(@event);
            return;
        }

        _pendingInvocations.Enqueue(new Invocation(@event, e => handler((TEvent)e), Stashing: false, Deferred: true, SequenceNr: 0));
    }

    /// <summary>Saves a snapshot at <see cref="LastSequenceNr"/>; <see cref="SaveSnapshotSuccess"/> or <see cref="SaveSnapshotFailure"/> follows as a command.</summary>
    protected void SaveSnapshot(object snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var metadata = new SnapshotMetadata(PersistenceId, LastSequenceNr, DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var self = Self;
        _ = Persistence.Snapshots.SaveAsync(metadata, snapshot).ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? new SaveSnapshotSuccess(metadata) : new SaveSnapshotFailure(metadata, Unwrap(t)), self),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Deletes snapshots matching the criteria (fire and forget; failures are logged).</summary>
    protected void DeleteSnapshots(SnapshotSelectionCriteria criteria)
    {
        var log = Context.GetLogger();
        var pid = PersistenceId;
        _ = Persistence.Snapshots.DeleteAsync(pid, criteria).ContinueWith(
            t => log.LogWarning(t.Exception, "Deleting snapshots of {PersistenceId} failed", pid),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Deletes events up to <paramref name="toSequenceNr"/>; <see cref="DeleteMessagesSuccess"/> or <see cref="DeleteMessagesFailure"/> follows as a command.</summary>
    protected void DeleteMessages(long toSequenceNr)
    {
        var self = Self;
        _ = Persistence.Journal.DeleteMessagesToAsync(PersistenceId, toSequenceNr).ContinueWith(
            t => self.Tell(t.IsCompletedSuccessfully ? new DeleteMessagesSuccess(toSequenceNr) : new DeleteMessagesFailure(Unwrap(t), toSequenceNr), self),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>Called when recovery fails (for example an unknown manifest): logs and stops the actor.</summary>
    protected virtual void OnRecoveryFailure(Exception cause)
    {
        Context.GetLogger().LogError(cause, "Recovery of persistence id {PersistenceId} failed: {Message}", PersistenceId, cause?.Message);
        Context.Stop(Self);
    }

    /// <summary>Called when a write failed or collided with another writer of the same persistence id: logs and stops the actor. The event's handler does not run.</summary>
    protected virtual void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        Context.GetLogger().LogError(cause, "Persist of {PersistenceId} sequence number {SequenceNr} failed; stopping: {Message}", PersistenceId, sequenceNr, cause?.Message);
        Context.Stop(Self);
    }

    /// <summary>Called when a write was refused by a read-model constraint: logs; the actor goes on and the event's handler does not run.</summary>
    protected virtual void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        Context.GetLogger().LogWarning(cause, "Persist of {PersistenceId} sequence number {SequenceNr} was rejected: {Message}", PersistenceId, sequenceNr, cause?.Message);
    }

    /// <inheritdoc/>
    protected internal override bool AroundReceive(Receive receive, object message)
    {
        _inCommand = true;
        try
        {
            return base.AroundReceive(receive, message);
        }
        finally
        {
            _inCommand = false;
            FlushIfIdle();
            UpdateHold();
        }
    }

    /// <inheritdoc/>
    protected internal override void AroundPreStart()
    {
        base.AroundPreStart();
        StartRecovery();
    }

    /// <inheritdoc/>
    protected internal override void AroundPostRestart(Exception cause, object? message)
    {
        base.AroundPostRestart(cause, message);
        StartRecovery();
    }

    /// <inheritdoc/>
    protected internal override void AroundPreRestart(Exception cause, object? message)
    {
        ReleaseHold();
        base.AroundPreRestart(cause, message);
    }

    /// <inheritdoc/>
    protected internal override void AroundPostStop()
    {
        ReleaseHold();
        base.AroundPostStop();
    }

    private void Enqueue<TEvent>(TEvent[] events, Action<TEvent> handler, bool stashing, IReadOnlyList<string>? tags, IReadOnlyList<ReadModels.ReadModelChange>? readModelChanges)
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_recovering)
        {
            throw new InvalidOperationException($"Persistent actor {PersistenceId} cannot persist while recovering.");
        }

        if (events.Length == 0)
        {
            return;
        }

        var toWrite = new EventToWrite[events.Length];
        for (var i = 0; i < events.Length; i++)
        {
            var sequenceNr = ++_nextSequenceNr;
            toWrite[i] = new EventToWrite(sequenceNr, events[i], tags);
            _pendingInvocations.Enqueue(new Invocation(events[i], e => handler((TEvent)e), stashing, Deferred: false, sequenceNr));
            if (stashing)
            {
                _stashingInvocations++;
            }
        }

        _eventBatch.Add(new AtomicWrite(PersistenceId, toWrite, readModelChanges));
        _eventBatchSenders.Add(Sender);
        if (!_inCommand)
        {
            FlushIfIdle();
            UpdateHold();
        }
    }

    private void FlushIfIdle()
    {
        if (_writeInFlight || _eventBatch.Count == 0)
        {
            return;
        }

        var writes = _eventBatch.ToArray();
        var senders = _eventBatchSenders.ToArray();
        _eventBatch.Clear();
        _eventBatchSenders.Clear();
        _writeInFlight = true;
        if (Persistence.Journal is Sql.SqlEventJournal sql)
        {
            FlushToSqlJournal(sql, writes, senders);
        }
        else
        {
            FlushToJournal(writes, senders);
        }
    }

    private void FlushToSqlJournal(Sql.SqlEventJournal sql, AtomicWrite[] writes, IActorRef?[] senders)
    {
        // The SQL journal calls back on its writer lane; the callback only posts the result to this actor.
        var cell = Cell;
        var incarnation = this;
        _inFlightWrites = writes.Length;
        var queued = sql.WriteGroupWithCallback(
            writes,
            senders,
            (pending, error) => cell.RunInActor(c => (c.Actor as ReceivePersistentActor)?.OnCallbackResult(incarnation, pending.Write, error), (IActorRef?)pending.State),
            _dispatcher ??= Context.System.Dispatchers.Lookup(Context.Props.Dispatcher));
        if (!queued.IsCompletedSuccessfully)
        {
            _ = queued.AsTask().ContinueWith(
                t =>
                {
                    foreach (var write in writes)
                    {
                        cell.RunInActor(c => (c.Actor as ReceivePersistentActor)?.OnCallbackResult(incarnation, write, new JournalWriteFailedException("The write could not be queued.", Unwrap(t))));
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private void FlushToJournal(AtomicWrite[] writes, IActorRef?[] senders)
    {
        var cell = Cell;
        var sameSender = Array.TrueForAll(senders, sender => ReferenceEquals(sender, senders[0]));
        if (writes.Length == 1)
        {
            // The common case (one Persist per command): no per-flush result list.
            _ = Persistence.Journal.WriteAsync(writes[0]).ContinueWith(
                (t, state) =>
                {
                    var (actor, c, write, sender) = ((ReceivePersistentActor, ActorCell, AtomicWrite, IActorRef?))state!;
                    var error = t.IsCompletedSuccessfully ? null : Unwrap(t);
                    c.RunInActor(inner => (inner.Actor as ReceivePersistentActor)?.OnWriteResults(actor, [write], [error]), sender);
                },
                (this, cell, writes[0], senders[0]),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return;
        }

        _ = Persistence.Journal.WriteMessagesAsync(writes).ContinueWith(
            t =>
            {
                var results = t.IsCompletedSuccessfully ? t.Result : Enumerable.Repeat<Exception?>(Unwrap(t), writes.Length).ToArray();
                if (sameSender)
                {
                    cell.RunInActor(c => (c.Actor as ReceivePersistentActor)?.OnWriteResults(this, writes, results), senders[0]);
                    return;
                }

                for (var i = 0; i < writes.Length; i++)
                {
                    var index = i;
                    cell.RunInActor(c => (c.Actor as ReceivePersistentActor)?.OnWriteResults(this, [writes[index]], [results[index]], index, writes.Length), senders[index]);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnCallbackResult(ReceivePersistentActor incarnation, AtomicWrite write, Exception? error)
    {
        if (ReferenceEquals(incarnation, this))
        {
            OnWriteResult(write, error, last: --_inFlightWrites == 0);
        }
    }

    private void OnWriteResults(ReceivePersistentActor incarnation, AtomicWrite[] writes, IReadOnlyList<Exception?> errors, int offset = 0, int total = -1)
    {
        if (!ReferenceEquals(incarnation, this))
        {
            return;
        }

        for (var i = 0; i < writes.Length; i++)
        {
            OnWriteResult(writes[i], errors[i], last: total < 0 ? i == writes.Length - 1 : offset + i == total - 1);
        }
    }

    private void OnWriteResult(AtomicWrite write, Exception? error, bool last)
    {
        RunLeadingDeferred();
        for (var i = 0; i < write.Events.Count; i++)
        {
            var written = write.Events[i];
            var invocation = _pendingInvocations.Dequeue();
            if (invocation.Stashing)
            {
                _stashingInvocations--;
            }

            if (error is null)
            {
                LastSequenceNr = written.SequenceNr;
                invocation.Handler(invocation.Event);
            }
            else if (i == 0)
            {
                if (error is JournalWriteRejectedException { IsDuplicateSequenceNr: false })
                {
                    OnPersistRejected(error, invocation.Event, written.SequenceNr);
                }
                else
                {
                    OnPersistFailure(error, invocation.Event, written.SequenceNr);
                }
            }
        }

        if (last)
        {
            _writeInFlight = false;
            RunLeadingDeferred();
            FlushIfIdle();
        }

        UpdateHold();
    }

    private void RunLeadingDeferred()
    {
        while (_pendingInvocations.TryPeek(out var next) && next.Deferred)
        {
            _pendingInvocations.Dequeue();
            next.Handler(next.Event);
        }
    }

    private void StartRecovery()
    {
        _recovering = true;
        UpdateHold();
        var cell = Cell;
        var pid = PersistenceId;
        var recovery = Recovery;
        var persistence = Persistence;
        _ = Task.Run(async () =>
        {
            try
            {
                await ReplayAsync(cell, pid, recovery, persistence).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // any recovery error goes to the actor's OnRecoveryFailure
            catch (Exception ex)
#pragma warning restore CA1031
            {
                cell.RunInActor(c => (c.Actor as ReceivePersistentActor)?.RecoveryFailed(this, ex));
            }
        });
    }

    private async Task ReplayAsync(ActorCell cell, string pid, Recovery recovery, PersistenceExtension persistence)
    {
        var highest = await persistence.Store.RecoveryReader.RecoverAsync(
            pid,
            recovery.FromSnapshot,
            recovery.ToSequenceNr,
            recovery.ReplayMax,
            snapshot => cell.RunInActor(c => (c.Actor as ReceivePersistentActor)?.Recovered(this, new SnapshotOffer(snapshot.Metadata, snapshot.Snapshot), snapshot.Metadata.SequenceNr)),
            events => cell.RunInActor(c => (c.Actor as ReceivePersistentActor)?.Replayed(this, events)),
            CancellationToken.None).ConfigureAwait(false);
        cell.RunInActor(c => (c.Actor as ReceivePersistentActor)?.RecoveryDone(this, highest));
    }

    private void Recovered(ReceivePersistentActor incarnation, object message, long sequenceNr)
    {
        if (ReferenceEquals(incarnation, this))
        {
            LastSequenceNr = sequenceNr;
            _nextSequenceNr = sequenceNr;
            ApplyRecover(message);
        }
    }

    private void Replayed(ReceivePersistentActor incarnation, List<PersistedEvent> events)
    {
        if (!ReferenceEquals(incarnation, this))
        {
            return;
        }

        foreach (var e in events)
        {
            LastSequenceNr = e.SequenceNr;
            _nextSequenceNr = e.SequenceNr;
            ApplyRecover(e.Event);
        }
    }

    private void RecoveryDone(ReceivePersistentActor incarnation, long highest)
    {
        if (!ReferenceEquals(incarnation, this))
        {
            return;
        }

        // Sequence numbers continue after the highest ever written, deleted or not replayed.
        _nextSequenceNr = Math.Max(_nextSequenceNr, highest);
        LastSequenceNr = Math.Max(LastSequenceNr, _nextSequenceNr);
        _recovering = false;
        ApplyRecover(RecoveryCompleted.Instance);
        UpdateHold();
    }

    private void RecoveryFailed(ReceivePersistentActor incarnation, Exception cause)
    {
        if (ReferenceEquals(incarnation, this))
        {
            OnRecoveryFailure(cause);
        }
    }

    private void ApplyRecover(object message)
    {
        foreach (var handler in _recoverHandlers)
        {
            if (handler.TryHandle(message))
            {
                return;
            }
        }

        if (message is not RecoveryCompleted and not SnapshotOffer)
        {
            Unhandled(message);
        }
    }

    private void UpdateHold()
    {
        var hold = _recovering || _stashingInvocations > 0;
        if (hold && !_holding)
        {
            _holding = true;
            Cell.HoldMessages();
        }
        else if (!hold && _holding)
        {
            ReleaseHold();
        }
    }

    private void ReleaseHold()
    {
        if (_holding)
        {
            _holding = false;
            CellOrNull?.ReleaseMessages();
        }
    }

    private static Exception Unwrap(Task task) =>
        task.Exception?.InnerExceptions.Count == 1 ? task.Exception.InnerException! : (Exception?)task.Exception ?? new TaskCanceledException(task);

    private sealed record Invocation(object Event, Action<object> Handler, bool Stashing, bool Deferred, long SequenceNr);

    private abstract class RecoverHandler
    {
        public abstract bool TryHandle(object message);
    }

    private sealed class RecoverHandler<T>(Action<T> handler, Predicate<T>? predicate) : RecoverHandler
    {
        public override bool TryHandle(object message)
        {
            if (message is T typed && (predicate is null || predicate(typed)))
            {
                handler(typed);
                return true;
            }

            return false;
        }
    }
}
