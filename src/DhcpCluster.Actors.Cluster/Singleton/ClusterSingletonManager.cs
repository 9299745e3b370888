using DhcpCluster.Hocon;
using Microsoft.Extensions.Logging;
using static DhcpCluster.Actors.Cluster.Singleton.ClusterSingletonManagerProtocol;

namespace DhcpCluster.Actors.Cluster.Singleton;

/// <summary>
/// Runs one instance of an actor in the whole cluster, on the oldest Up member with the role (Akka's
/// <c>ClusterSingletonManager</c>). Start one manager, with the same name, on every member with the role.
/// The manager starts its instance only when every member older than its own is known to run none: an older
/// member that left answered <see cref="HandOverDone"/> (after stopping its instance with the termination
/// message), or was removed from the cluster at least the down-removal margin ago (a crashed or partitioned
/// member that the split-brain resolver downed). A manager whose member is no longer Up stops its instance at
/// once and never starts it again, so two instances never run once the resolver has decided.
/// </summary>
public sealed class ClusterSingletonManager : ReceiveActor, IWithTimers
{
    /// <summary>Messages kept while there is neither an instance nor a successor to give them to; beyond it, dead letters.</summary>
    private const int MaxKept = 100_000;

    private readonly Props _singletonProps;
    private readonly object _terminationMessage;
    private readonly ClusterSingletonManagerSettings _settings;
    private readonly Cluster _cluster;
    private readonly ILogger _log;
    private readonly Dictionary<UniqueAddress, Member> _members = [];
    private readonly HashSet<UniqueAddress> _handedOver = [];
    private readonly Dictionary<UniqueAddress, DateTime> _removedAt = [];
    private readonly List<IActorRef> _handOverWaiters = [];
    private readonly Queue<(object Message, IActorRef? Sender)> _undelivered = new();
    private IActorRef? _successor;
    private IDisposable? _redirect;
    private IActorRef? _singleton;
    private bool _stopping;
    private bool _finished;
    private bool _hasState;

