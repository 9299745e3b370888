using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Cluster.Singleton;

/// <summary>
/// Forwards messages to the singleton wherever it runs (Akka's <c>ClusterSingletonProxy</c>): it identifies the
/// instance under the manager path on the oldest Up member with the role, and keeps messages (bounded, oldest
/// dropped first) while it does not know it: at start, during a hand-over, after a crash until the instance
/// runs again. The sender of each message is kept.
/// </summary>
public sealed class ClusterSingletonProxy : ReceiveActor, IWithTimers
{
    private readonly string _singletonPath;
    private readonly ClusterSingletonProxySettings _settings;
    private readonly Cluster _cluster;
    private readonly ILogger _log;
    private readonly Dictionary<UniqueAddress, Member> _members = [];
    private readonly Queue<(object Message, IActorRef? Sender)> _buffer = new();
    private IActorRef? _singleton;
    private int _identifyId;
    private long _dropped;

    /// <summary>Creates the proxy.</summary>
    public ClusterSingletonProxy(string singletonManagerPath, ClusterSingletonProxySettings settings)
    {
        _singletonPath = singletonManagerPath.TrimEnd('/') + "/" + settings.SingletonName;
        _settings = settings;
        _cluster = Cluster.Get(Context.System);
        _log = Context.GetLogger();
        Receive<CurrentClusterState>(OnState);
        Receive<ClusterEvent.MemberStatusChange>(OnMemberChange);
        Receive<ActorIdentity>(OnIdentity);
        Receive<IdentifyTick>(_ => Identify());
        Receive<Terminated>(t =>
        {
            if (t.ActorRef.Equals(_singleton))
            {
                LoseSingleton("it terminated");
            }
        });
        ReceiveAny(OnMessage);
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a proxy (Akka's <c>ClusterSingletonProxy.Props</c>).</summary>
    /// <param name="singletonManagerPath">Path of the manager without address, e.g. <c>/user/ha-coordinator</c>.</param>
    /// <param name="settings">Settings (see <see cref="ClusterSingletonProxySettings.Create"/>).</param>
    public static Props Props(string singletonManagerPath, ClusterSingletonProxySettings settings)
    {
        ArgumentException.ThrowIfNullOrEmpty(singletonManagerPath);
        ArgumentNullException.ThrowIfNull(settings);
        if (!singletonManagerPath.StartsWith('/'))
        {
            throw new ArgumentException($"The manager path must start with '/', got '{singletonManagerPath}'.", nameof(singletonManagerPath));
        }

        return Actors.Props.Create(() => new ClusterSingletonProxy(singletonManagerPath, settings));
    }

    /// <inheritdoc/>
    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberStatusChange));
        Timers.StartPeriodicTimer("identify", new IdentifyTick(), _settings.SingletonIdentificationInterval);
    }

    /// <inheritdoc/>
    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private bool HasRole(Member m) => _settings.Role.Length == 0 || m.HasRole(_settings.Role);

    private void OnState(CurrentClusterState state)
    {
        foreach (var m in state.Members.Where(HasRole))
        {
            _members[m.UniqueAddress] = m;
        }

        Identify();
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
            _members.Remove(m.UniqueAddress);
        }
        else
        {
            _members[m.UniqueAddress] = m;
        }

        if (_singleton is not null && m.Address.Equals(_singleton.Path.Address) && m.Status != MemberStatus.Up)
        {
            LoseSingleton($"its member is {m.Status}");
        }
        else if (_singleton is null)
        {
            Identify();
        }
    }

    private void LoseSingleton(string reason)
    {
        _log.LogInformation("SINGLETON_PROXY_LOST {Path} at {Address}: {Reason}; buffering", _singletonPath, _singleton?.Path.Address, reason);
        Context.Unwatch(_singleton!);
        _singleton = null;
        Identify();
    }

    private void Identify()
    {
        if (_singleton is not null)
        {
            return;
        }

        var oldest = _members.Values.Where(m => m.Status == MemberStatus.Up).OrderBy(m => m, Comparer<Member>.Create((a, b) => a.IsOlderThan(b) ? -1 : b.IsOlderThan(a) ? 1 : 0)).FirstOrDefault();
        if (oldest is null)
        {
            return;
        }

        _identifyId++;
        var target = ((ExtendedActorSystem)Context.System).ResolveActorRef(oldest.Address + _singletonPath);
        target.Tell(new Identify(_identifyId.ToString(System.Globalization.CultureInfo.InvariantCulture)), Self);
    }

    private void OnIdentity(ActorIdentity identity)
    {
        if (identity.Subject is null || _singleton is not null)
        {
            return;
        }

        _singleton = identity.Subject;
        Context.Watch(_singleton);
        _log.LogInformation("SINGLETON_PROXY_FOUND {Singleton}; forwarding {Count} buffered messages", _singleton.Path, _buffer.Count);
        while (_buffer.TryDequeue(out var item))
        {
            _singleton.Tell(item.Message, item.Sender);
        }
    }

    private void OnMessage(object message)
    {
        if (_singleton is not null)
        {
            _singleton.Tell(message, Sender);
            return;
        }

        if (_settings.BufferSize == 0)
        {
            _dropped++;
            Context.System.DeadLetters.Tell(message, Sender);
            return;
        }

        if (_buffer.Count >= _settings.BufferSize)
        {
            var (old, oldSender) = _buffer.Dequeue();
            _dropped++;
            _log.LogWarning("SINGLETON_PROXY_BUFFER_FULL {Path}: dropped the oldest message ({Dropped} so far)", _singletonPath, _dropped);
            Context.System.DeadLetters.Tell(old, oldSender);
        }

        _buffer.Enqueue((message, Sender));
    }

    private sealed record IdentifyTick;
}
