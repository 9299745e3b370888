using Microsoft.Extensions.Logging;
using static DhcpCluster.Actors.Cluster.Sharding.ShardCoordinatorProtocol;

namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>
/// Decides where each shard of one entity type lives (Akka's <c>ShardCoordinator</c>); runs as a cluster singleton.
/// <para>
/// Its state is not stored anywhere: a new coordinator rebuilds it from the regions' reports. On start it asks
/// the region on every member with the role to register (regions also register on their own, reporting the
/// shards they host), and it allocates no unknown shard while a member that may host shards has not reported,
/// nor within the down-removal margin after such a member was removed. A crash mid-write therefore cannot
/// corrupt it (Akka's event-sourced coordinator state is its users' most common complaint), and the regions,
/// which really run the shards, are the single source of truth.
/// </para>
/// <para>
/// Allocation and rebalancing follow <see cref="LeastShardAllocation"/>. A move is a hand-off: every region is
/// told to forget the shard's home and buffer its messages (BeginHandOff), then the hosting region stops the
/// shard's entities with the stop message (HandOff) and reports ShardStopped; only then is the shard allocated
/// again, to the region with fewest shards, and the buffered messages flow there.
/// </para>
/// </summary>
internal sealed class ShardCoordinator : ReceiveActor, IWithTimers
{
    private readonly string _typeName;
    private readonly ClusterShardingSettings _settings;
    private readonly Cluster _cluster;
    private readonly ILogger _log;
    private readonly string _regionPath;
    private readonly Dictionary<IActorRef, HashSet<string>> _regions = [];
    private readonly Dictionary<string, IActorRef> _shards = new(StringComparer.Ordinal);
    private readonly HashSet<IActorRef> _draining = [];
    private readonly Dictionary<UniqueAddress, Member> _members = [];
    private readonly HashSet<Address> _unreachable = [];
    private readonly HashSet<Address> _pending = [];
    private readonly Dictionary<string, DateTime> _fencedShards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Rebalance> _rebalancing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IActorRef>> _waiting = new(StringComparer.Ordinal);
    private DateTime _fencedUntil = DateTime.MinValue;
    private bool _started;

    public ShardCoordinator(string typeName, ClusterShardingSettings settings)
    {
        _typeName = typeName;
        _settings = settings;
        _cluster = Cluster.Get(Context.System);
        _log = Context.GetLogger();
        _regionPath = ClusterSharding.RegionPath(typeName);
        Receive<Register>(OnRegister);
        Receive<GetShardHome>(g => OnGetShardHome(g.Shard, Sender));
        Receive<ShardStarted>(_ => { });
        Receive<BeginHandOffAck>(OnBeginHandOffAck);
        Receive<ShardStopped>(OnShardStopped);
        Receive<GracefulShutdownRequest>(OnGracefulShutdownRequest);
        Receive<RebalanceTick>(_ => RebalanceRound());
        Receive<RebalanceTimeout>(OnRebalanceTimeout);
        Receive<AllocateTick>(_ => OnAllocateTick());
        Receive<ActorIdentity>(OnIdentity);
        Receive<Terminated>(OnTerminated);
        Receive<CurrentClusterState>(OnState);
        Receive<ClusterEvent.MemberStatusChange>(OnMemberChange);
        Receive<ClusterEvent.UnreachableMember>(u => _unreachable.Add(u.Member.Address));
        Receive<ClusterEvent.ReachableMember>(r =>
        {
            _unreachable.Remove(r.Member.Address);
            Identify(r.Member.Address);
        });
        Receive<GetRegions>(_ => Sender.Tell(new ShardRegionProtocol.CurrentRegions(_regions.ToDictionary(r => r.Key.Path.Address, r => r.Value.Count)), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberStatusChange), typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.ReachableMember));
        Timers.StartPeriodicTimer("rebalance", new RebalanceTick(), _settings.RebalanceInterval);
        Timers.StartPeriodicTimer("allocate", new AllocateTick(), _settings.RetryInterval);
        _log.LogInformation("SHARDING_COORDINATOR_STARTED {Type} on {Self}", _typeName, _cluster.SelfAddress);
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private bool HasRole(Member m) => _settings.Role.Length == 0 || m.HasRole(_settings.Role);

