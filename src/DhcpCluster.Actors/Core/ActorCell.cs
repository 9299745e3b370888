using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>
/// The runtime side of one local actor: its mailbox, its current actor instance, behaviour stack,
/// children, watchers and supervision state. Everything except posting messages runs on the single
/// thread that currently executes the cell, so none of it needs locks (children excepted: other
/// threads may create top-level actors and look children up).
/// </summary>
internal sealed partial class ActorCell : MailboxNode, IActorContext
{
    private readonly ActorSystemImpl _system;
    private readonly LocalActorRef _self;
    private readonly InternalActorRef _parent;
    private readonly Props _props;
    private readonly int _throughput;
    private readonly int _mailboxCapacity;

    private ActorBase? _actor;
    private Receive? _behavior;
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private long _currentCreatedUtcTicks;
    private CellExtras? _extras;
    private ReceiveTimeoutDeadline? _receiveTimeout;

    /// <summary>The first actor watching this one (the others are in the extras).</summary>
    private InternalActorRef? _watchedByOne;
    private ChildrenContainer? _children;

    private bool _failed;
    private bool _suspendedBySupervisor;
    private bool _awaitingTask;
    private bool _terminating;
    private int _holdCount;
    private volatile bool _terminated;
    private long _invocation;

    [ThreadStatic]
    private static ActorCell? t_constructing;

    public ActorCell(ActorSystemImpl system, ActorPath path, Props props, InternalActorRef parent)
    {
        _system = system;
        _props = props;
        _parent = parent;
        var dispatcher = system.Dispatchers.Lookup(props.Dispatcher);
        _throughput = dispatcher.Throughput;
        _executor = dispatcher.Executor;
        _mailboxCapacity = system.Mailboxes.Lookup(props.Mailbox).Capacity;
        _head = _tail = this;
        _self = new LocalActorRef(this, path);
        _blocked = 1;
    }

    /// <summary>The cell whose actor is being constructed on this thread.</summary>
    internal static ActorCell? Constructing => t_constructing;

    public LocalActorRef SelfRef => _self;

    public InternalActorRef ParentRef => _parent;

    public ActorSystemImpl SystemImpl => _system;

    public bool IsTerminated => _terminated;

    public ActorBase? Actor => _actor;

    public object? CurrentMessage => _currentMessage;

    /// <summary>Number of messages this cell has invoked (used by the stash to refuse stashing one message twice).</summary>
    internal long Invocation => _invocation;

    // ---- IActorContext ----

    public IActorRef Self => _self;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public DateTime CurrentMessageCreatedUtc => new(_currentCreatedUtcTicks, DateTimeKind.Utc);

    public IActorRef Parent => _parent;

    public ActorSystem System => _system;

    public Props Props => _props;

    public TimeSpan? ReceiveTimeout => _receiveTimeout?.Timeout;

    public IActorRef ActorOf(Props props, string? name = null) => ActorOfInternal(props, name);

    public IActorRef Child(string name) => (IActorRef?)TryGetChild(name) ?? Nobody.Instance;

    public IEnumerable<IActorRef> GetChildren() => ChildrenSnapshot();

    public IReadOnlyCollection<IActorRef> Children => ChildrenSnapshot();

