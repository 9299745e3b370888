using DhcpCluster.Actors.Remote;
using Microsoft.Extensions.Logging;

namespace DhcpCluster.Actors.Cluster;

/// <summary>
/// The membership of this node: joins through the seed nodes, accepts joins, gossips the membership state
/// to converge, performs the leader's actions, records this node's failure-detector verdicts, applies
/// downing decisions, publishes cluster events and keeps the query snapshot (<see cref="Cluster.State"/>).
/// </summary>
public sealed partial class ClusterCoreDaemon : ReceiveActor, IWithTimers
{
    private readonly Cluster _cluster;
    private readonly ClusterSettings _settings;
    private readonly RemoteTransport _transport;
    private readonly UniqueAddress _self;
    private readonly ILogger _log;
    private readonly List<(IActorRef Subscriber, IReadOnlyList<Type> To)> _subscribers = [];
    private readonly Dictionary<Address, IActorRef> _cores = [];
    private readonly Dictionary<UniqueAddress, DateTime> _joiningSince = [];
    private Gossip _gossip = Gossip.Empty;
    private CurrentClusterState _state = CurrentClusterState.Empty;
    private IActorRef _heartbeatSender = ActorRefs.Nobody;
    private IActorRef? _splitBrainResolver;
    private IReadOnlyList<Address> _seeds = [];
    private DateTime _joinStarted;
    private DateTime? _joinSentAt;
    private bool _joined;
    private bool _shuttingDown;

