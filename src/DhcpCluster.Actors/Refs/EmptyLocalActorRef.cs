namespace DhcpCluster.Actors;

/// <summary>A local path where no actor lives: messages go to dead letters, watchers see it terminated.</summary>
public sealed class EmptyLocalActorRef : InternalActorRef
{
    private readonly ActorSystemImpl _system;
    private readonly ActorPath _path;

    internal EmptyLocalActorRef(ActorSystemImpl system, ActorPath path)
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
    public override bool IsTerminated => true;

    /// <inheritdoc/>
    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is Identify identify)
        {
            sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
            return;
        }

        _system.DeadLetterFromMailbox(message, sender, this, "no such actor");
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
