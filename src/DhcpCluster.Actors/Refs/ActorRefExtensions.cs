namespace DhcpCluster.Actors;

/// <summary>Tell helpers.</summary>
public static class ActorRefExtensions
{
    /// <summary>Sends a message with the current actor as sender (none outside an actor).</summary>
    public static void Tell(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.CurrentSelfOrNoSender);
    }

    /// <summary>Sends a message keeping the current message's sender (inside an actor).</summary>
    public static void Forward(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Sender);
    }

    /// <summary>True for null and <see cref="ActorRefs.Nobody"/>.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null || actorRef is Nobody;
}