    private void OnState(CurrentClusterState state)
    {
        foreach (var m in state.Members.Where(HasRole))
        {
            _members[m.UniqueAddress] = m;
        }

        foreach (var m in state.Unreachable)
        {
            _unreachable.Add(m.Address);
        }

        if (!_started)
        {
            _started = true;
            foreach (var m in _members.Values.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving or MemberStatus.Exiting or MemberStatus.Down or MemberStatus.WeaklyUp))
            {
                if (!_regions.Keys.Any(r => r.Path.Address.Equals(m.Address)))
                {
                    _pending.Add(m.Address);
                    Identify(m.Address);
                }
            }

            _log.LogInformation("SHARDING_COORDINATOR_REBUILDING {Type}: waiting for the reports of {Count} regions", _typeName, _pending.Count);
        }
    }

    private void Identify(Address address) =>
        ((ExtendedActorSystem)Context.System).ResolveActorRef(address + _regionPath).Tell(new Identify(address.ToString()), Self);

    private void OnIdentity(ActorIdentity identity)
    {
        if (identity.MessageId is not string text)
        {
            return;
        }

        var address = Address.Parse(text);
        if (identity.Subject is null)
        {
            if (_pending.Remove(address))
            {
                _log.LogInformation("SHARDING_NO_REGION {Type} at {Address}: it hosts no shards", _typeName, address);
                ServeWaiting();
            }

            return;
        }

        identity.Subject.Tell(new CoordinatorHello(Self), Self);
    }

    private void OnMemberChange(ClusterEvent.MemberStatusChange change)
    {
        var m = change.Member;
        if (!HasRole(m))
        {
            return;
        }

        if (change is not ClusterEvent.MemberRemoved)
        {
            _members[m.UniqueAddress] = m;
            return;
        }

        _members.Remove(m.UniqueAddress);
        _unreachable.Remove(m.Address);
        var until = DateTime.UtcNow + _settings.RemovalMargin;
        if (_pending.Remove(m.Address))
        {
            _fencedUntil = until > _fencedUntil ? until : _fencedUntil;
            Timers.StartSingleTimer("fence", new AllocateTick(), _settings.RemovalMargin + TimeSpan.FromMilliseconds(10));
        }

        foreach (var region in _regions.Keys.Where(r => r.Path.Address.Equals(m.Address)).ToList())
        {
            RemoveRegion(region, until);
        }
    }

    private void RemoveRegion(IActorRef region, DateTime? fencedUntil)
    {
        if (!_regions.Remove(region, out var shards))
        {
            return;
        }

        _draining.Remove(region);
        foreach (var shard in shards)
        {
            _shards.Remove(shard);
            if (_rebalancing.Remove(shard))
            {
                Timers.Cancel(("rebalance", shard));
            }

            if (fencedUntil is { } until)
            {
                _fencedShards[shard] = until;
            }
        }

        if (fencedUntil is not null && shards.Count > 0)
        {
            Timers.StartSingleTimer("fence", new AllocateTick(), _settings.RemovalMargin + TimeSpan.FromMilliseconds(10));
        }

        _log.LogInformation("SHARDING_REGION_REMOVED {Type} at {Address}: {Count} shards to reallocate{Margin}", _typeName, region.Path.Address, shards.Count, fencedUntil is null ? string.Empty : " after the down-removal margin");
        foreach (var rebalance in _rebalancing.Values)
        {
            rebalance.AwaitingAcks.Remove(region);
        }

        foreach (var (shard, rebalance) in _rebalancing.ToList())
        {
            ContinueRebalance(shard, rebalance);
        }

        ServeWaiting();
    }

    private void OnRegister(Register register)
    {
        var region = register.Region;
        if (!_regions.TryGetValue(region, out var hosted))
        {
            foreach (var old in _regions.Keys.Where(r => r.Path.Address.Equals(region.Path.Address) && !r.Equals(region)).ToList())
            {
                RemoveRegion(old, DateTime.UtcNow + _settings.RemovalMargin);
            }

            hosted = new HashSet<string>(StringComparer.Ordinal);
            _regions[region] = hosted;
            Context.Watch(region);
            _log.LogInformation("SHARDING_REGION_REGISTERED {Type} at {Address} with {Count} shards", _typeName, region.Path.Address, register.Shards.Count);
        }

        foreach (var shard in register.Shards)
        {
            if (_shards.TryGetValue(shard, out var other) && !other.Equals(region))
            {
                _log.LogWarning("SHARDING_SHARD_CONFLICT {Type}: shard {Shard} reported by {Region} is allocated to {Other}; keeping {Other}", _typeName, shard, region.Path.Address, other.Path.Address, other.Path.Address);
                continue;
            }

            _shards[shard] = region;
            _fencedShards.Remove(shard);
            hosted.Add(shard);
        }

        _pending.Remove(region.Path.Address);
        region.Tell(new RegisterAck(Self), Self);
        ServeWaiting();
    }

    private bool MayAllocateUnknown(string shard, DateTime now) =>
        _pending.Count == 0 && now >= _fencedUntil && (!_fencedShards.TryGetValue(shard, out var until) || now >= until);

    private List<KeyValuePair<IActorRef, int>> EligibleRegions()
    {
        var up = _members.Values.Where(m => m.Status == MemberStatus.Up && !_unreachable.Contains(m.Address)).Select(m => m.Address).ToHashSet();
        return _regions
            .Where(r => !_draining.Contains(r.Key) && up.Contains(r.Key.Path.Address))
            .OrderBy(r => r.Key.Path.Address.ToString(), StringComparer.Ordinal)
            .Select(r => KeyValuePair.Create(r.Key, r.Value.Count))
            .ToList();
    }

    private void OnGetShardHome(string shard, IActorRef requester)
    {
        if (_rebalancing.ContainsKey(shard))
        {
            Wait(shard, requester);
            return;
        }

        if (_shards.TryGetValue(shard, out var home))
        {
            requester.Tell(new ShardHome(shard, home), Self);
            return;
        }

        var now = DateTime.UtcNow;
        var region = MayAllocateUnknown(shard, now) ? LeastShardAllocation.Allocate(EligibleRegions()) : null;
        if (region is null)
        {
            Wait(shard, requester);
            return;
        }

        _shards[shard] = region;
        _regions[region].Add(shard);
        _fencedShards.Remove(shard);
        region.Tell(new HostShard(shard), Self);
        if (!region.Equals(requester))
        {
            requester.Tell(new ShardHome(shard, region), Self);
        }

        if (_waiting.Remove(shard, out var others))
        {
            foreach (var other in others.Where(o => !o.Equals(requester) && !o.Equals(region)))
            {
                other.Tell(new ShardHome(shard, region), Self);
            }
        }
    }

    private void Wait(string shard, IActorRef requester)
    {
        if (!_waiting.TryGetValue(shard, out var list))
        {
            list = [];
            _waiting[shard] = list;
        }

        if (!list.Contains(requester))
        {
            list.Add(requester);
        }
    }

    private void ServeWaiting()
    {
        foreach (var (shard, requesters) in _waiting.ToList())
        {
            if (_rebalancing.ContainsKey(shard))
            {
                continue;
            }

            _waiting.Remove(shard);
            foreach (var requester in requesters)
            {
                OnGetShardHome(shard, requester);
            }
        }
    }

    private void OnAllocateTick()
    {
        foreach (var address in _pending)
        {
            Identify(address);
        }

        var now = DateTime.UtcNow;
        foreach (var shard in _fencedShards.Where(f => f.Value <= now).Select(f => f.Key).ToList())
        {
            _fencedShards.Remove(shard);
        }

        ServeWaiting();
    }

    private void OnGracefulShutdownRequest(GracefulShutdownRequest request)
    {
        if (!_regions.ContainsKey(request.Region) || !_draining.Add(request.Region))
        {
            return;
        }

        _log.LogInformation("SHARDING_REGION_DRAINING {Type} at {Address}: moving its {Count} shards", _typeName, request.Region.Path.Address, _regions[request.Region].Count);
        RebalanceRound();
    }

    private void RebalanceRound()
    {
        if (_pending.Count > 0)
        {
            return;
        }

        foreach (var region in _draining)
        {
            foreach (var shard in _regions[region].ToList())
            {
                StartRebalance(shard, region);
            }
        }

        var eligible = EligibleRegions().ToDictionary(r => r.Key, r => (IReadOnlyCollection<string>)_regions[r.Key]);
        var inProgress = _rebalancing.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var shard in LeastShardAllocation.Rebalance(eligible, inProgress, _settings.RebalanceThreshold, _settings.MaxSimultaneousRebalance))
        {
            StartRebalance(shard, _shards[shard]);
        }
    }

    private void StartRebalance(string shard, IActorRef from)
    {
        if (_rebalancing.ContainsKey(shard))
        {
            return;
        }

        var rebalance = new Rebalance(from, [.. _regions.Keys]);
        _rebalancing[shard] = rebalance;
        _log.LogInformation("SHARDING_REBALANCE {Type}: moving shard {Shard} away from {Address}", _typeName, shard, from.Path.Address);
        foreach (var region in rebalance.AwaitingAcks)
        {
            region.Tell(new BeginHandOff(shard), Self);
        }

        Timers.StartSingleTimer(("rebalance", shard), new RebalanceTimeout(shard), _settings.HandOffTimeout);
    }

    private void OnBeginHandOffAck(BeginHandOffAck ack)
    {
        if (_rebalancing.TryGetValue(ack.Shard, out var rebalance))
        {
            rebalance.AwaitingAcks.Remove(Sender);
            ContinueRebalance(ack.Shard, rebalance);
        }
    }

    private void ContinueRebalance(string shard, Rebalance rebalance)
    {
        if (rebalance.AwaitingAcks.Count == 0 && !rebalance.HandOffSent)
        {
            rebalance.HandOffSent = true;
            rebalance.From.Tell(new HandOff(shard), Self);
        }
    }

    private void OnShardStopped(ShardStopped stopped)
    {
        var shard = stopped.Shard;
        if (_shards.TryGetValue(shard, out var home) && home.Equals(Sender))
        {
            _shards.Remove(shard);
            _regions.GetValueOrDefault(home)?.Remove(shard);
        }

        if (_rebalancing.Remove(shard))
        {
            Timers.Cancel(("rebalance", shard));
            _log.LogInformation("SHARDING_REBALANCED {Type}: shard {Shard} stopped at {Address}", _typeName, shard, Sender.Path.Address);
        }

        ServeWaiting();
    }

    private void OnRebalanceTimeout(RebalanceTimeout timeout)
    {
        if (_rebalancing.Remove(timeout.Shard))
        {
            _log.LogWarning("SHARDING_REBALANCE_TIMEOUT {Type}: shard {Shard} did not stop within {Timeout}", _typeName, timeout.Shard, _settings.HandOffTimeout);
            ServeWaiting();
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        var region = terminated.ActorRef;
        if (!_regions.TryGetValue(region, out var shards))
        {
            return;
        }

        var member = _members.Values.FirstOrDefault(m => m.Address.Equals(region.Path.Address));
        if (shards.Count == 0 || (member is { Status: MemberStatus.Up or MemberStatus.Leaving } && !_unreachable.Contains(member.Address) && !terminated.AddressTerminated))
        {
            RemoveRegion(region, shards.Count == 0 ? null : DateTime.UtcNow + _settings.RemovalMargin);
        }
    }

    private sealed class Rebalance(IActorRef from, HashSet<IActorRef> awaitingAcks)
    {
        public IActorRef From { get; } = from;

        public HashSet<IActorRef> AwaitingAcks { get; } = awaitingAcks;

        public bool HandOffSent { get; set; }
    }
}
