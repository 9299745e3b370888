namespace DhcpCluster.Actors;

/// <summary>
/// The temporary reference an <c>Ask</c> sends as sender: the first message told to it completes the
/// task. It is not an actor (no cell, no mailbox) and is registered under /temp only when its path is
/// needed (a transport sending it), so a local ask allocates just this object and its task.
/// </summary>
internal abstract class PromiseActorRef : InternalActorRef
{
    private readonly ActorSystemImpl _system;
    private ActorPath? _path;
    private string? _registeredName;

    protected PromiseActorRef(ActorSystemImpl system, IActorRef target)
    {
        _system = system;
        Target = target;
    }

    protected IActorRef Target { get; }

    public override ActorPath Path
    {
        get
        {
            if (_path is not null)
            {
                return _path;
            }

            lock (this)
            {
                if (_path is null)
                {
                    var path = _system.TempContainer.Register(this);
                    _registeredName = path.Name;
                    _path = path;
                    if (IsTerminated)
                    {
                        Unregister();
                    }
                }
            }

            return _path;
        }
    }

    public override InternalActorRef Parent => this;

    public override ExtendedActorSystem? SystemOrNull => _system;

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification)
        {
            OnWatchedTerminated(notification.Actor);
        }
    }

    protected virtual void OnWatchedTerminated(IActorRef actor)
    {
    }

    /// <summary>Fails the ask because its message became a dead letter (recipient stopped).</summary>
    public abstract void FailRecipientGone(IActorRef recipient);

    protected void Unregister()
    {
        var name = _registeredName;
        if (name is not null)
        {
            _system.TempContainer.Unregister(name);
        }
    }
}
