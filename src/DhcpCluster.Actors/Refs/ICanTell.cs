namespace DhcpCluster.Actors;

/// <summary>Something a message can be told to: an actor reference or an actor selection.</summary>
public interface ICanTell
{
    /// <summary>Sends a message without waiting (fire and forget).</summary>
    /// <param name="message">The message; never null.</param>
    /// <param name="sender">The sender the receiver sees as <c>Sender</c>; <see cref="ActorRefs.NoSender"/> for none.</param>
    void Tell(object message, IActorRef? sender);
}
