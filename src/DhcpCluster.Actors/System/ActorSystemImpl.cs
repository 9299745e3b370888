using System.Collections.Immutable;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors;

/// <summary>The local actor system.</summary>
internal sealed class ActorSystemImpl : ExtendedActorSystem
{
    private readonly ConcurrentDictionary<object, Lazy<object>> _extensions = new();
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly LocalActorRef _root;
    private readonly LocalActorRef _user;
    private readonly LocalActorRef _systemGuardian;
    private readonly DeadLetterActorRef _deadLetters;
    private readonly SystemScheduler _scheduler;
    private long _deadLetterCount;
    private ImmutableList<UndeliveredRedirect> _redirects = [];
    private int _terminateStarted;

    public ActorSystemImpl(string name, ActorSystemSettings settings, ActorSystemSetup setup)
    {
        Name = name;
        Settings = settings;
        LoggerFactory = setup.LoggerFactory ?? NullFactory;
        Log = LoggerFactory.CreateLogger("DhcpCluster.Actors.ActorSystem");
        Dispatchers = new Dispatchers(settings);
        Mailboxes = new Mailboxes(settings);
        EventStream = new EventStream();
        _scheduler = new SystemScheduler(Log);
        GuardianStrategy = settings.GuardianSupervisorStrategy ?? SupervisorStrategy.DefaultStrategy;

        var address = setup.Address ?? new Address(Address.LocalProtocol, name);
        if (!string.Equals(address.System, name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The address {address} names system '{address.System}', not '{name}'.", nameof(setup));
        }

        LocalProvider = new LocalActorRefProvider(this, address);
        var rootPath = LocalProvider.RootPath;
        _deadLetters = new DeadLetterActorRef(this, rootPath.Child("deadLetters"));
        TempContainer = new TempContainer(rootPath.Child("temp"));
        var rootParent = new RootParentRef(this, rootPath.Child("bubble-walker"));
        var rootCell = new ActorCell(this, rootPath.WithUid(1), Props.Create(() => new GuardianActor(SupervisorStrategy.StoppingStrategy, isRoot: true)), rootParent);
        _root = rootCell.SelfRef;
        _user = rootCell.ActorOfInternal(Props.Create(() => new GuardianActor(GuardianStrategy, isRoot: false)), "user");
        _systemGuardian = rootCell.ActorOfInternal(Props.Create(() => new GuardianActor(SupervisorStrategy.DefaultStrategy, isRoot: false)), "system");
        rootCell.Start();
        Provider = setup.ProviderFactory is null ? LocalProvider : setup.ProviderFactory(this, LocalProvider);
        CoordinatedShutdown = CoordinatedShutdown.Get(this);
    }

    public override string Name { get; }

    public override ActorSystemSettings Settings { get; }

    public override EventStream EventStream { get; }

    public override IScheduler Scheduler => _scheduler;

    public override IActorRef DeadLetters => _deadLetters;

    public override long DeadLetterCount => Interlocked.Read(ref _deadLetterCount);

    public override ILoggerFactory LoggerFactory { get; }

    public override ILogger Log { get; }

    public override Dispatchers Dispatchers { get; }

    public Mailboxes Mailboxes { get; }

    public override Task WhenTerminated => _terminated.Task;

    public override TimeSpan Uptime => Stopwatch.GetElapsedTime(_startTimestamp);

    public override IActorRefProvider Provider { get; }

    public LocalActorRefProvider LocalProvider { get; }

    public override IActorRef RootGuardian => _root;

    public override IActorRef Guardian => _user;

    public override IActorRef SystemGuardian => _systemGuardian;

    public SupervisorStrategy GuardianStrategy { get; }

    public TempContainer TempContainer { get; }

    public CoordinatedShutdown CoordinatedShutdown { get; }

    /// <summary>Number of top-level actors (including stopping ones), for leak checks.</summary>
    public int TopLevelActorCount => _user.Cell.ChildCount;

    public override IActorRef ActorOf(Props props, string? name = null) => _user.Cell.ActorOfInternal(props, name);

    public override IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.Cell.ActorOfInternal(props, name);

    public override ActorSelection ActorSelection(string path) => ActorSelectionFrom(_user, path);

    public override ActorSelection ActorSelection(ActorPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ActorSelection(AnchorFor(path.Address), path.Elements);
    }

    public override void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        (actor as InternalActorRef)?.Stop();
    }

