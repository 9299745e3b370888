using Microsoft.Extensions.Logging;
using static DhcpCluster.Actors.Cluster.Sharding.ShardCoordinatorProtocol;
using static DhcpCluster.Actors.Cluster.Sharding.ShardRegionProtocol;

namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>
/// The entry point of one entity type on one node (Akka's <c>ShardRegion</c>): it extracts the entity and shard of
/// each message, delivers to its own shards, forwards to the region hosting the shard, and buffers (bounded,
/// dropping messages older than buffered-message-max-age) while it asks the coordinator where a shard lives or
/// while the shard is being handed off. It registers with the coordinator, reporting the shards it hosts, which
/// is how a new coordinator rebuilds its state. Messages an entity left in its mailbox or stash when it stopped
/// (passivation, hand-off) come back through dead letters and are delivered again, to the entity's new
/// incarnation wherever the shard lives next.
/// </summary>
internal sealed class ShardRegion : ReceiveActor, IWithTimers
{
    private readonly string _typeName;
    private readonly Func<string, Props> _entityProps;
    private readonly ClusterShardingSettings _settings;
    private readonly IMessageExtractor _extractor;
    private readonly object _stopMessage;
    private readonly Cluster _cluster;
    private readonly ILogger _log;
    private readonly string _coordinatorPath;
    private readonly Dictionary<UniqueAddress, Member> _members = [];
    private readonly Dictionary<string, IActorRef> _homes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IActorRef> _shards = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _shardIds = [];
    private readonly HashSet<string> _handingOff = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<(ShardDelivery Delivery, IActorRef? Sender)>> _buffers = new(StringComparer.Ordinal);
    private string _selfPath = string.Empty;
    private IDisposable? _redirect;
    private IActorRef? _coordinator;
    private int _buffered;
    private long _droppedExpired;
    private long _droppedFull;
    private bool _gracefulShutdown;

