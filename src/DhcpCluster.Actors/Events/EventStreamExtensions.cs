namespace DhcpCluster.Actors;

/// <summary>Typed subscription helpers.</summary>
public static class EventStreamExtensions
{
    /// <summary>Subscribes to events of type <typeparamref name="T"/>.</summary>
    public static bool Subscribe<T>(this EventStream stream, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.Subscribe(subscriber, typeof(T));
    }

    /// <summary>Unsubscribes from events of type <typeparamref name="T"/>.</summary>
    public static bool Unsubscribe<T>(this EventStream stream, IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.Unsubscribe(subscriber, typeof(T));
    }
}
