namespace DhcpCluster.Actors;

/// <summary>Death watch: Terminated is delivered to each watcher exactly once, ordered after the messages already queued.</summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject) => WatchInternal(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchInternal(subject, message);
    }

    private IActorRef WatchInternal(IActorRef subject, object? message)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(_self))
        {
            return subject;
        }

        var extras = Extras;
        extras.Watching ??= [];
        if (extras.Watching.TryGetValue(subject, out var existing))
        {
            if (!Equals(existing, message))
            {
                throw new InvalidOperationException($"Watch({subject}) and WatchWith({subject}, ...) with different messages: Unwatch first.");
            }

            return subject;
        }

        extras.Watching.Add(subject, message);
        if (subject is InternalActorRef target)
        {
            target.SendSystemMessage(new Watch(target, _self));
        }
        else
        {
            throw new ArgumentException($"Cannot watch {subject}: not an actor reference of this runtime.", nameof(subject));
        }

        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var extras = _extras;
        if (extras?.Watching is not null && extras.Watching.Remove(subject) && subject is InternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(target, _self));
        }

        extras?.TerminatedQueued?.Remove(subject);
        return subject;
    }

    private void AddWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (!ReferenceEquals(watchee, _self) && !watchee.Equals(_self))
        {
            return;
        }

        if (watcher.Equals(_self))
        {
            return;
        }

        if (watcher.Equals(_watchedByOne) || _extras?.WatchedBy?.Contains(watcher) == true)
        {
            return;
        }

        if (_watchedByOne is null)
        {
            _watchedByOne = watcher;
        }
        else
        {
            var extras = Extras;
            extras.WatchedBy ??= [];
            extras.WatchedBy.Add(watcher);
        }
    }

    private void RemoveWatcher(InternalActorRef watchee, InternalActorRef watcher)
    {
        if (!watchee.Equals(_self))
        {
            return;
        }

        if (watcher.Equals(_watchedByOne))
        {
            _watchedByOne = null;
        }
        else
        {
            _extras?.WatchedBy?.Remove(watcher);
        }
    }

    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        var extras = _extras;
        if (extras?.Watching is null || !extras.Watching.Remove(notification.Actor, out var custom))
        {
            return;
        }

        SparseCapacity.ShrinkIfSparse(extras.Watching);

        if (_terminating)
        {
            return;
        }

        extras.TerminatedQueued ??= [];
        extras.TerminatedQueued.Add(notification.Actor);
        var delivery = custom ?? new Terminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated);
        Post(new WatchedActorTerminated(notification.Actor, delivery), notification.Actor, bypassCapacity: true);
    }

    private void ReceiveTerminated(WatchedActorTerminated watched)
    {
        if (_extras?.TerminatedQueued?.Remove(watched.Actor) != true)
        {
            return;
        }

        SparseCapacity.ShrinkIfSparse(_extras.TerminatedQueued);

        var actor = _actor!;
        if (!ReceiveByBehavior(actor, watched.Message))
        {
            if (watched.Message is Terminated terminated)
            {
                throw new DeathPactException($"Monitored actor [{terminated.ActorRef}] terminated and {_self} did not handle Terminated.") { DeadActor = terminated.ActorRef };
            }

            actor.UnhandledMessage(watched.Message);
        }
    }

    private void TellWatchersAndUnwatch()
    {
        if (_watchedByOne is { } only)
        {
            only.SendSystemMessage(new DeathWatchNotification(_self, ExistenceConfirmed: true, AddressTerminated: false));
            _watchedByOne = null;
        }

        var extras = _extras;
        if (extras is null)
        {
            return;
        }

        if (extras.WatchedBy is { } watchers)
        {
            foreach (var watcher in watchers)
            {
                watcher.SendSystemMessage(new DeathWatchNotification(_self, ExistenceConfirmed: true, AddressTerminated: false));
            }

            watchers.Clear();
        }

        if (extras.Watching is { } watching)
        {
            foreach (var subject in watching.Keys)
            {
                (subject as InternalActorRef)?.SendSystemMessage(new Unwatch((InternalActorRef)subject, _self));
            }

            watching.Clear();
        }

        extras.TerminatedQueued?.Clear();
    }

    /// <summary>Sends a system message from the synchronization context (continuations).</summary>
    internal void PostSystemFromContext(SystemMessage message) => PostSystem(message);
}
