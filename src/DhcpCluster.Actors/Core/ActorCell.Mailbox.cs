using System.Runtime.CompilerServices;

namespace DhcpCluster.Actors;

/// <summary>
/// The mailbox half of the cell: a multi-producer single-consumer linked queue for normal messages
/// (producers swap the tail atomically and link the previous node; the consumer owns the head, a consumed node or,
/// whenever the queue has been found empty, the cell itself),
/// a lock-free stack for system messages, a consumer-private front list for unstashed messages, and
/// one atomic status word whose Scheduled bit guarantees at most one thread runs the actor.
/// </summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int ScheduledBit = 1;
    private const int ClosedBit = 2;

    private MailboxNode _head;
    private MailboxNode _tail;
    private Envelope? _front;
    private SystemMessageNode? _systemStack;
    private int _status;
    private int _boundedCount;

    /// <summary>The dispatcher's dedicated executor; null: the .NET thread pool.</summary>
    private readonly ForkJoinExecutor? _executor;

    /// <summary>Non-zero while normal messages must not be processed (failed, suspended, awaiting, held, terminating).</summary>
    private int _blocked;

    [ThreadStatic]
    private static ActorCell? t_current;

    /// <summary>The cell whose actor runs on this thread, or null.</summary>
    internal static ActorCell? Current => t_current;

    /// <summary>The running actor's ref, or null outside an actor.</summary>
    internal static IActorRef? CurrentSelfOrNoSender => t_current?._self;

    private bool IsClosed => (Volatile.Read(ref _status) & ClosedBit) != 0;

    private bool HasNormalMessages => _front is not null || !ReferenceEquals(_head, Volatile.Read(ref _tail));

    /// <summary>Enqueues a normal message (any thread).</summary>
    internal void Post(object message, IActorRef? sender) => Post(message, sender, MessageClock.UtcNowTicks, bypassCapacity: false);

    /// <summary>Enqueues a normal message; runtime notifications (death watch) bypass a bounded mailbox's capacity.</summary>
    internal void Post(object message, IActorRef? sender, bool bypassCapacity) => Post(message, sender, MessageClock.UtcNowTicks, bypassCapacity);

    /// <summary>Enqueues a normal message created at <paramref name="createdUtcTicks"/> (a message that arrived from another node keeps its sender's time).</summary>
    internal void Post(object message, IActorRef? sender, long createdUtcTicks, bool bypassCapacity)
    {
        if (_mailboxCapacity > 0 && Interlocked.Increment(ref _boundedCount) > _mailboxCapacity && !bypassCapacity)
        {
            Interlocked.Decrement(ref _boundedCount);
            _system.DeadLetterFromMailbox(message, sender, _self, "mailbox full");
            return;
        }

        var node = new Envelope(message, sender, createdUtcTicks);
        var previous = Interlocked.Exchange(ref _tail, node);
        Volatile.Write(ref previous.Next, node);
        if (Volatile.Read(ref _blocked) == 0 || (Volatile.Read(ref _status) & ClosedBit) != 0)
        {
            TrySchedule();
        }
    }

    /// <summary>Enqueues a system message (any thread).</summary>
    internal void PostSystem(SystemMessage message)
    {
        var current = Volatile.Read(ref _systemStack);
        while (true)
        {
            var node = new SystemMessageNode(message, current);
            var seen = Interlocked.CompareExchange(ref _systemStack, node, current);
            if (ReferenceEquals(seen, current))
            {
                break;
            }

            current = seen;
        }

        TrySchedule();
    }

    private void TrySchedule()
    {
        var status = Volatile.Read(ref _status);
        while ((status & ScheduledBit) == 0)
        {
            var seen = Interlocked.CompareExchange(ref _status, status | ScheduledBit, status);
            if (seen == status)
            {
                if (_executor is null)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: true);
                }
                else
                {
                    _executor.Schedule(this);
                }

                return;
            }

            status = seen;
        }
    }

    /// <summary>Runs the actor for one turn: system messages, then up to <c>throughput</c> messages.</summary>
    public void Execute()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            if (IsClosed)
            {
                DrainAfterTermination();
                return;
            }

            ProcessSystemMessages();
            var left = _throughput;
            while (left > 0 && _blocked == 0)
            {
                var envelope = Dequeue();
                if (envelope is null)
                {
                    ParkStub();
                    break;
                }

                left--;
                var message = envelope.Message!;
                var sender = envelope.Sender;
                envelope.Message = null;
                envelope.Sender = null;
                Invoke(message, sender, envelope.CreatedUtcTicks);
                if (Volatile.Read(ref _systemStack) is not null)
                {
                    ProcessSystemMessages();
                }
            }
        }
        catch (Exception e)
        {
            // Last resort: user code is guarded in Invoke and HandleSystemMessage; this catches runtime faults
            // (e.g. a throwing transport or log provider) so a thread-pool thread never dies with the process.
            _system.LogRuntimeFault(e, _self);
        }
        finally
        {
            t_current = previous;
            Interlocked.And(ref _status, ~ScheduledBit);
            if (Volatile.Read(ref _systemStack) is not null || (HasNormalMessages && (_blocked == 0 || IsClosed)))
            {
                TrySchedule();
            }
        }
    }

    private Envelope? Dequeue()
    {
        var front = _front;
        if (front is not null)
        {
            _front = Unsafe.As<Envelope?>(front.Next); // the front list holds envelopes only
            front.Next = null;
            return front;
        }

        var next = Volatile.Read(ref _head.Next);
        if (next is null)
        {
            return null;
        }

        _head = next;
        if (_mailboxCapacity > 0)
        {
            Interlocked.Decrement(ref _boundedCount);
        }

        return Unsafe.As<Envelope>(next); // only the head can be the cell itself: whatever follows it is an envelope
    }

    /// <summary>
    /// The queue is empty: makes the cell itself the stub again, so the consumed envelope at the head is not kept for
    /// as long as the actor stays idle (48 B per idle actor, copied by every collection it survives). Only when no
    /// producer has swapped the tail since: one that has is about to link its node to the head, which stays.
    /// </summary>
    private void ParkStub()
    {
        var head = _head;
        if (ReferenceEquals(head, this))
        {
            return;
        }

        // The cell's link was last written when it stopped being the head, before the consumer could move past it.
        Next = null;
        if (ReferenceEquals(Interlocked.CompareExchange(ref _tail, this, head), head))
        {
            _head = this;
        }
    }

    /// <summary>Puts messages at the front of the mailbox, first of the list first (stash).</summary>
    internal void Prepend(Envelope first, Envelope last)
    {
        last.Next = _front;
        _front = first;
    }

    private void ProcessSystemMessages()
    {
        var stack = Interlocked.Exchange(ref _systemStack, null);
        while (stack is not null)
        {
            // The stack is newest first: reverse it to process in arrival order.
            SystemMessageNode? reversed = null;
            while (stack is not null)
            {
                var next = stack.Next;
                stack.Next = reversed;
                reversed = stack;
                stack = next;
            }

            while (reversed is not null)
            {
                var message = reversed.Message;
                reversed = reversed.Next;
                if (IsClosed)
                {
                    HandleSystemMessageWhenTerminated(message);
                }
                else
                {
                    HandleSystemMessage(message);
                }
            }

            stack = Interlocked.Exchange(ref _systemStack, null);
        }
    }

    private void DrainAfterTermination()
    {
        var stack = Interlocked.Exchange(ref _systemStack, null);
        while (stack is not null)
        {
            HandleSystemMessageWhenTerminated(stack.Message);
            stack = stack.Next;
            if (stack is null)
            {
                stack = Interlocked.Exchange(ref _systemStack, null);
            }
        }

        while (Dequeue() is { } envelope)
        {
            var message = envelope.Message!;
            var sender = envelope.Sender;
            envelope.Message = null;
            envelope.Sender = null;
            _system.DeadLetterFromMailbox(message, sender, _self, "recipient terminated");
        }
    }

    private void HandleSystemMessageWhenTerminated(SystemMessage message)
    {
        if (message is Watch watch && ReferenceEquals(watch.Watchee, _self) && !ReferenceEquals(watch.Watcher, _self))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(_self, ExistenceConfirmed: true, AddressTerminated: false));
        }
        else if (message is Failed failed)
        {
            // A child failing after its parent stopped: the child is being stopped anyway.
            (failed.Child as InternalActorRef)?.Stop();
        }
    }

    private void RecomputeBlocked()
    {
        _blocked = _failed || _suspendedBySupervisor || _awaitingTask || _holdCount > 0 || _terminating || _actor is null ? 1 : 0;
    }
}