    public override Task Terminate()
    {
        if (Settings.CoordinatedShutdown.RunByActorSystemTerminate)
        {
            return CoordinatedShutdown.Run(CoordinatedShutdown.ActorSystemTerminateReason.Instance).ContinueWith(
                static (_, s) => ((ActorSystemImpl)s!).WhenTerminated,
                this,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default).Unwrap();
        }

        return FinalTerminate();
    }

    /// <summary>Stops /user (and then the root); completes when the root terminated.</summary>
    internal Task FinalTerminate()
    {
        if (Interlocked.Exchange(ref _terminateStarted, 1) == 0)
        {
            _user.Stop();
        }

        return WhenTerminated;
    }

    internal bool IsTerminating => Volatile.Read(ref _terminateStarted) != 0;

    /// <summary>The actors still alive (one line each, indented by depth, with what they wait for), for a stuck shutdown.</summary>
    internal string DescribeLiveActors(int limit = 200)
    {
        var text = new System.Text.StringBuilder();
        var count = _root.Cell.DescribeLive(text, 0, limit);
        return count == 0 ? "(none: every actor terminated)" : text.ToString();
    }

    internal void OnRootTerminated()
    {
        _scheduler.Dispose();
        CoordinatedShutdown.DisposeSignalHandlers();
        Dispatchers.Shutdown();
        _terminated.TrySetResult();
    }

    public override T RegisterExtension<T>(ExtensionIdProvider<T> id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var lazy = _extensions.GetOrAdd(id, key => new Lazy<object>(() => ((ExtensionIdProvider<T>)key).CreateExtension(this), LazyThreadSafetyMode.ExecutionAndPublication));
        return (T)lazy.Value;
    }

    // ---- selection ----

    internal ActorSelection ActorSelectionFrom(IActorRef relativeTo, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains("://", StringComparison.Ordinal))
        {
            var full = ActorPath.Parse(path);
            return new ActorSelection(AnchorFor(full.Address), full.Elements);
        }

        if (path.StartsWith('/'))
        {
            return new ActorSelection(_root, path.Split('/', StringSplitOptions.RemoveEmptyEntries));
        }

