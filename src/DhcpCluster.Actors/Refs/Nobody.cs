namespace DhcpCluster.Actors;

/// <summary>The reference to no actor: messages are dropped, watchers see it terminated at once.</summary>
public sealed class Nobody : InternalActorRef
{
    private static readonly ActorPath NobodyPath = ActorPath.CreateRoot(new Address(Address.LocalProtocol, "all-systems")).Child("Nobody");

    private Nobody() { }

    /// <summary>The single instance.</summary>
    public static Nobody Instance { get; } = new();

    /// <inheritdoc/>
    public override ActorPath Path => NobodyPath;

    /// <inheritdoc/>
    public override InternalActorRef Parent => this;

    /// <inheritdoc/>
    public override bool IsTerminated => true;

    /// <inheritdoc/>
    public override void Tell(object message, IActorRef? sender)
    {
        // Messages to nobody are dropped by definition (Akka's Nobody).
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
