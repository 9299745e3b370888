namespace DhcpCluster.Actors;

/// <summary>The dead-letter office: every message sent here is published as <see cref="DeadLetter"/> and counted.</summary>
public sealed class DeadLetterActorRef : InternalActorRef
{
    private readonly ActorSystemImpl _system;
    private readonly ActorPath _path;

    internal DeadLetterActorRef(ActorSystemImpl system, ActorPath path)
    {
        _system = system;
        _path = path;
    }

    /// <inheritdoc/>
    public override ActorPath Path => _path;

    /// <inheritdoc/>
    public override ExtendedActorSystem? SystemOrNull => _system;

    /// <inheritdoc/>
    public override InternalActorRef Parent => this;

    /// <inheritdoc/>
    public override bool IsTerminated => false;

    /// <inheritdoc/>
    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DeadLetter dead)
        {
            _system.PublishDeadLetter(dead, null);
        }
        else
        {
            _system.PublishDeadLetter(new DeadLetter(message, sender, this), null);
        }
    }

    /// <inheritdoc/>
    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false, AddressTerminated: false));
        }
    }
}
