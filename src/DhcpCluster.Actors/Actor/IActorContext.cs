namespace DhcpCluster.Actors;

/// <summary>What an actor sees of itself and the runtime while it handles a message (Akka's <c>IActorContext</c>).</summary>
public interface IActorContext : IActorRefFactory
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the current message (dead letters when there is none).</summary>
    IActorRef Sender { get; }

    /// <summary>
    /// When the current message was created: when its sender called Tell (on this node or, for a message from another
    /// node, on the sender's node), to within a few milliseconds (<see cref="MessageClock"/>). A stashed message keeps its
    /// time. Layers above compare it with <see cref="MessageClock.UtcNow"/> to refuse work that waited too long.
    /// </summary>
    DateTime CurrentMessageCreatedUtc { get; }

    /// <summary>The parent (supervisor).</summary>
    IActorRef Parent { get; }

    /// <summary>The system the actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The props the actor was created with.</summary>
    Props Props { get; }

    /// <summary>The live children.</summary>
    IReadOnlyCollection<IActorRef> Children { get; }

    /// <summary>The current receive timeout (null: none).</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The child with that name, or <see cref="Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>The live children.</summary>
    IEnumerable<IActorRef> GetChildren();

    /// <summary>Stops a child or this actor (asynchronously, after the current message).</summary>
    void Stop(IActorRef child);

    /// <summary>Delivers <see cref="Terminated"/> once when the subject terminates (at once if it already has).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Delivers <paramref name="message"/> instead of <see cref="Terminated"/> when the subject terminates.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a Terminated not yet handled is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Sends <see cref="Actors.ReceiveTimeout"/> after this long without messages (null: off).</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>Replaces the behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour (undone by <see cref="UnbecomeStacked"/>).</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Returns to the previous stacked behaviour.</summary>
    void UnbecomeStacked();
}