        return new ActorSelection(relativeTo, path.Split('/', StringSplitOptions.RemoveEmptyEntries));
    }

    private IActorRef AnchorFor(Address address) =>
        LocalProvider.HasAddress(address) ? _root : Provider.ResolveActorRef(ActorPath.CreateRoot(address));

    /// <summary>Resolves selection elements from a local anchor (wildcards <c>*</c>/<c>?</c> and <c>..</c> allowed).</summary>
    internal List<IActorRef> ResolveSelection(IActorRef anchor, IReadOnlyList<string> elements)
    {
        var current = new List<IActorRef> { anchor };
        foreach (var element in elements)
        {
            var next = new List<IActorRef>();
            foreach (var r in current)
            {
                if (string.Equals(element, "..", StringComparison.Ordinal))
                {
                    if (r is InternalActorRef internalRef && !ReferenceEquals(internalRef.Parent, internalRef))
                    {
                        next.Add(internalRef.Parent);
                    }
                }
                else if (element.AsSpan().IndexOfAny('*', '?') >= 0)
                {
                    if (r is LocalActorRef local)
                    {
                        foreach (var child in local.Cell.Children)
                        {
                            if (WildcardMatch(element, child.Path.Name))
                            {
                                next.Add(child);
                            }
                        }
                    }
                }
                else if (string.Equals(element, "temp", StringComparison.Ordinal) && ReferenceEquals(r, _root))
                {
                    next.Add(new TempAnchor(TempContainer));
                }
                else if (r is TempAnchor temp)
                {
                    if (temp.Container.Find(element) is { } found)
                    {
                        next.Add(found);
                    }
                }
                else if (string.Equals(element, "deadLetters", StringComparison.Ordinal) && ReferenceEquals(r, _root))
                {
                    next.Add(_deadLetters);
                }
                else if ((r as InternalActorRef)?.GetChild(element) is { } child)
                {
                    next.Add(child);
                }
            }

            current = next;
            if (current.Count == 0)
            {
                break;
            }
        }

        current.RemoveAll(r => r is TempAnchor);
        return current;
    }

    internal static bool WildcardMatch(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    internal void DeliverSelection(ActorCell cell, ActorSelectionMessage selection, IActorRef? sender)
    {
        var targets = ResolveSelection(cell.SelfRef, selection.Elements);
        if (targets.Count == 0)
        {
            if (selection.Message is Identify identify)
            {
                sender?.Tell(new ActorIdentity(identify.MessageId, null), cell.SelfRef);
            }
            else
            {
                PublishDeadLetter(new DeadLetter(selection.Message, sender, cell.SelfRef), null);
            }

            return;
        }

        foreach (var target in targets)
        {
            target.Tell(selection.Message, sender);
        }
    }

    // ---- dead letters, unhandled, logging ----

    public override IDisposable RedirectUndelivered(IActorRef ancestor, Action<DeadLetter> redirect)
    {
        ArgumentNullException.ThrowIfNull(ancestor);
        ArgumentNullException.ThrowIfNull(redirect);
        var entry = new UndeliveredRedirect(ancestor.Path.ToStringWithoutAddress() + "/", redirect);
        ImmutableInterlocked.Update(ref _redirects, list => list.Add(entry));
        return new RedirectRegistration(() => ImmutableInterlocked.Update(ref _redirects, list => list.Remove(entry)));
    }

    internal void DeadLetterFromMailbox(object message, IActorRef? sender, IActorRef recipient, string reason)
    {
        // A full mailbox belongs to a running actor: redirecting would only loop. Stopping actors' leftovers may go back to their owner.
        var redirects = Volatile.Read(ref _redirects);
        if (!redirects.IsEmpty && message is not (TimerMessage or WatchedActorTerminated or DeadLetter) && !string.Equals(reason, "mailbox full", StringComparison.Ordinal))
        {
            var path = recipient.Path.ToStringWithoutAddress();
            foreach (var r in redirects)
            {
                if (path.StartsWith(r.Prefix, StringComparison.Ordinal))
                {
                    r.Redirect(new DeadLetter(message, sender, recipient));
                    return;
                }
            }
        }

        switch (message)
        {
            case TimerMessage:
            case WatchedActorTerminated:
                return;
            case DeadLetter dead:
                PublishDeadLetter(dead, reason);
                return;
            default:
                PublishDeadLetter(new DeadLetter(message, sender, recipient), reason);
                return;
        }
    }

    internal void PublishDeadLetter(DeadLetter deadLetter, string? reason)
    {
        var count = Interlocked.Increment(ref _deadLetterCount);
        if (deadLetter.Sender is PromiseActorRef promise)
        {
            promise.FailRecipientGone(deadLetter.Recipient);
        }

        EventStream.Publish(deadLetter);
        var limit = Settings.LogDeadLetters;
        if (count <= limit && (!IsTerminating || Settings.LogDeadLettersDuringShutdown) && Log.IsEnabled(LogLevel.Information))
        {
            Log.LogInformation(
                "Message [{MessageType}] from {Sender} to {Recipient} was not delivered{Reason}. [{Count}] dead letters encountered{Limit}.",
                deadLetter.Message.GetType().Name,
                deadLetter.Sender?.ToString() ?? "NoSender",
                deadLetter.Recipient,
                reason is null ? string.Empty : " (" + reason + ")",
                count,
                count == limit ? ", no more dead letters will be logged" : string.Empty);
        }
    }

    internal void PublishUnhandled(object message, IActorRef? sender, IActorRef recipient)
    {
        EventStream.Publish(new UnhandledMessage(message, sender, recipient));
        if (Settings.DebugUnhandled && Log.IsEnabled(LogLevel.Debug))
        {
            Log.LogDebug("Unhandled message [{MessageType}] from {Sender} to {Recipient}", message.GetType().Name, sender?.ToString() ?? "NoSender", recipient);
        }
    }

    internal void LogRuntimeFault(Exception e, IActorRef actor)
    {
        try
        {
            Log.LogError(e, "Runtime fault while running {Actor}: {Message}", actor, e.Message);
        }
        catch (Exception logFailure)
        {
            // Logging itself failed: the standard error stream is the last place left.
            Console.Error.WriteLine($"Runtime fault while running {actor}: {e}{Environment.NewLine}Logging it failed: {logFailure.Message}");
        }
    }

    internal ILogger CreateActorLogger(Type actorType, ActorPath path) =>
        new ActorLogger(LoggerFactory.CreateLogger(actorType.FullName ?? actorType.Name), path);

    /// <summary>Marker standing for the /temp container during selection.</summary>
    private sealed class TempAnchor(TempContainer container) : IActorRef
    {
        public TempContainer Container { get; } = container;

        public ActorPath Path => Container.Path;

        public void Tell(object message, IActorRef? sender)
        {
            // Never a target: removed before delivery.
        }

        public bool Equals(IActorRef? other) => ReferenceEquals(this, other);

        public int CompareTo(IActorRef? other) => ReferenceEquals(this, other) ? 0 : 1;
    }

    private sealed record UndeliveredRedirect(string Prefix, Action<DeadLetter> Redirect);

    private sealed class RedirectRegistration(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}