    /// <summary>Creates the daemon.</summary>
    public ClusterCoreDaemon(Cluster cluster)
    {
        _cluster = cluster;
        _settings = cluster.Settings;
        _transport = cluster.Transport;
        _self = cluster.SelfUniqueAddress;
        _log = Context.GetLogger();
        Receive<ClusterMessages.JoinSeedNodes>(j => StartJoin(j.Seeds));
        Receive<ClusterMessages.JoinTo>(j => StartJoin([j.Address]));
        Receive<ClusterMessages.JoinTick>(_ => JoinTick());
        Receive<ClusterMessages.InitJoin>(OnInitJoin);
        Receive<ClusterMessages.InitJoinAck>(OnInitJoinAck);
        Receive<ClusterMessages.Join>(OnJoin);
        Receive<ClusterMessages.Welcome>(OnWelcome);
        Receive<ClusterMessages.GossipEnvelope>(OnGossip);
        Receive<ClusterMessages.GossipTick>(_ => GossipToRandomMember());
        Receive<ClusterMessages.LeaderActionsTick>(_ => LeaderActions());
        Receive<ClusterMessages.Leave>(OnLeave);
        Receive<ClusterMessages.Down>(d => OnDownMembers(_gossip.MemberAt(d.Address) is { } m ? [m.UniqueAddress] : [], d.Reason));
        Receive<ClusterMessages.DownMembers>(d => OnDownMembers(d.Members, d.Reason));
        Receive<ClusterMessages.ReachabilityChanged>(OnReachabilityChanged);
        Receive<ClusterMessages.Subscribe>(OnSubscribe);
        Receive<ClusterMessages.Unsubscribe>(u => _subscribers.RemoveAll(s => s.Subscriber.Equals(u.Subscriber)));
        Receive<Terminated>(t => _subscribers.RemoveAll(s => s.Subscriber.Equals(t.ActorRef)));
        Receive<RemotingEvents.ThisNodeQuarantined>(q => ShutdownSelf($"quarantined by {q.By}"));
        Receive<ClusterMessages.ShutdownSelf>(s => ShutdownSelf(s.Reason));
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc/>
    protected override void PreStart()
    {
        Context.ActorOf(Props.Create(() => new ClusterHeartbeatReceiver(_self)), "heartbeatReceiver");
        _heartbeatSender = Context.ActorOf(Props.Create(() => new ClusterHeartbeatSender(_self, _settings.FailureDetector, Self)), "heartbeatSender");
        var sbr = _settings.SplitBrainResolver;
        if (!string.Equals(sbr.ActiveStrategy, "off", StringComparison.Ordinal))
        {
            var lease = string.Equals(sbr.ActiveStrategy, "lease-majority", StringComparison.Ordinal)
                ? new PostgreSqlLease(sbr.LeaseConnectionString, sbr.LeaseName.Length > 0 ? sbr.LeaseName : _self.Address.System + "-sbr-lease", _self.ToString(), sbr.ReleaseAfter)
                : null;
            _splitBrainResolver = Context.ActorOf(Props.Create(() => new SplitBrainResolver(sbr, Self, lease)), "splitBrainResolver");
        }

        Context.System.EventStream.Subscribe(Self, typeof(RemotingEvents.ThisNodeQuarantined));
        Timers.StartPeriodicTimer("gossip", new ClusterMessages.GossipTick(), _settings.GossipInterval);
        Timers.StartPeriodicTimer("leader", new ClusterMessages.LeaderActionsTick(), _settings.LeaderActionsInterval);
        if (_settings.SeedNodes.Count > 0)
        {
            StartJoin(_settings.SeedNodes);
        }
    }

    /// <inheritdoc/>
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private IActorRef CoreAt(Address address)
    {
        if (!_cores.TryGetValue(address, out var core))
        {
            core = ((ExtendedActorSystem)Context.System).ResolveActorRef(address + ClusterDaemonPaths.Core);
            _cores[address] = core;
        }

        return core;
    }

    private void SetGossip(Gossip gossip)
    {
        var before = _state;
        var previousMembers = _gossip.Members.Keys.ToHashSet();
        _gossip = gossip;
        _state = CurrentClusterState.Of(gossip, _self);
        _cluster.SetState(_state);
        var events = ClusterEventDiff.Between(before, _state, DateTime.UtcNow);
        foreach (var e in events)
        {
            OnEvent(e);
        }

        if (!previousMembers.SetEquals(gossip.Members.Keys))
        {
            _heartbeatSender.Tell(new HeartbeatMessages.MembersChanged([.. gossip.Members.Keys]), Self);
        }

        _splitBrainResolver?.Tell(new SplitBrainResolverMessages.StateChanged(_state, _self), Self);
        var selfMember = gossip.Members.GetValueOrDefault(_self);
        if (selfMember?.Status == MemberStatus.Down)
        {
            ShutdownSelf("this node was downed");
        }
        else if (selfMember?.Status == MemberStatus.Exiting && gossip.Members.Count == 1)
        {
            ShutdownSelf("this node left the cluster");
        }
        else if (selfMember?.Status == MemberStatus.Exiting && !Timers.IsTimerActive("exit"))
        {
            var grace = TimeSpan.FromTicks(Math.Max(_settings.GossipInterval.Ticks * 3, TimeSpan.FromSeconds(1).Ticks));
            Timers.StartSingleTimer("exit", new ClusterMessages.ShutdownSelf("this node left the cluster"), grace);
        }
    }

    private void OnEvent(ClusterEvent.IClusterDomainEvent e)
    {
        LogEvent(e);
        switch (e)
        {
            case ClusterEvent.MemberDowned downed when !downed.Member.UniqueAddress.Equals(_self):
                _transport.Quarantine(downed.Member.Address, downed.Member.UniqueAddress.Uid, "downed");
                break;
            case ClusterEvent.MemberRemoved removed when !removed.Member.UniqueAddress.Equals(_self):
                _transport.Quarantine(removed.Member.Address, removed.Member.UniqueAddress.Uid, "removed from the cluster");
                _joiningSince.Remove(removed.Member.UniqueAddress);
                break;
        }

        foreach (var (subscriber, to) in _subscribers)
        {
            if (Wants(to, e))
            {
                subscriber.Tell(e, Self);
            }
        }
    }

    private void LogEvent(ClusterEvent.IClusterDomainEvent e)
    {
        switch (e)
        {
            case ClusterEvent.MemberRemoved r:
                _log.LogInformation("CLUSTER_MEMBER_REMOVED {Member} (was {Previous}) on {Self}", r.Member.UniqueAddress, r.PreviousStatus, _self.Address);
                break;
            case ClusterEvent.MemberStatusChange s:
                _log.LogInformation("CLUSTER_MEMBER_{Status} {Member} on {Self}", s.Member.Status.ToString().ToUpperInvariant(), s.Member.UniqueAddress, _self.Address);
                break;
            case ClusterEvent.UnreachableMember u:
                _log.LogWarning("CLUSTER_UNREACHABLE {Member} on {Self}", u.Member.UniqueAddress, _self.Address);
                break;
            case ClusterEvent.ReachableMember r:
                _log.LogInformation("CLUSTER_REACHABLE {Member} on {Self}", r.Member.UniqueAddress, _self.Address);
                break;
            case ClusterEvent.LeaderChanged l:
                _log.LogInformation("CLUSTER_LEADER {Leader} on {Self}", l.Leader?.ToString() ?? "none", _self.Address);
                break;
        }
    }

    private static bool Wants(IReadOnlyList<Type> to, ClusterEvent.IClusterDomainEvent e)
    {
        foreach (var type in to)
        {
            if (type.IsInstanceOfType(e))
            {
                return true;
            }
        }

        return false;
    }

    private void OnSubscribe(ClusterMessages.Subscribe subscribe)
    {
        _subscribers.Add((subscribe.Subscriber, subscribe.To));
        Context.Watch(subscribe.Subscriber);
        if (subscribe.InitialStateMode == ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot)
        {
            subscribe.Subscriber.Tell(_state, Self);
            return;
        }

        foreach (var e in ClusterEventDiff.From(_state, DateTime.UtcNow))
        {
            if (Wants(subscribe.To, e))
            {
                subscribe.Subscriber.Tell(e, Self);
            }
        }
    }

    private void ShutdownSelf(string reason)
    {
        if (_shuttingDown)
        {
            return;
        }

        _shuttingDown = true;
        _cluster.MarkShutDown();
        _log.LogWarning("CLUSTER_SELF_SHUTDOWN {Self}: {Reason}; this incarnation cannot rejoin", _self, reason);
        var e = new ClusterEvent.ClusterShuttingDown(reason, DateTime.UtcNow);
        foreach (var (subscriber, to) in _subscribers)
        {
            if (Wants(to, e))
            {
                subscriber.Tell(e, Self);
            }
        }

        Context.System.EventStream.Publish(e);
        if (_settings.RunCoordinatedShutdownWhenDown)
        {
            var system = Context.System;
            system.Scheduler.ScheduleOnce(_settings.GossipInterval, () => _ = system.Terminate());
        }
    }
}
