using Microsoft.Extensions.Logging;
using static DhcpCluster.Actors.Cluster.Sharding.ShardRegionProtocol;

namespace DhcpCluster.Actors.Cluster.Sharding;

/// <summary>
/// One shard of a region: creates each entity on its first message (named by its escaped id), passivates idle
/// entities and those that ask (<see cref="Passivate"/>, buffering their messages while they stop), and on
/// hand-off sends every entity the stop message, returns new messages to the region (which buffers them until
/// the shard's new home is known), and stops once all entities stopped (or after handoff-timeout).
/// </summary>
internal sealed class Shard : ReceiveActor, IWithTimers
{
    private readonly string _shardId;
    private readonly Func<string, Props> _entityProps;
    private readonly ClusterShardingSettings _settings;
    private readonly object _stopMessage;
    private readonly ILogger _log;
    private readonly Dictionary<string, IActorRef> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _ids = [];
    private readonly Dictionary<string, long> _lastActive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<(ShardDelivery Delivery, IActorRef? Sender)>> _passivating = new(StringComparer.Ordinal);
    private bool _handingOff;

    public Shard(string shardId, Func<string, Props> entityProps, ClusterShardingSettings settings, object stopMessage)
    {
        _shardId = shardId;
        _entityProps = entityProps;
        _settings = settings;
        _stopMessage = stopMessage;
        _log = Context.GetLogger();
        Receive<ShardDelivery>(OnDelivery);
        Receive<Passivate>(OnPassivate);
        Receive<Terminated>(OnTerminated);
        Receive<ShardProtocol.HandOffShard>(_ => OnHandOff());
        Receive<ShardProtocol.HandOffTimedOut>(_ => OnHandOffTimeout());
        Receive<ShardProtocol.PassivateIdleTick>(_ => PassivateIdle());
        Receive<ShardProtocol.GetShardState>(_ => Sender.Tell(new ShardState(_shardId, [.. _entities.Keys]), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        if (_settings.PassivateIdleEntityAfter > TimeSpan.Zero)
        {
            var interval = TimeSpan.FromTicks(Math.Max(_settings.PassivateIdleEntityAfter.Ticks / 2, TimeSpan.FromMilliseconds(50).Ticks));
            Timers.StartPeriodicTimer("passivate", new ShardProtocol.PassivateIdleTick(), interval);
        }
    }

    private void OnDelivery(ShardDelivery delivery)
    {
        if (_handingOff)
        {
            Context.Parent.Tell(delivery, Sender);
            return;
        }

        if (_passivating.TryGetValue(delivery.EntityId, out var waiting))
        {
            waiting.Enqueue((delivery, Sender));
            return;
        }

        Entity(delivery.EntityId).Tell(delivery.Message, Sender);
        if (_settings.PassivateIdleEntityAfter > TimeSpan.Zero)
        {
            _lastActive[delivery.EntityId] = Environment.TickCount64;
        }
    }

    private IActorRef Entity(string id)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            entity = Context.ActorOf(_entityProps(id), Uri.EscapeDataString(id));
            Context.Watch(entity);
            _entities[id] = entity;
            _ids[entity] = id;
        }

        return entity;
    }

    private void OnPassivate(Passivate passivate)
    {
        if (_ids.TryGetValue(Sender, out var id))
        {
            StartPassivation(id, passivate.StopMessage);
        }
    }

    private void StartPassivation(string id, object stopMessage)
    {
        if (_passivating.ContainsKey(id) || !_entities.TryGetValue(id, out var entity))
        {
            return;
        }

        _passivating[id] = new Queue<(ShardDelivery, IActorRef?)>();
        entity.Tell(stopMessage, Self);
    }

    private void PassivateIdle()
    {
        var limit = (long)_settings.PassivateIdleEntityAfter.TotalMilliseconds;
        var now = Environment.TickCount64;
        foreach (var (id, last) in _lastActive.ToList())
        {
            if (now - last >= limit)
            {
                _lastActive.Remove(id);
                StartPassivation(id, _stopMessage);
            }
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!_ids.Remove(terminated.ActorRef, out var id))
        {
            return;
        }

        _entities.Remove(id);
        _lastActive.Remove(id);
        if (_passivating.Remove(id, out var waiting))
        {
            foreach (var (delivery, sender) in waiting)
            {
                Self.Tell(delivery, sender);
            }
        }

        if (_handingOff && _entities.Count == 0)
        {
            Context.Stop(Self);
        }
    }

    private void OnHandOff()
    {
        _handingOff = true;
        if (_entities.Count == 0)
        {
            Context.Stop(Self);
            return;
        }

        _log.LogInformation("SHARD_HANDOFF {Shard}: stopping {Count} entities", _shardId, _entities.Count);
        foreach (var (id, entity) in _entities)
        {
            if (!_passivating.ContainsKey(id))
            {
                _passivating[id] = new Queue<(ShardDelivery, IActorRef?)>();
                entity.Tell(_stopMessage, Self);
            }
        }

        Timers.StartSingleTimer("handoff", new ShardProtocol.HandOffTimedOut(), _settings.HandOffTimeout);
    }

    private void OnHandOffTimeout()
    {
        _log.LogWarning("SHARD_HANDOFF_TIMEOUT {Shard}: {Count} entities did not stop within {Timeout}; stopping them", _shardId, _entities.Count, _settings.HandOffTimeout);
        foreach (var entity in _entities.Values)
        {
            Context.Stop(entity);
        }
    }
}