    public ActorSelection ActorSelection(string path) => _system.ActorSelectionFrom(_self, path);

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        _behavior = receive;
        _extras?.BehaviorStack?.Clear();
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var extras = Extras;
        extras.BehaviorStack ??= [];
        extras.BehaviorStack.Add(_behavior);
        _behavior = receive;
    }

    public void UnbecomeStacked()
    {
        var stack = _extras?.BehaviorStack;
        if (stack is { Count: > 0 })
        {
            _behavior = stack[^1];
            stack.RemoveAt(stack.Count - 1);
        }
    }

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is { } t && (t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan))
        {
            timeout = null;
        }

        if (timeout is { } value)
        {
            var deadline = _receiveTimeout ??= new ReceiveTimeoutDeadline(this);
            deadline.Timeout = value;
            Volatile.Write(ref deadline.LastActivity, Environment.TickCount64);
            _system.Scheduler.Arm(deadline, value);
        }
        else if (_receiveTimeout is { } deadline)
        {
            deadline.Timeout = null;
            _system.Scheduler.Disarm(deadline);
        }
    }

    // ---- extension hooks for persistence, remote and cluster (InternalsVisibleTo) ----

    /// <summary>Stops processing normal messages until <see cref="ReleaseMessages"/> (system messages still flow).</summary>
    internal void HoldMessages()
    {
        _holdCount++;
        RecomputeBlocked();
    }

    /// <summary>Undoes one <see cref="HoldMessages"/>.</summary>
    internal void ReleaseMessages()
    {
        if (_holdCount > 0)
        {
            _holdCount--;
        }

        RecomputeBlocked();
    }

    /// <summary>Runs an action inside the actor (serialized with its messages), from any thread.</summary>
    internal void RunInActor(Action<ActorCell> action) => PostSystem(new RunInActor(action));

    /// <summary>Runs an action inside the actor with <see cref="Sender"/> set to <paramref name="sender"/> while it runs (persist handlers see the sender of the command that persisted).</summary>
    internal void RunInActor(Action<ActorCell> action, IActorRef? sender) => PostSystem(new RunInActor(action, sender));

    /// <summary>The sender of the message being processed (null when none).</summary>
    internal IActorRef? CurrentSenderOrNull => _currentSender;

    /// <summary>When the message being processed was created (UTC ticks).</summary>
    internal long CurrentCreatedUtcTicks => _currentCreatedUtcTicks;

    internal CellExtras Extras => _extras ??= new CellExtras();

    internal ILogger Logger => Extras.Logger ??= _system.CreateActorLogger(_props.Type, _self.Path);

    // ---- lifecycle ----

    /// <summary>Starts the actor: its constructor and PreStart run on the dispatcher.</summary>
    public void Start() => PostSystem(new Create());

    private void HandleSystemMessage(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    CreateActor(recreateCause: null);
                    break;
                case Terminate:
                    BeginTerminate();
                    break;
                case Watch watch:
                    AddWatcher(watch.Watchee, watch.Watcher);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch.Watchee, unwatch.Watcher);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification);
                    break;
                case Failed failed:
                    HandleChildFailure(failed);
                    break;
                case ChildTerminated childTerminated:
                    HandleChildTerminated(childTerminated.Child);
                    break;
                case Resume resume:
                    HandleResume(resume);
                    break;
                case Suspend:
                    HandleSuspend();
                    break;
                case Recreate recreate:
                    HandleRecreate(recreate.Cause);
                    break;
                case RunContinuation continuation:
                    RunAsyncContinuation(continuation);
                    break;
                case AsyncHandlerCompleted completed:
                    HandleAsyncCompleted(completed);
                    break;
                case RunInActor run:
                    RunInActorNow(run);
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    private void RunInActorNow(RunInActor run)
    {
        if (_terminating || _actor is null)
        {
            return;
        }

        var savedSender = _currentSender;
        _currentSender = run.Sender ?? savedSender;
        try
        {
            run.Action(this);
        }
        finally
        {
            _currentSender = savedSender;
        }
    }

    private ActorBase NewActorInstance()
    {
        var previous = t_constructing;
        t_constructing = this;
        try
        {
            var actor = _props.NewActor();
            if (!ReferenceEquals(actor.CellOrNull, this))
            {
                throw new ActorUsageException($"The factory of {_props} returned an actor that was not constructed by it.");
            }

            return actor;
        }
        finally
        {
            t_constructing = previous;
        }
    }

    private void CreateActor(Exception? recreateCause)
    {
        if (_terminating)
        {
            return;
        }

        ActorBase actor;
        try
        {
            actor = NewActorInstance();
            _actor = actor;
            _behavior = actor.InitialBehavior();
            InjectSupport(actor);
            RecomputeBlocked();
            if (recreateCause is null)
            {
                actor.AroundPreStart();
            }
            else
            {
                actor.AroundPostRestart(recreateCause, null);
            }
        }
        catch (Exception e)
        {
            var failure = recreateCause is null
                ? new ActorInitializationException($"Exception while creating actor {_self.Path}: {e.Message}", e) { Actor = _self }
                : new PostRestartException($"Exception post restart of actor {_self.Path}: {e.Message}", e) { Actor = _self, OriginalCause = recreateCause };
            HandleInvokeFailure(failure);
        }
    }

    private void InjectSupport(ActorBase actor)
    {
        if (actor is IWithTimers withTimers)
        {
            withTimers.Timers = new TimerScheduler(this);
        }

        if (actor is IWithUnboundedStash withStash)
        {
            withStash.Stash = this;
        }
    }

    // ---- message invocation ----

    private void Invoke(object message, IActorRef? sender, long createdUtcTicks)
    {
        _currentMessage = message;
        _currentSender = sender;
        _currentCreatedUtcTicks = createdUtcTicks;
        _invocation++;
        try
        {
            if (message is IAutoReceivedMessage)
            {
                AutoReceive(message);
            }
            else
            {
                ReceiveMessage(message);
            }

            if (_receiveTimeout is { Timeout: not null } receiveTimeout && message is not INotInfluenceReceiveTimeout)
            {
                Volatile.Write(ref receiveTimeout.LastActivity, Environment.TickCount64);
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            if (!_awaitingTask)
            {
                _currentMessage = null;
                _currentSender = null;
            }
        }
    }

    /// <summary>Hands a message to the actor's current behaviour, and to <c>Unhandled</c> when it declines.</summary>
    internal void ReceiveMessage(object message)
    {
        var actor = _actor!;
        if (!ReceiveByBehavior(actor, message))
        {
            actor.UnhandledMessage(message);
        }
    }

    /// <summary>The current behaviour handles <paramref name="message"/>; a null behaviour is the actor's own <c>Receive</c>.</summary>
    private bool ReceiveByBehavior(ActorBase actor, object message) =>
        _behavior is { } behavior ? actor.AroundReceive(behavior, message) : actor.ReceiveDirectly(message);

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case PoisonPill:
                BeginTerminate();
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case TimerMessage timer:
                if (_actor is IWithTimers { Timers: TimerScheduler scheduler } && scheduler.Accept(timer))
                {
                    _currentSender = null;
                    ReceiveMessage(timer.Message);
                }

                break;
            case WatchedActorTerminated watched:
                ReceiveTerminated(watched);
                break;
            case Terminated terminated:
                // A Terminated told by user code, not by death watch: an ordinary message.
                ReceiveMessage(terminated);
                break;
            case Identify identify:
                (_currentSender ?? _system.DeadLetters).Tell(new ActorIdentity(identify.MessageId, _self), _self);
                break;
            case ActorSelectionMessage selection:
                _system.DeliverSelection(this, selection, _currentSender);
                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    /// <summary>
    /// The receive timeout's deadline expired (on the scheduler's wheel thread): idle for the whole timeout, the actor
    /// gets <see cref="Actors.ReceiveTimeout"/> and the deadline is armed for another period; busy meanwhile, it is
    /// armed again for the rest of the timeout after the last message.
    /// </summary>
    internal void OnReceiveTimeoutExpired(ReceiveTimeoutDeadline deadline)
    {
        if (!ReferenceEquals(deadline, _receiveTimeout) || deadline.Timeout is not { } timeout || _terminated)
        {
            return;
        }

        var idle = Environment.TickCount64 - Volatile.Read(ref deadline.LastActivity);
        var timeoutMs = (long)timeout.TotalMilliseconds;
        if (idle >= timeoutMs)
        {
            _self.Tell(Actors.ReceiveTimeout.Instance, null);
            Volatile.Write(ref deadline.LastActivity, Environment.TickCount64);
            _system.Scheduler.Arm(deadline, timeout);
        }
        else
        {
            _system.Scheduler.Arm(deadline, TimeSpan.FromMilliseconds(timeoutMs - idle));
        }
    }

    // ---- async handlers ----

    /// <summary>
    /// Runs an async handler: while its task is pending the actor processes no other normal message,
    /// and every continuation after an await runs inside the actor (through its synchronization context).
    /// </summary>
    internal void RunTask(Func<Task> start)
    {
        var extras = Extras;
        var context = extras.SynchronizationContext ??= new ActorSynchronizationContext(this);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
            return;
        }

        extras.AsyncGeneration++;
        extras.AsyncMessage = _currentMessage;
        extras.AsyncSender = _currentSender;
        extras.AsyncCreatedUtcTicks = _currentCreatedUtcTicks;
        _awaitingTask = true;
        RecomputeBlocked();
        var generation = extras.AsyncGeneration;
        _ = task.ContinueWith(
            static (t, state) =>
            {
                var (cell, gen) = ((ActorCell, int))state!;
                cell.PostSystem(new AsyncHandlerCompleted(t, gen));
            },
            (this, generation),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RunAsyncContinuation(RunContinuation continuation)
    {
        var extras = Extras;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(extras.SynchronizationContext);
        var savedMessage = _currentMessage;
        var savedSender = _currentSender;
        var savedCreated = _currentCreatedUtcTicks;
        _currentMessage = extras.AsyncMessage;
        _currentSender = extras.AsyncSender;
        _currentCreatedUtcTicks = extras.AsyncCreatedUtcTicks;
        try
        {
            continuation.Callback(continuation.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            _currentMessage = savedMessage;
            _currentSender = savedSender;
            _currentCreatedUtcTicks = savedCreated;
        }
    }

    private void HandleAsyncCompleted(AsyncHandlerCompleted completed)
    {
        var extras = Extras;
        if (completed.Generation != extras.AsyncGeneration || !_awaitingTask)
        {
            return;
        }

        _awaitingTask = false;
        _currentMessage = extras.AsyncMessage;
        _currentSender = extras.AsyncSender;
        _currentCreatedUtcTicks = extras.AsyncCreatedUtcTicks;
        extras.AsyncMessage = null;
        extras.AsyncSender = null;
        RecomputeBlocked();
        try
        {
            if (completed.Task.IsFaulted)
            {
                var exception = completed.Task.Exception!.InnerExceptions.Count == 1
                    ? completed.Task.Exception.InnerException!
                    : completed.Task.Exception;
                HandleInvokeFailure(exception);
            }
            else if (completed.Task.IsCanceled)
            {
                HandleInvokeFailure(new TaskCanceledException(completed.Task));
            }
            else if (_receiveTimeout is { Timeout: not null } receiveTimeout)
            {
                Volatile.Write(ref receiveTimeout.LastActivity, Environment.TickCount64);
            }
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
        }
    }

    private void CancelAwaiting()
    {
        if (_awaitingTask)
        {
            _awaitingTask = false;
            var extras = Extras;
            extras.AsyncGeneration++;
            extras.AsyncMessage = null;
            extras.AsyncSender = null;
            RecomputeBlocked();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"ActorCell({_self.Path})";
}
