namespace DhcpCluster.Actors;

/// <summary>Reference to an actor of this process: telling it enqueues into its cell's mailbox.</summary>
public sealed class LocalActorRef : InternalActorRef
{
    private readonly ActorPath _path;

    internal LocalActorRef(ActorCell cell, ActorPath path)
    {
        Cell = cell;
        _path = path;
    }

    internal ActorCell Cell { get; }

    /// <inheritdoc/>
    public override ActorPath Path => _path;

    /// <inheritdoc/>
    public override ExtendedActorSystem? SystemOrNull => Cell.SystemImpl;

    /// <inheritdoc/>
    public override InternalActorRef Parent => Cell.ParentRef;

    /// <inheritdoc/>
    public override bool IsTerminated => Cell.IsTerminated;

    /// <inheritdoc/>
    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(message, sender);
    }

    /// <inheritdoc/>
    internal override void TellCreatedAt(object message, IActorRef? sender, long createdUtcTicks)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.Post(message, sender, createdUtcTicks, bypassCapacity: false);
    }

    /// <inheritdoc/>
    public override void SendSystemMessage(SystemMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Cell.PostSystem(message);
    }

    /// <inheritdoc/>
    public override void Stop() => Cell.PostSystem(new Terminate());

    /// <inheritdoc/>
    public override IActorRef? GetChild(string name) => Cell.TryGetChild(name);
}