    /// <summary>Creates the manager.</summary>
    public ClusterSingletonManager(Props singletonProps, object terminationMessage, ClusterSingletonManagerSettings settings)
    {
        _singletonProps = singletonProps;
        _terminationMessage = terminationMessage;
        _settings = settings;
        _cluster = Cluster.Get(Context.System);
        _log = Context.GetLogger();
        Receive<CurrentClusterState>(OnState);
        Receive<ClusterEvent.MemberStatusChange>(OnMemberChange);
        Receive<ClusterEvent.ClusterShuttingDown>(_ => OnShuttingDown());
        Receive<Evaluate>(_ => EvaluateOldest());
        Receive<HandOverToMe>(_ => OnHandOverToMe());
        Receive<HandOverInProgress>(_ => { });
        Receive<HandOverDone>(_ => OnHandOverDone());
        Receive<GetSingletonState>(_ => Sender.Tell(new SingletonState(_singleton is not null && !_stopping, _singleton, _finished), Self));
        Receive<Terminated>(OnTerminated);
        Receive<DeadLetter>(OnUndelivered);
        Receive<SingletonDelivery>(d => OnUndelivered(new DeadLetter(d.Message, Sender, Self)));
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a manager (Akka's <c>ClusterSingletonManager.Props</c>).</summary>
    /// <param name="singletonProps">The singleton actor.</param>
    /// <param name="terminationMessage">Sent to the instance to stop it on hand-over (PoisonPill, or a message of its own that lets it finish its work).</param>
    /// <param name="settings">Settings (see <see cref="ClusterSingletonManagerSettings.Create"/>).</param>
    public static Props Props(Props singletonProps, object terminationMessage, ClusterSingletonManagerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(singletonProps);
        ArgumentNullException.ThrowIfNull(terminationMessage);
        ArgumentNullException.ThrowIfNull(settings);
        return Actors.Props.Create(() => new ClusterSingletonManager(singletonProps, terminationMessage, settings));
    }

    /// <inheritdoc/>
    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberStatusChange), typeof(ClusterEvent.ClusterShuttingDown));
        Timers.StartPeriodicTimer("evaluate", new Evaluate(), _settings.HandOverRetryInterval);
        var self = Self;
        _redirect = ((ExtendedActorSystem)Context.System).RedirectUndelivered(Self, undelivered => self.Tell(undelivered, ActorRefs.NoSender));
    }

    /// <inheritdoc/>
    protected override void PostStop()
    {
        _redirect?.Dispose();
        _cluster.Unsubscribe(Self);

        // Kept for an instance or a successor that never came (a downed member is cut off): dead letters, not silence.
        while (_undelivered.TryDequeue(out var item))
        {
            Context.System.DeadLetters.Tell(item.Message, item.Sender);
        }
    }

    /// <summary>
    /// A message for the instance that it did not process (it arrived after the termination message, or after the
    /// instance stopped), or one the previous oldest passed on: delivered to the running instance, passed on to the
    /// member that took over, or kept until one of them exists.
    /// </summary>
    private void OnUndelivered(DeadLetter undelivered)
    {
        if (undelivered.Message is PoisonPill or Terminated || undelivered.Message.Equals(_terminationMessage))
        {
            return;
        }

        if (TryPassOn(undelivered.Message, undelivered.Sender))
        {
            return;
        }

        if (_undelivered.Count < MaxKept)
        {
            _undelivered.Enqueue((undelivered.Message, undelivered.Sender));
        }
        else
        {
            Context.System.DeadLetters.Tell(undelivered.Message, undelivered.Sender);
        }
    }

    /// <summary>Delivers to the running instance or passes to the successor; false when there is neither.</summary>
    private bool TryPassOn(object message, IActorRef? sender)
    {
        if (_singleton is not null && !_stopping)
        {
            _singleton.Tell(message, sender);
            return true;
        }

        if (_successor is not null)
        {
            _successor.Tell(new SingletonDelivery(message), sender);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Passes the kept messages on, if there is anywhere to pass them now; otherwise they stay kept. (Taking them out
    /// and keeping them again would loop for ever: the manager would never process another message, nor its own
    /// termination, and a downed member whose instance stopped with messages left would never shut down.)
    /// </summary>
    private void FlushUndelivered()
    {
        while (_undelivered.TryPeek(out var item) && TryPassOn(item.Message, item.Sender))
        {
            _undelivered.Dequeue();
        }
    }

    private bool HasRole(Member m) => _settings.Role.Length == 0 || m.HasRole(_settings.Role);

    private void OnState(CurrentClusterState state)
    {
        _hasState = true;
        foreach (var m in state.Members.Where(HasRole))
        {
            _members[m.UniqueAddress] = m;
        }

        EvaluateOldest();
    }

    private void OnMemberChange(ClusterEvent.MemberStatusChange change)
    {
        var m = change.Member;
        if (!HasRole(m))
        {
            return;
        }

        if (change is ClusterEvent.MemberRemoved)
        {
            var self = _members.GetValueOrDefault(_cluster.SelfUniqueAddress);
            if (_members.Remove(m.UniqueAddress) && !_handedOver.Contains(m.UniqueAddress) && (self is null || (m.UpNumber > 0 && m.IsOlderThan(self))))
            {
                _removedAt[m.UniqueAddress] = DateTime.UtcNow;
            }
        }
        else
        {
            _members[m.UniqueAddress] = m;
        }

        EvaluateOldest();
    }

    private void OnShuttingDown()
    {
        _finished = true;
        if (_singleton is not null)
        {
            _log.LogWarning("SINGLETON_STOP {Path} on {Self}: this node leaves the cluster", Self.Path.ToStringWithoutAddress(), _cluster.SelfAddress);
            Context.Stop(_singleton);
            _stopping = true;
        }
    }

    private void EvaluateOldest()
    {
        if (!_hasState || _finished)
        {
            return;
        }

        var self = _members.GetValueOrDefault(_cluster.SelfUniqueAddress);
        if (self is null)
        {
            return;
        }

        if (self.Status != MemberStatus.Up)
        {
            if (self.Status is MemberStatus.Leaving or MemberStatus.Exiting or MemberStatus.Down)
            {
                _finished = true;
                StopSingleton($"this member is {self.Status}");
                if (_singleton is null)
                {
                    ReplyHandOverDone();
                }
            }

            return;
        }

        var older = _members.Values.Where(m => !m.UniqueAddress.Equals(self.UniqueAddress) && m.UpNumber > 0 && m.IsOlderThan(self)).ToList();
        if (older.Exists(m => m.Status == MemberStatus.Up))
        {
            StopSingleton("an older member is Up");
            return;
        }

        if (!MustWaitForOlder(older) && _singleton is null)
        {
            _singleton = Context.ActorOf(_singletonProps, _settings.SingletonName);
            Context.Watch(_singleton);
            _log.LogInformation("SINGLETON_STARTED {Path} on {Self} (oldest Up member{Role})", Self.Path.ToStringWithoutAddress(), _cluster.SelfAddress, _settings.Role.Length > 0 ? " with role " + _settings.Role : string.Empty);
            FlushUndelivered();
        }
    }

    /// <summary>True while an older member has not handed over, or was removed less than the margin ago (asks the former to hand over).</summary>
    private bool MustWaitForOlder(List<Member> older)
    {
        var waiting = false;
        foreach (var m in older.Where(m => !_handedOver.Contains(m.UniqueAddress)))
        {
            waiting = true;
            ManagerAt(m.Address).Tell(HandOverToMe.Instance, Self);
        }

        var now = DateTime.UtcNow;
        foreach (var (node, at) in _removedAt.ToList())
        {
            if (now - at >= _settings.RemovalMargin)
            {
                _removedAt.Remove(node);
            }
            else
            {
                waiting = true;
                Timers.StartSingleTimer("margin", new Evaluate(), at + _settings.RemovalMargin - now + TimeSpan.FromMilliseconds(10));
            }
        }

        return waiting;
    }

    private IActorRef ManagerAt(Address address) =>
        ((ExtendedActorSystem)Context.System).ResolveActorRef(address + Self.Path.ToStringWithoutAddress());

    private void StopSingleton(string reason)
    {
        if (_singleton is null || _stopping)
        {
            return;
        }

        _stopping = true;
        _log.LogInformation("SINGLETON_HANDING_OVER {Path} on {Self}: {Reason}", Self.Path.ToStringWithoutAddress(), _cluster.SelfAddress, reason);
        _singleton.Tell(_terminationMessage, Self);
    }

    private void OnHandOverToMe()
    {
        var self = _members.GetValueOrDefault(_cluster.SelfUniqueAddress);
        if (self is { Status: MemberStatus.Up } && !_finished)
        {
            return; // this member has not seen itself leave yet: the requester retries
        }

        _handOverWaiters.Add(Sender);
        if (_singleton is null)
        {
            _finished = true;
            ReplyHandOverDone();
        }
        else
        {
            Sender.Tell(HandOverInProgress.Instance, Self);
            _finished = true;
            StopSingleton("the new oldest member asked for it");
        }
    }

    private void ReplyHandOverDone()
    {
        foreach (var waiter in _handOverWaiters)
        {
            waiter.Tell(HandOverDone.Instance, Self);
            _successor = waiter;
        }

        _handOverWaiters.Clear();
        FlushUndelivered();
    }

    private void OnHandOverDone()
    {
        var from = Sender.Path.Address;
        foreach (var m in _members.Values.Where(m => m.Address.Equals(from)))
        {
            _handedOver.Add(m.UniqueAddress);
            _removedAt.Remove(m.UniqueAddress);
        }

        EvaluateOldest();
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!terminated.ActorRef.Equals(_singleton))
        {
            return;
        }

        _log.LogInformation("SINGLETON_STOPPED {Path} on {Self}", Self.Path.ToStringWithoutAddress(), _cluster.SelfAddress);
        _singleton = null;
        _stopping = false;
        if (_finished)
        {
            ReplyHandOverDone();
        }
        else
        {
            EvaluateOldest();
        }
    }
}
