namespace DhcpCluster.Actors;

/// <summary>
/// The system's publish/subscribe bus: subscribers get every published event assignable to the type
/// they subscribed to. Subscriptions are a copy-on-write array, so publishing takes no lock.
/// </summary>
public sealed class EventStream
{
    private Subscription[] _subscriptions = [];
    private readonly Lock _gate = new();

    private readonly record struct Subscription(IActorRef Subscriber, Type Channel);

    /// <summary>Subscribes to events of <paramref name="channel"/> (and subtypes). False when already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            foreach (var s in _subscriptions)
            {
                if (s.Subscriber.Equals(subscriber) && s.Channel == channel)
                {
                    return false;
                }
            }

            _subscriptions = [.. _subscriptions, new Subscription(subscriber, channel)];
            return true;
        }
    }

    /// <summary>Removes one subscription. False when there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        return RemoveWhere(s => s.Subscriber.Equals(subscriber) && s.Channel == channel);
    }

    /// <summary>Removes all subscriptions of a subscriber. False when there were none.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return RemoveWhere(s => s.Subscriber.Equals(subscriber));
    }

    private bool RemoveWhere(Func<Subscription, bool> match)
    {
        lock (_gate)
        {
            var kept = Array.FindAll(_subscriptions, s => !match(s));
            var removed = kept.Length != _subscriptions.Length;
            _subscriptions = kept;
            return removed;
        }
    }

    /// <summary>Number of subscriptions (for diagnostics and leak checks).</summary>
    public int SubscriptionCount => Volatile.Read(ref _subscriptions).Length;

    /// <summary>Publishes an event to every matching subscriber; terminated subscribers are dropped.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subscriptions = Volatile.Read(ref _subscriptions);
        var type = @event.GetType();
        var sawDead = false;
        foreach (var s in subscriptions)
        {
            if (!s.Channel.IsAssignableFrom(type))
            {
                continue;
            }

            if (s.Subscriber is InternalActorRef { IsTerminated: true })
            {
                sawDead = true;
                continue;
            }

            s.Subscriber.Tell(@event, null);
        }

        if (sawDead)
        {
            RemoveWhere(s => s.Subscriber is InternalActorRef { IsTerminated: true });
        }
    }
}