    public ShardRegion(string typeName, Func<string, Props> entityProps, ClusterShardingSettings settings, IMessageExtractor extractor, object stopMessage)
    {
        _typeName = typeName;
        _entityProps = entityProps;
        _settings = settings;
        _extractor = extractor;
        _stopMessage = stopMessage;
        _cluster = Cluster.Get(Context.System);
        _log = Context.GetLogger();
        _coordinatorPath = ClusterSharding.CoordinatorPath(typeName);
        Receive<ShardDelivery>(d => Deliver(d, Sender));
        Receive<ShardHome>(OnShardHome);
        Receive<HostShard>(OnHostShard);
        Receive<BeginHandOff>(OnBeginHandOff);
        Receive<HandOff>(OnHandOff);
        Receive<RegisterAck>(OnRegisterAck);
        Receive<CoordinatorHello>(h => h.Coordinator.Tell(new Register(Self, [.. _shards.Keys]), Self));
        Receive<RetryTick>(_ => OnRetry());
        Receive<Terminated>(OnTerminated);
        Receive<DeadLetter>(OnDeadLetter);
        Receive<CurrentClusterState>(OnState);
        Receive<ClusterEvent.MemberStatusChange>(OnMemberChange);
        Receive<GracefulShutdown>(_ => StartGracefulShutdown());
        Receive<GetShardRegionState>(_ => ReplyState());
        Receive<GetShardRegionStats>(_ => ReplyStats());
        Receive<GetClusterShardingStats>(OnGetClusterStats);
        Receive<GetCurrentRegions>(_ => OnGetCurrentRegions());
        Receive<Passivate>(_ => _log.LogWarning("SHARDING_PASSIVATE_MISDIRECTED {Type}: Passivate must be sent by an entity to its parent shard", _typeName));
        ReceiveAny(OnEntityMessage);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _selfPath = Self.Path.ToStringWithoutAddress();
        var self = Self;
        _redirect = ((ExtendedActorSystem)Context.System).RedirectUndelivered(Self, undelivered => self.Tell(undelivered, ActorRefs.NoSender));
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.MemberStatusChange));
        Timers.StartPeriodicTimer("retry", new RetryTick(), _settings.RetryInterval);
    }

    protected override void PostStop()
    {
        _redirect?.Dispose();
        _cluster.Unsubscribe(Self);
    }

    private bool HasRole(Member m) => _settings.Role.Length == 0 || m.HasRole(_settings.Role);

    private void OnState(CurrentClusterState state)
    {
        foreach (var m in state.Members.Where(HasRole))
        {
            _members[m.UniqueAddress] = m;
        }

        RegisterIfNeeded();
    }

    private void OnMemberChange(ClusterEvent.MemberStatusChange change)
    {
        if (!HasRole(change.Member))
        {
            return;
        }

        if (change is ClusterEvent.MemberRemoved)
        {
            _members.Remove(change.Member.UniqueAddress);
            var gone = change.Member.Address;
            foreach (var shard in _homes.Where(h => h.Value.Path.Address.Equals(gone)).Select(h => h.Key).ToList())
            {
                _homes.Remove(shard);
            }
        }
        else
        {
            _members[change.Member.UniqueAddress] = change.Member;
        }

        RegisterIfNeeded();
    }

    private void OnEntityMessage(object message)
    {
        var entityId = _extractor.EntityId(message);
        if (entityId is null)
        {
            _log.LogWarning("SHARDING_NO_ENTITY_ID {Type}: {MessageType} has no entity id; dropped", _typeName, message.GetType().Name);
            Context.System.DeadLetters.Tell(message, Sender);
            return;
        }

        var entityMessage = _extractor.EntityMessage(message);
        if (entityMessage is null)
        {
            Context.System.DeadLetters.Tell(message, Sender);
            return;
        }

        Deliver(new ShardDelivery(entityId, _extractor.ShardId(message), entityMessage, DateTime.UtcNow.Ticks), Sender);
    }

    private void Deliver(ShardDelivery delivery, IActorRef? sender)
    {
        if (_homes.TryGetValue(delivery.ShardId, out var home))
        {
            if (!home.Equals(Self))
            {
                home.Tell(delivery, sender);
                return;
            }

            if (!_handingOff.Contains(delivery.ShardId))
            {
                StartShard(delivery.ShardId).Tell(delivery, sender);
                return;
            }
        }

        Buffer(delivery, sender);
    }

    private void Buffer(ShardDelivery delivery, IActorRef? sender)
    {
        if (_buffered >= _settings.BufferSize)
        {
            _droppedFull++;
            if (_droppedFull == 1 || _droppedFull % 1000 == 0)
            {
                _log.LogWarning("SHARDING_BUFFER_FULL {Type}: {Size} messages buffered; {Dropped} dropped so far", _typeName, _settings.BufferSize, _droppedFull);
            }

            return;
        }

        if (!_buffers.TryGetValue(delivery.ShardId, out var queue))
        {
            queue = new Queue<(ShardDelivery, IActorRef?)>();
            _buffers[delivery.ShardId] = queue;
            if (!_handingOff.Contains(delivery.ShardId))
            {
                _coordinator?.Tell(new GetShardHome(delivery.ShardId), Self);
            }
        }

        queue.Enqueue((delivery, sender));
        _buffered++;
    }

    private void Flush(string shard)
    {
        if (!_buffers.Remove(shard, out var queue))
        {
            return;
        }

        _buffered -= queue.Count;
        var oldest = MaxAgeCutoff();
        foreach (var (delivery, sender) in queue)
        {
            if (delivery.CreatedUtcTicks < oldest)
            {
                CountExpired(delivery);
                continue;
            }

            Deliver(delivery, sender);
        }
    }

    private long MaxAgeCutoff() => _settings.BufferedMessageMaxAge > TimeSpan.Zero ? DateTime.UtcNow.Ticks - _settings.BufferedMessageMaxAge.Ticks : long.MinValue;

    private void CountExpired(ShardDelivery delivery)
    {
        _droppedExpired++;
        if (_droppedExpired == 1 || _droppedExpired % 1000 == 0)
        {
            _log.LogWarning("SHARDING_BUFFERED_MESSAGE_EXPIRED {Type}: a {MessageType} for entity {Entity} waited longer than {MaxAge}; {Dropped} dropped so far", _typeName, delivery.Message.GetType().Name, delivery.EntityId, _settings.BufferedMessageMaxAge, _droppedExpired);
        }
    }

    private void DropExpired()
    {
        if (_settings.BufferedMessageMaxAge <= TimeSpan.Zero || _buffered == 0)
        {
            return;
        }

        var oldest = MaxAgeCutoff();
        foreach (var queue in _buffers.Values)
        {
            while (queue.TryPeek(out var head) && head.Delivery.CreatedUtcTicks < oldest)
            {
                queue.Dequeue();
                _buffered--;
                CountExpired(head.Delivery);
            }
        }
    }

    private IActorRef StartShard(string shard)
    {
        if (!_shards.TryGetValue(shard, out var actor))
        {
            actor = Context.ActorOf(Props.Create(() => new Shard(shard, _entityProps, _settings, _stopMessage)), Uri.EscapeDataString(shard));
            Context.Watch(actor);
            _shards[shard] = actor;
            _shardIds[actor] = shard;
        }

        return actor;
    }

    private void OnShardHome(ShardHome home)
    {
        _homes[home.Shard] = home.Region;
        if (home.Region.Equals(Self))
        {
            _handingOff.Remove(home.Shard);
            StartShard(home.Shard);
        }

        Flush(home.Shard);
    }

    private void OnHostShard(HostShard host)
    {
        _homes[host.Shard] = Self;
        _handingOff.Remove(host.Shard);
        StartShard(host.Shard);
        Sender.Tell(new ShardStarted(host.Shard), Self);
        Flush(host.Shard);
    }

    private void OnBeginHandOff(BeginHandOff begin)
    {
        if (_homes.TryGetValue(begin.Shard, out var home) && !home.Equals(Self))
        {
            _homes.Remove(begin.Shard);
        }

        Sender.Tell(new BeginHandOffAck(begin.Shard), Self);
    }

    private void OnHandOff(HandOff handOff)
    {
        if (_shards.TryGetValue(handOff.Shard, out var shard))
        {
            _handingOff.Add(handOff.Shard);
            shard.Tell(new ShardProtocol.HandOffShard(), Self);
            return;
        }

        _homes.Remove(handOff.Shard);
        Sender.Tell(new ShardStopped(handOff.Shard), Self);
    }

    private void OnTerminated(Terminated terminated)
    {
        if (_shardIds.Remove(terminated.ActorRef, out var shard))
        {
            _shards.Remove(shard);
            _handingOff.Remove(shard);
            if (_homes.TryGetValue(shard, out var home) && home.Equals(Self))
            {
                _homes.Remove(shard);
            }

            _coordinator?.Tell(new ShardStopped(shard), Self);
            if (_buffers.ContainsKey(shard))
            {
                _coordinator?.Tell(new GetShardHome(shard), Self);
            }

            StopIfShutDown();
            return;
        }

        if (terminated.ActorRef.Equals(_coordinator))
        {
            _log.LogInformation("SHARDING_COORDINATOR_LOST {Type} at {Address}", _typeName, _coordinator.Path.Address);
            _coordinator = null;
            RegisterIfNeeded();
        }
    }

    private void StopIfShutDown()
    {
        if (_gracefulShutdown && _shards.Count == 0)
        {
            _log.LogInformation("SHARDING_REGION_STOPPED {Type} on {Self}: all shards handed off", _typeName, _cluster.SelfAddress);
            Context.Stop(Self);
        }
    }

    private void OnRegisterAck(RegisterAck ack)
    {
        if (_coordinator is not null && _coordinator.Equals(ack.Coordinator))
        {
            return;
        }

        if (_coordinator is not null)
        {
            Context.Unwatch(_coordinator);
        }

        _coordinator = ack.Coordinator;
        Context.Watch(_coordinator);
        _log.LogInformation("SHARDING_REGISTERED {Type} on {Self} with the coordinator at {Address}", _typeName, _cluster.SelfAddress, _coordinator.Path.Address);
        foreach (var shard in _buffers.Keys)
        {
            if (!_handingOff.Contains(shard))
            {
                _coordinator.Tell(new GetShardHome(shard), Self);
            }
        }

        if (_gracefulShutdown)
        {
            _coordinator.Tell(new GracefulShutdownRequest(Self), Self);
        }
    }

    private void RegisterIfNeeded()
    {
        if (_coordinator is not null)
        {
            return;
        }

        var oldest = _members.Values.Where(m => m.Status == MemberStatus.Up).Aggregate((Member?)null, (best, m) => best is null || m.IsOlderThan(best) ? m : best);
        if (oldest is not null)
        {
            ((ExtendedActorSystem)Context.System).ResolveActorRef(oldest.Address + _coordinatorPath).Tell(new Register(Self, [.. _shards.Keys]), Self);
        }
    }

    private void OnRetry()
    {
        RegisterIfNeeded();
        DropExpired();
        if (_coordinator is not null)
        {
            foreach (var (shard, queue) in _buffers)
            {
                if (queue.Count > 0 && !_handingOff.Contains(shard))
                {
                    _coordinator.Tell(new GetShardHome(shard), Self);
                }
            }

            if (_gracefulShutdown)
            {
                _coordinator.Tell(new GracefulShutdownRequest(Self), Self);
            }
        }

        foreach (var shard in _buffers.Where(b => b.Value.Count == 0).Select(b => b.Key).ToList())
        {
            _buffers.Remove(shard);
        }
    }

    private void OnDeadLetter(DeadLetter dead)
    {
        if (dead.Message is ShardDelivery returned)
        {
            Deliver(returned, dead.Sender);
            return;
        }

        var recipient = dead.Recipient.Path;
        var shardPath = recipient.Parent;
        if (shardPath?.Parent is null || !string.Equals(shardPath.Parent.ToStringWithoutAddress(), _selfPath, StringComparison.Ordinal)
            || dead.Message is PoisonPill or Terminated or Passivate || dead.Message.Equals(_stopMessage) || dead.Message.GetType().DeclaringType == typeof(ShardProtocol))
        {
            return;
        }

        var entityId = Uri.UnescapeDataString(recipient.Name);
        var shardId = Uri.UnescapeDataString(shardPath.Name);
        Deliver(new ShardDelivery(entityId, shardId, dead.Message, DateTime.UtcNow.Ticks), dead.Sender);
    }

    private void StartGracefulShutdown()
    {
        if (_gracefulShutdown)
        {
            return;
        }

        _gracefulShutdown = true;
        _log.LogInformation("SHARDING_REGION_SHUTTING_DOWN {Type} on {Self}: handing off {Count} shards", _typeName, _cluster.SelfAddress, _shards.Count);
        _coordinator?.Tell(new GracefulShutdownRequest(Self), Self);
        StopIfShutDown();
    }

    private void ReplyState()
    {
        var asks = _shards.Values.Select(s => s.Ask<ShardState>(new ShardProtocol.GetShardState(), TimeSpan.FromSeconds(5))).ToList();
        var buffered = _buffered;
        var expired = _droppedExpired;
        var full = _droppedFull;
        _ = Task.WhenAll(asks).PipeTo(Sender, Self, states => new CurrentShardRegionState([.. states.OrderBy(s => s.ShardId, StringComparer.Ordinal)], buffered, expired, full));
    }

    private void ReplyStats()
    {
        var asks = _shards.Values.Select(s => s.Ask<ShardState>(new ShardProtocol.GetShardState(), TimeSpan.FromSeconds(5))).ToList();
        _ = Task.WhenAll(asks).PipeTo(Sender, Self, states => new ShardRegionStats(states.ToDictionary(s => s.ShardId, s => s.EntityIds.Count, StringComparer.Ordinal)));
    }

    private void OnGetClusterStats(GetClusterShardingStats query)
    {
        var system = (ExtendedActorSystem)Context.System;
        var path = Self.Path.ToStringWithoutAddress();
        var asks = _members.Values.Where(m => m.Status == MemberStatus.Up).Select(async m =>
        {
            try
            {
                var target = m.UniqueAddress.Equals(_cluster.SelfUniqueAddress) ? Self : system.ResolveActorRef(m.Address + path);
                var stats = await target.Ask<ShardRegionStats>(GetShardRegionStats.Instance, query.Timeout).ConfigureAwait(false);
                return (m.Address, Stats: (ShardRegionStats?)stats);
            }
            catch (Exception e) when (e is AskTimeoutException or InvalidOperationException or Remote.Serialization.RemoteFailureException)
            {
                return (m.Address, Stats: (ShardRegionStats?)null);
            }
        }).ToList();
        _ = Task.WhenAll(asks).PipeTo(Sender, Self, results => new ClusterShardingStats(
            results.Where(r => r.Stats is not null).ToDictionary(r => r.Address, r => r.Stats!),
            [.. results.Where(r => r.Stats is null).Select(r => r.Address)]));
    }

    private void OnGetCurrentRegions()
    {
        if (_coordinator is null)
        {
            Sender.Tell(new Status.Failure(new InvalidOperationException($"The region of {_typeName} is not registered with a coordinator yet.")), Self);
            return;
        }

        _coordinator.Tell(new GetRegions(), Sender);
    }
}
